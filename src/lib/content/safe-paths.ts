// Paths from outside (a model's skill, an imported folder) that are written into content/: each must
// be a plain relative path the file system takes, the set must be writable together, and none may
// make a file that a tool acts on when someone works in the folder (git runs the programs a nested
// repository's config names, on git status).
import { isSafeRelativePath } from './files.ts';

/**
 * Names of control folders and files: git's metadata (and the 8.3 name Windows gives .git),
 * Mercurial's, node's packages. Compared after what file systems ignore: case, trailing dots and
 * spaces (Windows), characters macOS drops from names, NTFS streams ("name::$DATA").
 */
const CONTROL_NAMES = new Set(['.git', 'git~1', '.hg', 'node_modules']);
const IGNORED_CHARS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/g;

/** The control name a path segment stands for on some file system, or null. */
function controlName(part: string): string | null {
  const name = part
    .replace(IGNORED_CHARS, '')
    .toLowerCase()
    .split(':')[0]
    .replace(/[. ]+$/, '');
  return CONTROL_NAMES.has(name) ? name : null;
}

// oxlint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 1024;

/** Why one path from outside cannot be written as it is, or null when it can. */
export function pathProblem(p: string): string | null {
  if (CONTROL_CHAR.test(p))
    return `the path ${JSON.stringify(p)} holds a control character (such as NUL or a line break)`;
  if (!isSafeRelativePath(p))
    return `unsafe path "${p}" (paths are relative, with forward slashes, without . or ..)`;
  const bytes = Buffer.byteLength(p);
  if (bytes > MAX_PATH_BYTES)
    return `the path "${p.slice(0, 60)}…" is ${bytes} bytes long, more than ${MAX_PATH_BYTES}`;
  for (const part of p.split('/')) {
    const length = Buffer.byteLength(part);
    if (length > MAX_NAME_BYTES)
      return `the name "${part.slice(0, 60)}…" is ${length} bytes long, more than a file system takes (${MAX_NAME_BYTES})`;
    const control = controlName(part);
    if (control)
      return `"${p}" would be read as ${control}, which tools act on (git runs the programs a nested repository's config names); such paths are refused`;
  }
  return null;
}

/** The same file on a file system that ignores case or Unicode normalization (macOS, Windows). */
const sameFile = (p: string) => p.normalize('NFC').toLowerCase();

/**
 * Why a set of paths cannot all be written, or null: one of them is a problem, two are the same
 * file, a path is both a file and a folder ("a" and "a/b.md"), or the files make a git repository.
 */
export function pathSetProblem(paths: string[]): string | null {
  const files = new Map<string, string>();
  for (const p of paths) {
    const problem = pathProblem(p);
    if (problem) return problem;
    const key = sameFile(p);
    const other = files.get(key);
    if (other !== undefined)
      return other === p
        ? `"${p}" appears twice`
        : `"${other}" and "${p}" are the same file where case is ignored`;
    files.set(key, p);
  }
  for (const [key, p] of files) {
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = files.get(parts.slice(0, i).join('/'));
      if (folder !== undefined) return `"${folder}" is both a file and the folder of "${p}"`;
    }
  }
  return bareRepository([...files.keys()]);
}

/** A folder holding HEAD, objects/ and refs/ is a git repository to git, whatever its name. */
function bareRepository(keys: string[]): string | null {
  const holding = (name: string) => {
    const folders = new Set<string>();
    for (const k of keys) {
      const parts = k.split('/');
      parts.forEach((part, i) => {
        if (part === name && i < parts.length - 1) folders.add(parts.slice(0, i).join('/'));
      });
    }
    return folders;
  };
  const objects = holding('objects');
  const refs = holding('refs');
  for (const k of keys) {
    const slash = k.lastIndexOf('/');
    const folder = slash < 0 ? '' : k.slice(0, slash);
    if (k.slice(slash + 1) === 'head' && objects.has(folder) && refs.has(folder))
      return `the files in "${folder || '.'}" (HEAD, objects/, refs/) would make a git repository, which tools act on; such paths are refused`;
  }
  return null;
}
