// npm run import -- <src> --read-with <provider>:<model>, against the model API double: a model's
// answer is taken only when its evidence is a sentence of the evaluation naming the winner; the
// call is stored and reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startModelApi, type ModelApiDouble } from './doubles/model-api.ts';
import { runEnv } from './support/runner-setup.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { readManifest } from '../src/lib/content/experiment.ts';

const exec = promisify(execFile);
const OPEN = 'Honestly, the tidy-tests skill carried the day for me.';
let api: ModelApiDouble;
let folder: string;

beforeAll(async () => {
  api = await startModelApi({
    reads: {
      'reader-ok': { winner: 'gpt-5', evidence: OPEN },
      'reader-made-up': { winner: 'gpt-5', evidence: 'tidy-tests is the best skill by far.' },
      'reader-other': { winner: 'claude-sonnet-4-5', evidence: OPEN },
    },
  });
  folder = await tempDir();
  await writeTree(folder, {
    'note.md': '# A note\n\nTest the edges.\n',
    'skills/gpt-5-tidy-tests/SKILL.md': '---\nname: tidy-tests\ndescription: x\n---\n\nTidy.\n',
    'skills/claude-sonnet-4-5-test-hygiene/SKILL.md':
      '---\nname: test-hygiene\ndescription: x\n---\n\nClean.\n',
    'evaluations/gpt-5_vs_claude-sonnet-4-5/gpt-5.md': `Both skills are short. ${OPEN} The other one never says when to stop.\n`,
    'evaluations/gpt-5_vs_claude-sonnet-4-5/claude-sonnet-4-5.md': '**Winner:** test-hygiene\n',
  });
});
afterAll(() => api.close());

async function importWith(content: string, reader?: string) {
  const args = [
    '--import',
    'tsx',
    'scripts/import.ts',
    folder,
    '--slug',
    'rw',
    ...(reader ? ['--read-with', reader] : []),
  ];
  const { stdout } = await exec(process.execPath, args, {
    env: { ...process.env, ...runEnv(api.url), CROSSJUDGE_CONTENT: content },
  });
  const dir = path.join(content, 'experiments', 'rw');
  return { stdout, dir, manifest: await readManifest(dir) };
}
const judgeOf = (m: Awaited<ReturnType<typeof readManifest>>, id: string) =>
  m.verdicts.find((v) => v.judge === id)!;

describe('--read-with', () => {
  it('leaves the verdict open without it, and takes a checked answer with it, once', async () => {
    const content = await tempDir();
    const plain = await importWith(content);
    expect(judgeOf(plain.manifest, 'gpt-5').winner).toBeNull();

    const first = await importWith(content, 'openai:reader-ok');
    const v = judgeOf(first.manifest, 'gpt-5');
    expect(v).toMatchObject({ winner: 'gpt-5', evidence: OPEN, readBy: 'reader-ok' });
    expect(judgeOf(first.manifest, 'claude-sonnet-4-5').readBy).toBeUndefined(); // read from the prose, no call
    const record = JSON.parse(
      await fs.readFile(path.join(first.dir, 'runs/calls', `${v.call}.json`), 'utf8'),
    );
    expect(record).toMatchObject({ kind: 'read', requested: 'reader-ok', status: 'ok' });
    expect(JSON.stringify(record)).not.toContain('SECRET');
    const asked = api.received.filter((r) => r.kind === 'read').length;
    expect(asked).toBe(1);

    const again = await importWith(content, 'openai:reader-ok');
    expect(judgeOf(again.manifest, 'gpt-5')).toMatchObject({
      winner: 'gpt-5',
      readBy: 'reader-ok',
    });
    expect(api.received.filter((r) => r.kind === 'read').length).toBe(asked); // reused, not asked again
    expect(again.stdout).toContain('0 calls made, 1 taken from earlier imports');
  });

  it('does not take evidence the evaluation does not contain, or that names another', async () => {
    for (const reader of ['reader-made-up', 'reader-other']) {
      const { manifest, stdout } = await importWith(await tempDir(), `anthropic:${reader}`);
      expect(judgeOf(manifest, 'gpt-5').winner).toBeNull();
      expect(stdout).toMatch(/stays open; .* not taken/);
    }
  });

  it('rejects a malformed --read-with without a stack trace', async () => {
    const err = await exec(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', folder, '--read-with', 'gpt-5'],
      { env: { ...process.env, CROSSJUDGE_CONTENT: await tempDir() } },
    ).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('<provider>:<model>');
    expect(err.stderr).not.toMatch(/\n\s+at /);
  });
});
