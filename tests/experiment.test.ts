// Reading an experiment folder and the price table: a file that is there but cannot be read is
// reported with its name and the real reason, never as missing and never dropped.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, readAllExperiments, readExperiment } from '../src/lib/content/experiment.ts';
import { readPrices } from '../src/lib/content/prices.ts';
import { tempDir, writeTree } from './support/helpers.ts';
import { buildSite } from './support/build.ts';

const MANIFEST =
  'title: T\ndate: 2026-01-01\nprovenance: { kind: import }\nsource: source.md\nparticipants:\n  - { id: a, model: A }\n  - { id: b, model: B }\n';

async function experiment(files: Record<string, string> = {}) {
  const dir = await tempDir();
  await writeTree(dir, {
    'experiment.yaml': MANIFEST,
    'source.md': 'text',
    'evaluations/a.md': 'A judged.',
    ...files,
  });
  return dir;
}

/** A file that exists but cannot be read, even by root: a folder in its place. */
const unreadable = (file: string) =>
  fs.rm(file, { force: true }).then(() => fs.mkdir(file, { recursive: true }));

describe('reading an experiment', () => {
  it('reads the source and the evaluations that are there', async () => {
    const exp = await readExperiment(await experiment());
    expect(exp.source).toBe('text');
    expect(exp.evaluations.map((e) => e.judge)).toEqual(['a']);
  });

  it('reports a source that cannot be read with the file and the reason, not as missing', async () => {
    const dir = await experiment();
    await unreadable(path.join(dir, 'source.md'));
    const err = await readExperiment(dir).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      `${path.join(dir, 'source.md')}: cannot read it: illegal operation on a directory (EISDIR)`,
    );
  });

  it('stops at an evaluation that cannot be read instead of dropping it', async () => {
    const dir = await experiment();
    await unreadable(path.join(dir, 'evaluations/a.md'));
    await expect(readExperiment(dir)).rejects.toThrow(
      `${path.join(dir, 'evaluations/a.md')}: cannot read it: illegal operation on a directory (EISDIR)`,
    );
  });
});

describe('reading the price table', () => {
  it('takes no file as no prices', async () => {
    expect(await readPrices(path.join(await tempDir(), 'prices.yaml'))).toEqual({});
  });

  it('reports a table that cannot be read, or is not YAML, with the file', async () => {
    const file = path.join(await tempDir(), 'prices.yaml');
    await unreadable(file);
    await expect(readPrices(file)).rejects.toThrow(
      `${file}: cannot read it: illegal operation on a directory (EISDIR)`,
    );
    await fs.rm(file, { recursive: true });
    await fs.writeFile(file, 'gpt-5: { input: 1, output: [\n');
    await expect(readPrices(file)).rejects.toThrow(`${file} is not valid YAML`);
  });
});

/** Three broken experiments beside a good one. */
async function brokenContent(): Promise<string> {
  const content = await tempDir();
  const root = path.join(content, 'experiments');
  await fs.mkdir(root, { recursive: true });
  await fs.rename(await experiment(), path.join(root, 'good'));
  await fs.rename(
    await experiment({ 'experiment.yaml': MANIFEST.replace('model: B', 'model: ""') }),
    path.join(root, 'empty-model'),
  );
  await fs.rename(
    await experiment({ 'experiment.yaml': 'title: "unclosed\n' }),
    path.join(root, 'bad-yaml'),
  );
  await fs.rename(
    await experiment({
      'experiment.yaml': MANIFEST.replace('source: source.md', 'source: gone.md'),
    }),
    path.join(root, 'no-source'),
  );
  return content;
}

const EVERY_PROBLEM = [
  /3 of 4 experiments cannot be read/,
  /bad-yaml\/experiment\.yaml is not valid YAML/,
  /empty-model\/experiment\.yaml is not a valid experiment manifest:\n\s+participants\.1\.model: /,
  /no-source\/experiment\.yaml: field source names gone\.md, which does not exist/,
];

describe('several broken experiments', () => {
  it('are all reported at once', async () => {
    const err = await readAllExperiments(path.join(await brokenContent(), 'experiments')).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    for (const problem of EVERY_PROBLEM) expect(err.message).toMatch(problem);
  });

  it('fail npm run build with every one named and no stack trace', async () => {
    const content = await brokenContent();
    const err: { code: number; stdout: string; stderr: string } = await buildSite(
      content,
      path.join(content, 'dist'),
      path.join(content, 'cache'),
    ).then(
      () => Promise.reject(new Error('the build succeeded')),
      (e) => e,
    );
    expect(err.code).toBe(1);
    const output = err.stdout + err.stderr;
    for (const problem of EVERY_PROBLEM) expect(output).toMatch(problem);
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
