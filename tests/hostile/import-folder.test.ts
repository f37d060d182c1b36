// Hostile folders to import: links to files outside it (in the folder, in a cloned repository, as
// its crossjudge.yaml) and mapping-file fields that climb out with "..". Nothing outside the folder
// is read: links are skipped and said so, the mapping file is refused, and ".." names no file.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { tempDir, writeTree } from '../support/helpers.ts';
import { HAND_RUN, command } from '../support/hand-run.ts';

const MARKER = 'OUTSIDE-THE-FOLDER-91be';
/** A hand-run experiment in `<root>/folder`, and a secret file and folder beside it. */
async function setUp(extra: Record<string, string> = {}) {
  const root = await tempDir();
  await writeTree(root, { 'secret.txt': `${MARKER}\n`, 'secret-dir/notes.md': `${MARKER}\n` });
  const folder = path.join(root, 'folder');
  await writeTree(folder, { ...HAND_RUN, ...extra });
  return { root, folder, secret: path.join(root, 'secret.txt') };
}

async function importFolder(folder: string, ...args: string[]) {
  const content = await tempDir();
  const result = await command('import', [folder, '--slug', 'x', ...args], content);
  return { ...result, content, output: result.stdout + result.stderr };
}

/** Every file written under `dir`, none of which may hold the marker. */
async function expectNothingFromOutside(dir: string, output: string) {
  expect(output).not.toContain(MARKER);
  for (const f of await fs.readdir(dir, { recursive: true })) {
    const file = path.join(dir, String(f));
    const stat = await fs.lstat(file);
    expect(stat.isSymbolicLink(), String(f)).toBe(false);
    if (stat.isFile()) expect(await fs.readFile(file, 'utf8'), String(f)).not.toContain(MARKER);
  }
}

describe('importing a folder with links in it', () => {
  it('skips a linked file or folder of a skill, and says so', async () => {
    const { folder, secret, root } = await setUp();
    await fs.symlink(secret, path.join(folder, 'skills/gpt-5-small-functions/extra.md'));
    await fs.symlink(
      path.join(root, 'secret-dir'),
      path.join(folder, 'skills/opus-4-small-functions/refs'),
    );
    const r = await importFolder(folder);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'skipped 2 symbolic links and special files, never read: skills/gpt-5-small-functions/extra.md, skills/opus-4-small-functions/refs',
    );
    await expectNothingFromOutside(r.content, r.output);
  });

  it('does not take a linked file for the source', async () => {
    const { folder, secret } = await setUp();
    await fs.rm(path.join(folder, 'note.md'));
    await fs.symlink(secret, path.join(folder, 'note.md'));
    const r = await importFolder(folder);
    // the link is never read: the import goes on without source material, and says so
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('source material: none');
    await expectNothingFromOutside(r.content, r.output);
  });

  it('refuses a crossjudge.yaml that is a link, naming it', async () => {
    const { folder, secret } = await setUp();
    await fs.symlink(secret, path.join(folder, 'crossjudge.yaml'));
    const r = await importFolder(folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(folder, 'crossjudge.yaml')}: a symbolic link`);
    await expectNothingFromOutside(r.content, r.output);
  });

  it('skips a link committed to a cloned repository', async () => {
    const { folder, secret } = await setUp();
    await fs.symlink(secret, path.join(folder, 'skills/gpt-5-small-functions/extra.md'));
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...a], { cwd: folder });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'x');
    const r = await importFolder(`file://${folder}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('never read: skills/gpt-5-small-functions/extra.md');
    await expectNothingFromOutside(r.content, r.output);
  });
});

describe('a mapping file whose fields climb out of the folder', () => {
  const cases: [string, Record<string, unknown>, RegExp | null][] = [
    [
      'source',
      { source: '../secret.txt' },
      /field source names \.\.\/secret\.txt, which is not a text file/,
    ],
    [
      'source',
      { source: '/etc/passwd' },
      /field source names \/etc\/passwd, which is not a text file/,
    ],
    ['a prompt', { prompts: { generation: '../secret.txt' } }, null],
    [
      'a skill folder',
      { participants: { 'gpt-5': { skill: '../secret-dir' } } },
      /which is no skill folder/,
    ],
    [
      'a judge',
      { judges: { '../secret.txt': 'gpt-5' } },
      /judges\.\.\.\/secret\.txt names no evaluation/,
    ],
    [
      'a verdict',
      { verdicts: { '../secret.txt': 'gpt-5' } },
      /verdicts\.\.\.\/secret\.txt names no evaluation/,
    ],
    ['the artifacts', { artifacts: '../secret-dir/*', evaluations: '../**' }, /./],
  ];
  for (const [what, map, error] of cases)
    it(`reads nothing outside for ${what}: ${JSON.stringify(map)}`, async () => {
      const { folder } = await setUp({ 'crossjudge.yaml': YAML.stringify(map) });
      const r = await importFolder(folder);
      if (error) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(error);
      } else expect(r.code).toBe(0);
      await expectNothingFromOutside(r.content, r.output);
    });
});
