// File-system helpers shared by the importer, the runner and the site: listing a folder's files
// and writing without ever leaving a half-written file behind.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isMissing, readFailure } from './errors.ts';

export interface TextFile {
  /** Path relative to the folder it was read from, with forward slashes. */
  path: string;
  /** The text, or null for a file that is not text (binary, or not UTF-8 nor UTF-16). */
  content: string | null;
  /** Why content is null, for messages. */
  notText?: string;
  bytes: number;
  /** A binary file's bytes. */
  data?: Buffer;
}

const IGNORED = new Set(['.git', '.DS_Store', 'node_modules', 'Thumbs.db']);

/** Every file below `dir`, sorted by path; missing folder gives []. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string) {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw readFailure(path.join(dir, rel), err);
    }
    for (const e of entries) {
      if (IGNORED.has(e.name)) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

/**
 * A file's text: UTF-8 (a byte order mark dropped), or UTF-16 with a byte order mark, with plain line
 * ends; null when it is neither (whyNotText says why), never text with bytes silently replaced.
 */
export function decodeText(buf: Buffer): string | null {
  const text = hasUtf16Bom(buf)
    ? decode(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', buf)
    : buf.includes(0)
      ? null
      : decode('utf-8', buf);
  return text === null ? null : text.replace(/\r\n?/g, '\n');
}

const hasUtf16Bom = (buf: Buffer) =>
  (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);

function decode(encoding: string, buf: Buffer): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Why decodeText gives null for these bytes. */
export function whyNotText(buf: Buffer): string {
  if (hasUtf16Bom(buf)) return 'it starts as UTF-16 text but is not valid UTF-16';
  if (buf.includes(0))
    return 'it holds NUL bytes: a binary file, or UTF-16 text without a byte order mark';
  const at = Buffer.byteLength(buf.toString('utf8').split('\ufffd')[0]);
  return `it is not UTF-8 text (byte 0x${buf[at]?.toString(16).toUpperCase()} at offset ${at}); save it as UTF-8`;
}

/** Every file below `dir`; binary files keep their bytes only when asked (`keepBinary`). */
export async function readTextFiles(dir: string, keepBinary = false): Promise<TextFile[]> {
  const paths = await listFiles(dir);
  return Promise.all(
    paths.map(async (p) => {
      const buf = await fs.readFile(path.join(dir, p)).catch((err) => {
        throw readFailure(path.join(dir, p), err);
      });
      const content = decodeText(buf);
      const binary = content === null ? { notText: whyNotText(buf), ...(keepBinary ? { data: buf } : {}) } : {};
      return { path: p, content, bytes: buf.length, ...binary };
    }),
  );
}

/** Writes a file so that readers see the old content or the new, never a part. */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // a short name beside it: a suffix would make a legal name of 250 characters too long
  const tmp = path.join(path.dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

/**
 * Replaces the folder `dir`, which must be a folder directly inside `parent`, with one written by
 * `fill` into a fresh sibling folder. If `fill` throws, `dir` is untouched.
 */
export async function replaceFolder(parent: string, dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const name = path.basename(dir);
  if (path.resolve(path.dirname(dir)) !== path.resolve(parent) || !isSafeRelativePath(name) || path.resolve(dir) === path.resolve(parent))
    throw new Error(`refusing to replace ${dir}: not a folder directly inside ${parent}`);
  const suffix = randomBytes(6).toString('hex');
  const tmp = `${dir}.new-${suffix}`;
  const old = `${dir}.old-${suffix}`;
  await fs.mkdir(tmp, { recursive: true });
  try {
    await fill(tmp);
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const existed = await fs
    .rename(dir, old)
    .then(() => true)
    .catch((err) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    });
  await fs.rename(tmp, dir);
  if (existed) await fs.rm(old, { recursive: true, force: true });
}

/** Rejects absolute paths and paths that climb out of their folder. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || /^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
