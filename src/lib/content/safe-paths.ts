// Paths from outside (a model's skill, an imported folder) that are written into content/: each must
// be a plain relative path the file system takes, and the set must be writable together.
import { isSafeRelativePath } from './files.ts';

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
  }
  return null;
}

/** The same file on a file system that ignores case or Unicode normalization (macOS, Windows). */
const sameFile = (p: string) => p.normalize('NFC').toLowerCase();

/**
 * Why a set of paths cannot all be written, or null: one of them is a problem, two are the same
 * file, or a path is both a file and a folder ("a" and "a/b.md").
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
  return null;
}
