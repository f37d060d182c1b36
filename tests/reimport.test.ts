// Importing again into an experiment a person has worked on: the files the import wrote are
// replaced, every other file (the post, notes, images, the calls of runs) stays, and the command
// says what it kept.
import { describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempDir, writeTree } from './support/helpers.ts';
import { HAND_RUN, command } from './support/hand-run.ts';

const exec = promisify(execFile);
// each test runs the import command several times, a few seconds each on a busy machine
vi.setConfig({ testTimeout: 120_000 });
const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );

async function importedOnce() {
  const folder = path.join(await tempDir(), 'small-functions');
  await writeTree(folder, HAND_RUN);
  const content = await tempDir();
  expect((await command('import', [folder, '--slug', 'x'], content)).code).toBe(0);
  return { folder, content, dir: path.join(content, 'experiments/x') };
}

describe('importing again', () => {
  it('keeps the post and every file a person added, and says so', async () => {
    const { folder, content, dir } = await importedOnce();
    expect((await command('draft', ['x'], content)).code).toBe(0);
    const post = await fs.readFile(path.join(dir, 'post.md'), 'utf8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    await writeTree(dir, { 'notes.md': 'My notes.', 'images/figure.png': '' });
    await fs.writeFile(path.join(dir, 'images/figure.png'), png);
    // the folder changes: an evaluation is gone, a skill has a new file
    await fs.rm(path.join(folder, 'evaluations/gpt-5_vs_opus-4/opus-4'), { recursive: true });
    await writeTree(folder, { 'skills/gpt-5-small-functions/refs/more.md': 'More.' });

    const again = await command('import', [folder, '--slug', 'x'], content);
    expect(again.code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'post.md'), 'utf8')).toBe(post);
    expect(await fs.readFile(path.join(dir, 'notes.md'), 'utf8')).toBe('My notes.');
    expect(await fs.readFile(path.join(dir, 'images/figure.png'))).toEqual(png);
    expect(again.stdout).toMatch(
      /kept 3 files you added: images\/figure\.png, notes\.md, post\.md/,
    );
    // what the import wrote follows the folder
    expect(await exists(path.join(dir, 'skills/gpt-5/refs/more.md'))).toBe(true);
    expect(await exists(path.join(dir, 'evaluations/opus-4.md'))).toBe(false);
  });

  it('keeps the post of an experiment imported before imports were recorded', async () => {
    const { folder, content, dir } = await importedOnce();
    await fs.rm(path.join(dir, '.crossjudge'), { recursive: true, force: true });
    await writeTree(dir, {
      'post.md': '---\ntitle: T\ndescription: D\nauthor: A\ndate: 2026-01-01\n---\n\nMy story.\n',
    });
    const again = await command('import', [folder, '--slug', 'x'], content);
    expect(again.code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'post.md'), 'utf8')).toContain('My story.');
    expect(again.stdout).toContain('kept 1 file you added: post.md');
  });

  it('stops, writing nothing, when the folder now has a file where a person put one', async () => {
    const { folder, content, dir } = await importedOnce();
    await writeTree(dir, { 'skills/gpt-5/refs/more.md': 'Mine.' });
    await writeTree(folder, { 'skills/gpt-5-small-functions/refs/more.md': 'Theirs.' });
    const again = await command('import', [folder, '--slug', 'x'], content);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `${path.join(dir, 'skills/gpt-5/refs/more.md')} was added by hand, and the import would now write it`,
    );
    expect(await fs.readFile(path.join(dir, 'skills/gpt-5/refs/more.md'), 'utf8')).toBe('Mine.');
  });
});

describe('importing from another origin into the same slug', () => {
  /** A git repository at <root>/<owner>/llm-guidance, cloned from its file:// URL. */
  async function repo(root: string, owner: string, judge: string) {
    const dir = path.join(root, owner, 'llm-guidance');
    await writeTree(dir, {
      ...HAND_RUN,
      'evaluations/gpt-5_vs_opus-4/gpt-5/eval.md': `**Winner:** ${judge}`,
    });
    const git = (...a: string[]) =>
      exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...a], { cwd: dir });
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-qm', owner);
    return `file://${dir}`;
  }

  it('stops and asks for --slug or --replace, leaving the first as it was', async () => {
    const root = await tempDir();
    const alice = await repo(root, 'alice', 'opus-4-small-functions');
    const bob = await repo(root, 'bob', 'gpt-5-small-functions');
    const content = await tempDir();
    const dir = path.join(content, 'experiments/llm-guidance');
    expect((await command('import', [alice], content)).code).toBe(0);
    const file = path.join(dir, 'experiment.yaml');
    const edited = (await fs.readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Alice’s');
    await fs.writeFile(file, edited);
    await writeTree(dir, { 'notes.md': 'About Alice’s.' });

    const second = await command('import', [bob], content);
    expect(second.code).toBe(1);
    expect(second.stdout).not.toMatch(/updated|wrote/);
    expect(second.stderr).toContain(
      `${dir} holds the experiment imported from ${alice}, not from ${bob}: give --slug <another slug> to import this one beside it, or --replace to replace it; nothing was written`,
    );
    expect(await fs.readFile(file, 'utf8')).toBe(edited);

    const beside = await command('import', [bob, '--slug', 'bob-guidance'], content);
    expect(beside.code).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toBe(edited);

    const replaced = await command('import', [bob, '--replace'], content);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('replaced');
    expect(replaced.stdout).toContain('kept 1 file you added: notes.md');
    const yaml = await fs.readFile(file, 'utf8');
    expect(yaml).not.toContain('Alice’s');
    expect(yaml).toContain(`origin: ${bob}`);
    // and bob's is now the one a re-import updates
    expect((await command('import', [bob], content)).code).toBe(0);
  });

  it('tells two folders of the same name apart, and an experiment that was run, not imported', async () => {
    const root = await tempDir();
    await writeTree(path.join(root, 'a/exp'), HAND_RUN);
    await writeTree(path.join(root, 'b/exp'), HAND_RUN);
    const content = await tempDir();
    expect((await command('import', [path.join(root, 'a/exp')], content)).code).toBe(0);
    const other = await command('import', [path.join(root, 'b/exp')], content);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /holds the experiment imported from folder exp \([0-9a-f]+\), not from folder exp \([0-9a-f]+\)/,
    );

    await writeTree(content, {
      'experiments/run/experiment.yaml':
        'title: R\ndate: 2026-01-01\nprovenance: { kind: run }\nsource: null\nparticipants: [{ id: a, model: A }]\n',
    });
    const run = await command('import', [path.join(root, 'a/exp'), '--slug', 'run'], content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds an experiment that was not imported (provenance: run)');
  });
});
