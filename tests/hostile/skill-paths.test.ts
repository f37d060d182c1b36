// A model's skill is written under skills/<participant>/: a path the file system cannot take, or
// two that cannot both be written, make a malformed answer (asked again once, then a failed cell),
// and the rest of the run goes on. Before, such a skill passed the checks, was stored as ok, and
// EEXIST ended this run and every rerun before the other skills were written.
import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startModelApi, type DoubleOptions, type ModelApiDouble } from '../doubles/model-api.ts';
import { experimentDir, runEnv, writeDefinition } from '../support/runner-setup.ts';
import { tempDir } from '../support/helpers.ts';
import { runExperiment } from '../../src/lib/runner/run.ts';
import { skillProblem, type SkillFile } from '../../src/lib/runner/prompts.ts';
import { readCalls } from '../../src/lib/content/experiment.ts';
import { listFiles } from '../../src/lib/content/files.ts';

const SKILL_MD = {
  path: 'SKILL.md',
  content: '---\nname: odd\ndescription: A skill with odd paths.\n---\n\n# Odd\n',
};
const skill = (...paths: string[]): SkillFile[] => [
  SKILL_MD,
  ...paths.map((p) => ({ path: p, content: 'x\n' })),
];

describe('the paths of a generated skill', () => {
  it.each([
    [skill('a', 'a/b.md'), /"a" is both a file and the folder of "a\/b\.md"/],
    [skill('notes/x.md', 'Notes/x.md'), /the same file where case is ignored/],
    [skill('nul\u0000.md'), /control character/],
    [skill('esc\u001b[2J.md'), /control character/],
    [skill(`${'n'.repeat(300)}.md`), /303 bytes long, more than a file system takes \(255\)/],
    [skill(`${'d/'.repeat(600)}x.md`), /more than 1024/],
    [skill('x.md', 'x.md'), /"x\.md" appears twice/],
  ])('refuses %#', (files, why) => {
    expect(skillProblem(files)).toMatch(why);
  });

  it('takes a legal name of 253 characters and paths in folders', () => {
    expect(skillProblem(skill(`${'n'.repeat(250)}.md`, 'a/b.md', 'a/c/d.md'))).toBeNull();
  });
});

const opened: ModelApiDouble[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

async function setup(options: DoubleOptions) {
  const api = await startModelApi(options);
  opened.push(api);
  const dir = experimentDir(await tempDir(), 'odd');
  await writeDefinition(dir, api.url);
  return { api, dir };
}

const generate = (api: ModelApiDouble, dir: string) =>
  runExperiment({ dir, stages: ['generate'], concurrency: 3, env: runEnv(api.url), prices: {} });

describe('a run where one model answers a skill that cannot be written', () => {
  it('asks it again once, fails its cell, and writes the other skills', async () => {
    const { api, dir } = await setup({ skills: { 'local-test': skill('a', 'a/b.md') } });
    const result = await generate(api, dir);
    expect(api.received.filter((r) => r.model === 'local-test')).toHaveLength(2);
    expect(result.failures).toEqual([
      {
        kind: 'generate',
        participant: 'local-test',
        error: expect.stringMatching(/^malformed answer: "a" is both a file and the folder/),
      },
    ]);
    expect(await listFiles(path.join(dir, 'skills/gpt-test'))).toContain('SKILL.md');
    expect(await listFiles(path.join(dir, 'skills/claude-test'))).toContain('SKILL.md');
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toEqual([]);
    const failed = (await readCalls(dir)).find((c) => c.participant === 'local-test')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('asks again for a skill stored as ok by an older check, and a rerun does not stop', async () => {
    const { api, dir } = await setup({});
    await generate(api, dir);
    // a stored call of an older version, whose skill this version refuses
    const calls = path.join(dir, 'runs/calls');
    const stored = (await readCalls(dir)).find((c) => c.participant === 'local-test')!;
    stored.output = { files: skill('a', 'a/b.md') };
    await fs.writeFile(path.join(calls, `${stored.key}.json`), JSON.stringify(stored));
    await fs.rm(path.join(dir, 'skills/local-test'), { recursive: true });

    api.received.length = 0;
    const again = await generate(api, dir);
    expect(again.failures).toEqual([]);
    expect(again.totals).toMatchObject({ made: 1, reused: 2 });
    expect(api.received.map((r) => r.model)).toEqual(['local-test']);
    expect(await listFiles(path.join(dir, 'skills/local-test'))).toContain('SKILL.md');
  });
});
