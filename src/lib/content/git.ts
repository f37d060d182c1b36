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
export const isGitUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^[^/\s]+@[^/\s]+:/.test(s);

/** Clones the last commit into a temporary folder; the caller removes it. */
export async function clone(url: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-import-'));
  try {
    await git(['clone', '--quiet', '--depth', '1', '--no-tags', '--', url, dir]);
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim() || (err as Error).message;
    const said = stripCredentials(stderr).split('\n').map((line) => `  ${line}`.trimEnd()).join('\n');
    throw new UserError(`git could not clone ${stripCredentials(url)}; git said:\n${said}`);
  }
  return dir;
}

export interface RepoInfo {
  commit: string;
  date: Date;
  remote?: string;
}

/** The last commit of the repository at `dir`, or null when it is not one. */
export async function repoInfo(dir: string): Promise<RepoInfo | null> {
  try {
    const top = await git(['rev-parse', '--show-toplevel'], dir);
    if (path.resolve(top) !== path.resolve(dir)) return null; // a folder inside some other repository
    const [commit, iso] = (await git(['log', '-1', '--format=%H%n%cI'], dir)).split('\n');
    const remote = await git(['config', '--get', 'remote.origin.url'], dir).catch(() => '');
    return { commit, date: new Date(iso), remote: remote ? stripCredentials(remote) : undefined };
  } catch {
    return null;
  }
}
