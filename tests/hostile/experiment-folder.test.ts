// Hostile experiment folders: every field that names a file, with ".." or an absolute path, and
// every file or folder replaced by a symbolic link to something outside. The build's reader, the
// runner and a post's directives refuse each by name; the file outside is never read.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  UserError,
  readAllExperiments,
  readExperiment,
  writeText,
} from '../../src/lib/content/experiment.ts';
import { runExperiment } from '../../src/lib/runner/run.ts';
import { planPost } from '../../src/lib/post/plan.ts';
import { startModelApi, type ModelApiDouble } from '../doubles/model-api.ts';
import { runEnv, writeDefinition } from '../support/runner-setup.ts';
import { buildSite } from '../support/build.ts';
import { tempDir, writeTree } from '../support/helpers.ts';

const MARKER = 'OUTSIDE-THE-FOLDER-7f3a';
const SKILL = '---\nname: s\ndescription: d\n---\n\nA skill.\n';
const manifest = (source = 'source.md') =>
  `title: T\ndate: 2026-01-01\nprovenance: { kind: run }\nsource: ${JSON.stringify(source)}\nparticipants:\n  - { id: a, model: A }\n  - { id: b, model: B }\n`;

/** A well-formed experiment in content/experiments/x, and a secret file and folder beside content/. */
async function setUp() {
  const root = await tempDir();
  await writeTree(root, {
    'secret.txt': `${MARKER}\n`,
    'secret-dir/a.md': `${MARKER}\n`,
    'secret-dir/SKILL.md': `${MARKER}\n`,
    'secret-dir/k.json': `${MARKER}\n`,
  });
  const dir = path.join(root, 'content/experiments/x');
  await writeTree(dir, {
    'experiment.yaml': manifest(),
    'source.md': 'The source.\n',
    'skills/a/SKILL.md': SKILL,
    'skills/b/SKILL.md': SKILL,
    'evaluations/a.md': 'A judged.\n',
  });
  return {
    root,
    dir,
    secret: path.join(root, 'secret.txt'),
    secretDir: path.join(root, 'secret-dir'),
  };
}

/** Puts a link at `rel` in the experiment folder, to `target`. */
async function link(dir: string, rel: string, target: string) {
  await fs.rm(path.join(dir, rel), { recursive: true, force: true });
  await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await fs.symlink(target, path.join(dir, rel));
}

async function refusal(dir: string): Promise<string> {
  const err = await readExperiment(dir).then(
    () => new Error('read'),
    (e) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect(err.message).not.toContain(MARKER);
  return err.message;
}

describe('the reader of an experiment folder', () => {
  it('refuses a source field that leaves the folder, naming the field', async () => {
    const { dir } = await setUp();
    for (const source of ['../../../secret.txt', '/etc/passwd', 'skills/../../../secret.txt']) {
      await fs.writeFile(path.join(dir, 'experiment.yaml'), manifest(source));
      expect(await refusal(dir)).toMatch(
        /experiment\.yaml is not a valid experiment manifest:\n {2}source: a path inside the experiment folder/,
      );
    }
  });

  it('refuses every file or folder that is a link, naming it', async () => {
    const cases: [string, 'file' | 'dir', string][] = [
      ['source.md', 'file', 'source.md'],
      ['evaluations/b.md', 'file', 'evaluations/b.md'],
      ['evaluations', 'dir', 'evaluations'],
      ['skills/a/SKILL.md', 'file', 'skills/a/SKILL.md'],
      ['skills/a/extra.md', 'file', 'skills/a/extra.md'],
      ['skills/a', 'dir', 'skills/a'],
      ['skills', 'dir', 'skills'],
      ['post.md', 'file', 'post.md'],
      ['experiment.yaml', 'file', 'experiment.yaml'],
      ['runs/calls/k.json', 'file', 'runs/calls/k.json'],
      ['runs/calls', 'dir', 'runs/calls'],
      ['runs', 'dir', 'runs'],
    ];
    for (const [rel, kind, named] of cases) {
      const { dir, secret, secretDir } = await setUp();
      await link(dir, rel, kind === 'file' ? secret : secretDir);
      const message = await refusal(dir);
      expect(message, rel).toContain(`${path.join(dir, named)}: a symbolic link`);
    }
  });

  it('refuses a pipe in place of the source or a skill file instead of hanging on it', async () => {
    const { dir } = await setUp();
    await fs.rm(path.join(dir, 'source.md'));
    execFileSync('mkfifo', [path.join(dir, 'source.md')]);
    expect(await refusal(dir)).toContain('source.md: not a plain file');
    execFileSync('mkfifo', [path.join(dir, 'skills/a/notes.md')]);
    await fs.rm(path.join(dir, 'source.md'));
    await fs.writeFile(path.join(dir, 'source.md'), 'The source.\n');
    expect(await refusal(dir)).toContain('skills/a/notes.md: not a plain file');
  });

  it('fails npm run build naming the file, and the page never shows what is outside', async () => {
    const { root, dir, secret } = await setUp();
    await link(dir, 'evaluations/b.md', secret);
    const out = path.join(root, 'dist');
    const err: { code: number; stdout: string; stderr: string } = await buildSite(
      path.join(root, 'content'),
      out,
      path.join(root, 'cache'),
    ).then(
      () => Promise.reject(new Error('the build succeeded')),
      (e) => e,
    );
    expect(err.code).toBe(1);
    expect(err.stdout + err.stderr).toContain(
      `${path.join(dir, 'evaluations/b.md')}: a symbolic link`,
    );
    expect(err.stdout + err.stderr).not.toContain(MARKER);
    const built = await fs.readdir(out, { recursive: true }).catch(() => []);
    for (const f of built) {
      const file = path.join(out, String(f));
      if ((await fs.stat(file)).isFile())
        expect(await fs.readFile(file, 'utf8'), String(f)).not.toContain(MARKER);
    }
  });

  it('lists every experiment folder it refuses at once', async () => {
    const { root, dir, secret } = await setUp();
    await fs.cp(dir, path.join(root, 'content/experiments/y'), { recursive: true });
    await link(dir, 'source.md', secret);
    await link(path.join(root, 'content/experiments/y'), 'post.md', secret);
    const err = await readAllExperiments(path.join(root, 'content/experiments')).catch((e) => e);
    expect(err.message).toMatch(/2 of 2 experiments cannot be read/);
    expect(err.message).not.toContain(MARKER);
  });
});

describe('writing into an experiment folder', () => {
  it('never writes through a folder that is a link', async () => {
    const { dir, secretDir } = await setUp();
    await link(dir, 'evaluations', secretDir);
    await expect(
      writeText(dir, { kind: 'evaluation', judge: 'a' }, { source: null }, 'overwritten'),
    ).rejects.toThrow(/evaluations: a symbolic link/);
    expect(await fs.readFile(path.join(secretDir, 'a.md'), 'utf8')).toBe(`${MARKER}\n`);
  });
});

describe('a post', () => {
  it('quotes only the experiment’s own texts, however the directive names a file', async () => {
    const { dir } = await setUp();
    const exp = await readExperiment(dir);
    for (const from of ['../../../secret.txt', '/etc/passwd', 'skills/a/../../source.md']) {
      const post = {
        meta: { title: 'T', description: 'D', author: 'A', date: new Date() },
        body: `:::quote{from="${from}"}\n${MARKER}\n:::\n`,
        bodyOffset: 4,
        file: 'post.md',
      };
      expect(() => planPost({ ...exp, post }, []), from).toThrow(
        `from="${from}" is not a file of this experiment`,
      );
    }
  });
});

describe('a run', () => {
  let api: ModelApiDouble;
  afterAll(() => api?.close());

  it('sends the model nothing from outside the folder: a linked source or skill stops it first', async () => {
    api = await startModelApi({});
    const root = await tempDir();
    await writeTree(root, { 'secret.txt': `${MARKER}\n` });
    for (const [rel, stages] of [
      ['source.md', ['generate', 'evaluate']],
      ['skills/gpt-test/SKILL.md', ['evaluate']],
    ] as const) {
      const dir = path.join(await tempDir(), 'run');
      await writeDefinition(dir, api.url);
      for (const id of ['gpt-test', 'claude-test', 'local-test'])
        await writeTree(dir, { [`skills/${id}/SKILL.md`]: SKILL });
      await link(dir, rel, path.join(root, 'secret.txt'));
      const err = await runExperiment({
        dir,
        stages: [...stages],
        concurrency: 2,
        env: runEnv(api.url),
        prices: {},
      }).catch((e) => e);
      expect(err, rel).toBeInstanceOf(UserError);
      expect(err.message).toContain(`${path.join(dir, rel)}: a symbolic link`);
    }
    expect(api.received).toEqual([]);
  });
});
