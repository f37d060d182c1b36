// The one containment check for every file read from, or written into, a folder that came from
// outside (an experiment folder, a folder being imported): a relative path without "..", no
// symbolic link on the way or at the end, a plain file, and a real path inside the folder. A
// manifest naming ../../proc/self/environ, or a source that is a link to /etc/passwd, is refused
// by name here, whoever reads it: the build, the runner or the importer.
// The checks and reads are synchronous calls: a folder's files are small and many, and each
// asynchronous call costs several times the system call it makes (an experiment folder of 7 files
// was read 3 to 4 times faster so), while callers keep an asynchronous interface.
import fs, { constants } from 'node:fs';
import path from 'node:path';
import { UserError, isMissing, readFailure } from './errors.ts';

/** Rejects absolute paths and paths that climb out of their folder. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || /^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export const LINK =
  'a symbolic link; only plain files inside the folder are read (a link could lead anywhere)';

export const SPECIAL = 'not a plain file (a device, a pipe or a socket); not read';

/** Why `rel` cannot name a file inside a folder, or null when it can. */
export const pathProblem = (rel: string) =>
  isSafeRelativePath(rel) ? null : 'not a relative path inside the folder (no "..", no leading /)';

export const megabytes = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;
export const tooBig = (bytes: number, max: number) =>
  `${megabytes(bytes)}, over the limit of ${megabytes(max)} a file`;

function lstatIfAny(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch (err) {
    if (isMissing(err)) return null;
    throw readFailure(p, err);
  }
}

/**
 * Checks that each of `folders` (relative to `root`, one below the other) is a real folder, not a
 * link. Returns false when one is missing or is no folder.
 */
function foldersExist(root: string, folders: string[]): boolean {
  let at = root;
  for (const part of folders) {
    at = path.join(at, part);
    const stat = lstatIfAny(at);
    if (!stat) return false;
    if (stat.isSymbolicLink()) throw new UserError(`${at}: ${LINK}`);
    if (!stat.isDirectory()) return false;
  }
  return true;
}

/**
 * Checks that `rel` may be read or written inside `root`: a safe relative path whose folders are
 * real folders, not links. Returns the absolute path, or null when a folder on the way is missing.
 */
export async function containedPath(root: string, rel: string): Promise<string | null> {
  const problem = pathProblem(rel);
  if (problem) throw new UserError(`${path.join(root, rel)}: ${problem}`);
  return foldersExist(root, rel.split('/').slice(0, -1)) ? path.join(root, rel) : null;
}

/** The real path of `file` must lie inside the real path of `root`. */
function checkInside(root: string, file: string): void {
  const realRoot = fs.realpathSync.native(root);
  const real = fs.realpathSync.native(file);
  if (!real.startsWith(realRoot + path.sep))
    throw new UserError(`${file}: outside the folder ${root}`);
}

/**
 * The bytes of `rel` inside `root`, or null when it does not exist. A link, a path out of the
 * folder, or something other than a plain file is refused with a UserError naming it; a file over
 * `maxBytes` too, before it is read.
 */
export async function readContained(
  root: string,
  rel: string,
  maxBytes = Infinity,
): Promise<Buffer | null> {
  const file = await containedPath(root, rel);
  if (!file) return null;
  // O_NOFOLLOW: the file itself is never followed; O_NONBLOCK: a FIFO in its place cannot hang the read
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let fd: number;
  try {
    fd = fs.openSync(file, flags);
  } catch (err) {
    if (isMissing(err)) return null;
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError(`${file}: ${LINK}`);
    throw readFailure(file, err);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() && !stat.isDirectory()) throw new UserError(`${file}: ${SPECIAL}`);
    if (stat.size > maxBytes) throw new UserError(`${file}: ${tooBig(stat.size, maxBytes)}`);
    checkInside(root, file);
    return readAll(fd, file);
  } finally {
    fs.closeSync(fd);
  }
}

function readAll(fd: number, file: string): Buffer {
  try {
    return fs.readFileSync(fd);
  } catch (err) {
    throw readFailure(file, err);
  }
}

/** The text of `rel` inside `root` (readContained), line ends made plain; null when it is not there. */
export async function readContainedText(root: string, rel: string): Promise<string | null> {
  const buf = await readContained(root, rel);
  return buf === null ? null : buf.toString('utf8').replace(/\r\n?/g, '\n');
}

export interface Listed {
  /** Path relative to the folder listed, with forward slashes. */
  path: string;
  bytes: number;
}

export interface Listing {
  /** Sorted by path. */
  files: Listed[];
  /** Links and other entries that are neither plain files nor folders: never followed or read. */
  skipped: string[];
}

/** What a listing passes over unless asked for everything. */
export const IGNORED = new Set(['.git', '.DS_Store', 'node_modules', 'Thumbs.db']);

/**
 * Every plain file below `rel` inside `root` (the whole folder for ''), with its size; a missing
 * folder gives none, and names in `ignored` are passed over. Links are never followed: they are
 * listed in `skipped`.
 */
export async function listContained(
  root: string,
  rel = '',
  ignored: Set<string> = IGNORED,
): Promise<Listing> {
  const problem = rel ? pathProblem(rel) : null;
  if (problem) throw new UserError(`${path.join(root, rel)}: ${problem}`);
  if (rel && !foldersExist(root, rel.split('/'))) return { files: [], skipped: [] };
  const base = rel ? path.join(root, rel) : root;
  const found = { files: [] as string[], skipped: [] as string[] };
  walk(base, '', found, ignored);
  const sizeOf = (p: string) => lstatIfAny(path.join(base, p))?.size ?? 0;
  const files = found.files.sort().map((p) => ({ path: p, bytes: sizeOf(p) }));
  return { files, skipped: found.skipped.sort() };
}

function walk(
  base: string,
  rel: string,
  out: { files: string[]; skipped: string[] },
  ignored: Set<string>,
) {
  const dir = path.join(base, rel);
  for (const e of readdirIfAny(dir)) {
    if (ignored.has(e.name)) continue;
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(base, child, out, ignored);
    else if (e.isFile()) out.files.push(child);
    else out.skipped.push(child);
  }
}

function readdirIfAny(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (isMissing(err)) return [];
    throw readFailure(dir, err);
  }
}
