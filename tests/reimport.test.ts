// Importing again into an experiment a person has worked on: the files the import wrote are
// replaced, every other file (the post, notes, images, the calls of runs) stays, and the command
// says what it kept.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempDir, writeTree } from './support/helpers.ts';

const exec = promisify(execFile);
const skill = (name: string) => `---\nname: ${name}\ndescription: A skill.\n---\n\n# ${name}\n`;
const HAND_RUN = {
  'note.md': '# A note\n\nWrite small functions.',
  'skills/gpt-5-small-functions/SKILL.md': skill('gpt-5-small-functions'),
  'skills/opus-4-small-functions/SKILL.md': skill('opus-4-small-functions'),
  'evaluations/gpt-5_vs_opus-4/gpt-5/eval.md': '**Winner:** opus-4-small-functions',
  'evaluations/gpt-5_vs_opus-4/opus-4/eval.md': '**Winner:** gpt-5-small-functions',
};

async function command(script: string, args: string[], content: string) {
  return exec(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, CROSSJUDGE_CONTENT: content },
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e) => e as { stdout: string; stderr: string; code: number },
  );
}

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
