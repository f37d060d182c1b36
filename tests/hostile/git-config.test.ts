// Importing a folder reads its git metadata (the last commit, its date, the origin remote) without
// git ever reading the folder's own config, which can name programs git runs: gpg.program with
// log.showSignature (run by git log), core.fsmonitor (run by git status and others).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { repoInfo } from '../../src/lib/content/git.ts';
import { readManifest } from '../../src/lib/content/experiment.ts';
import { tempDir, writeTree } from '../support/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A repository whose config runs a program that leaves `marker` behind, and whose last commit is signed. */
async function hostileRepo(marker: string) {
  const dir = await tempDir();
  await writeTree(dir, {
    'source.md': '# Note\n\nKeep it small.\n',
    'skills/gpt-5/SKILL.md': '---\nname: gpt-5-small\ndescription: d\n---\n\nA.\n',
    'skills/opus-4-6/SKILL.md': '---\nname: opus-4-6-small\ndescription: d\n---\n\nB.\n',
    'evaluations/gpt-5_vs_opus-4-6/gpt-5.md': '# Review\n\nWinner: opus-4-6\n',
  });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'one');
  // a commit with a signature header, so that log.showSignature makes git run gpg.program
  const tree = git(dir, 'rev-parse', 'HEAD^{tree}');
  const object = `tree ${tree}\nauthor t <t@e> 1700000000 +0100\ncommitter t <t@e> 1700000000 +0100\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n`;
  await fs.writeFile(path.join(dir, '.git', 'signed'), object);
  const commit = git(dir, 'hash-object', '-t', 'commit', '-w', '.git/signed');
  git(dir, 'update-ref', 'HEAD', commit);
  const program = path.join(path.dirname(marker), 'leave-marker.sh');
  await fs.writeFile(program, `#!/bin/sh\necho "$0 $*" >> ${marker}\n`, { mode: 0o755 });
  await fs.writeFile(path.join(dir, '.git', 'more-config'), `[core]\n\tfsmonitor = ${program}\n`);
  for (const [key, value] of [
    ['gpg.program', program],
    ['log.showSignature', 'true'],
    ['core.fsmonitor', program],
    ['core.pager', program],
    ['include.path', 'more-config'],
    ['remote.origin.url', 'https://someone:ghp_secret0123456789@example.com/o/r.git'],
  ])
    git(dir, 'config', key, value);
  return { dir, commit };
}

describe('a folder whose git config names programs', () => {
  it('gives its commit, date and remote, and git runs none of its programs', async () => {
    const marker = path.join(await tempDir(), 'ran');
    const { dir, commit } = await hostileRepo(marker);
    // the repository is as hostile as it looks: git log itself runs the program
    git(dir, 'log', '-1', '--format=%H');
    expect(existsSync(marker)).toBe(true);
    await fs.rm(marker);

    expect(await repoInfo(dir)).toEqual({
      commit,
      date: new Date('2023-11-14T22:13:20Z'),
      remote: 'https://example.com/o/r.git',
    });
    expect(existsSync(marker)).toBe(false);
  });

  it('is imported without running any of them', async () => {
    const marker = path.join(await tempDir(), 'ran');
    const { dir, commit } = await hostileRepo(marker);
    const content = await tempDir();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/import.ts'), dir, '--slug', 'hostile'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CROSSJUDGE_CONTENT: content } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const manifest = await readManifest(path.join(content, 'experiments', 'hostile'));
    expect(manifest.provenance).toMatchObject({ commit, origin: 'https://example.com/o/r.git' });
  });

  it('reads a worktree, whose .git is a file naming its git dir', async () => {
    const marker = path.join(await tempDir(), 'ran');
    const { dir, commit } = await hostileRepo(marker);
    const worktree = path.join(await tempDir(), 'wt');
    git(dir, '-c', 'core.fsmonitor=false', 'worktree', 'add', '-q', '--detach', worktree, commit);
    expect((await repoInfo(worktree))?.commit).toBe(commit);
    expect(existsSync(marker)).toBe(false);
  });

  it('gives null for a folder that is not a repository, or inside one', async () => {
    const { dir } = await hostileRepo(path.join(await tempDir(), 'ran'));
    expect(await repoInfo(path.join(dir, 'skills'))).toBeNull();
    expect(await repoInfo(await tempDir())).toBeNull();
  });
});
