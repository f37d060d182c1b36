// The system git, for importing experiments from repositories.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.ts';
import { stripCredentials } from './secrets.ts';

const run = promisify(execFile);

/** The transports a clone may use: no ext:: (runs commands), no fd::, nothing a redirect could reach. */
const ALLOWED_PROTOCOLS = 'https:http:ssh:git:file';

async function git(args: string[], cwd?: string): Promise<string> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS };
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, env });
  return stdout.trim();
}

/** Looks like something git clones rather than a local folder: scheme://, user@host:path. */
export const isGitUrl = (s: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^[^/\s]+@[^/\s]+:/.test(s);

/** Clones the last commit into a temporary folder; the caller removes it. */
export async function clone(url: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-import-'));
  try {
    await git(['clone', '--quiet', '--depth', '1', '--no-tags', '--', url, dir]);
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    const stderr =
      String((err as { stderr?: string }).stderr ?? '').trim() || (err as Error).message;
    const said = stripCredentials(stderr)
      .split('\n')
      .map((line) => `  ${line}`.trimEnd())
      .join('\n');
    throw new UserError(`git could not clone ${stripCredentials(url)}; git said:\n${said}`);
  }
  return dir;
}

export interface RepoInfo {
  commit: string;
  date: Date;
  remote?: string;
}

/**
 * The last commit of the repository at `dir` (a folder whose .git is there), or null when it is not
 * one. The folder's own git config is never read by git: it can name programs (gpg.program with
 * log.showSignature, core.fsmonitor) that git would run. The commit is read through a scratch
 * repository of ours that borrows the folder's objects, and the remote from its config as a file.
 */
export async function repoInfo(dir: string): Promise<RepoInfo | null> {
  const gitDir = await gitDirOf(dir);
  if (!gitDir) return null;
  const common = await commonDirOf(gitDir);
  const commit = await resolveHead(gitDir, common);
  if (!commit) return null;
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-git-'));
  try {
    const format = commit.length === 64 ? 'sha256' : 'sha1';
    await git(['init', '--quiet', '--bare', `--object-format=${format}`, scratch]);
    const alternates = path.join(scratch, 'objects', 'info', 'alternates');
    await fs.writeFile(alternates, `${path.resolve(common, 'objects')}\n`);
    const date = committerDate(await git(['--git-dir', scratch, 'cat-file', 'commit', commit]));
    const config = path.join(common, 'config');
    const remote = await git([
      '--git-dir',
      scratch,
      'config',
      '--file',
      config,
      '--no-includes',
      '--get',
      'remote.origin.url',
    ]).catch(() => '');
    if (!date) return null;
    return { commit, date, remote: remote ? stripCredentials(remote) : undefined };
  } catch {
    return null;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

const readText = (file: string) => fs.readFile(file, 'utf8').catch(() => null);

/** <dir>/.git when it is a folder, or the folder a .git file names ("gitdir: …", a worktree's). */
async function gitDirOf(dir: string): Promise<string | null> {
  const dotGit = path.join(dir, '.git');
  const stat = await fs.stat(dotGit).catch(() => null);
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile()) return null;
  const target = (await readText(dotGit))?.match(/^gitdir: (.+)$/m)?.[1].trim();
  return target ? path.resolve(dir, target) : null;
}

/** Where a worktree's shared objects, refs and config are: its commondir, or the git dir itself. */
async function commonDirOf(gitDir: string): Promise<string> {
  const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

const OBJECT_ID = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const REF_NAME = /^refs\/(?!.*\.\.)[\w./-]+$/;

/** The commit HEAD names, read from the files of the git dir: HEAD, then loose or packed refs. */
async function resolveHead(gitDir: string, common: string): Promise<string | null> {
  let value = (await readText(path.join(gitDir, 'HEAD')))?.trim();
  for (let depth = 0; value && depth < 5; depth++) {
    if (OBJECT_ID.test(value)) return value;
    const ref = value.match(/^ref: (.+)$/)?.[1];
    if (!ref || !REF_NAME.test(ref)) return null;
    value =
      (await readText(path.join(gitDir, ref)))?.trim() ??
      (await readText(path.join(common, ref)))?.trim() ??
      (await packedRef(common, ref));
  }
  return null;
}

async function packedRef(common: string, ref: string): Promise<string | undefined> {
  const packed = (await readText(path.join(common, 'packed-refs'))) ?? '';
  for (const line of packed.split('\n')) {
    const [id, name] = line.split(' ');
    if (name === ref) return id;
  }
  return undefined;
}

/** The committer's date of a raw commit object ("committer Name <mail> 1700000000 +0100"). */
function committerDate(raw: string): Date | null {
  const header = raw.slice(0, raw.indexOf('\n\n') >>> 0);
  const seconds = header.match(/^committer .* (\d+) [+-]\d{4}$/m)?.[1];
  return seconds ? new Date(Number(seconds) * 1000) : null;
}
