// File-system helpers shared by the importer, the runner and the site: reading a folder's files
// (each through the containment check of contain.ts) and writing without ever leaving a
// half-written file behind.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors.ts';
import { listContained, megabytes, readContained, tooBig, type Listed } from './contain.ts';

export { isSafeRelativePath } from './contain.ts';

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

/** Every file below `dir`, sorted by path; missing folder gives []. Links are not followed. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await listContained(dir)).files.map((f) => f.path);
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

/** How much a folder may hold, for a folder that comes from outside (an import). */
export interface Limits {
  files: number;
  fileBytes: number;
  totalBytes: number;
}

export interface Tree {
  files: TextFile[];
  /** Links and special files below the folder: never followed or read. */
  skipped: string[];
}

/**
 * Every plain file below `rel` inside `root`, read one by one, each through the containment
 * check (contain.ts); binary files keep their bytes only when asked (`keepBinary`). With `limits`,
 * a folder over them is refused before anything is read, naming the file or the folder and the limit.
 */
export async function readTree(
  root: string,
  rel = '',
  opts: { keepBinary?: boolean; limits?: Limits } = {},
): Promise<Tree> {
  const listing = await listContained(root, rel);
  if (opts.limits) checkLimits(rel ? path.join(root, rel) : root, listing.files, opts.limits);
  const read = async (p: string) => {
    const at = rel ? `${rel}/${p}` : p;
    const buf = (await readContained(root, at, opts.limits?.fileBytes)) ?? Buffer.alloc(0);
    const content = decodeText(buf);
    const binary =
      content === null
        ? { notText: whyNotText(buf), ...(opts.keepBinary ? { data: buf } : {}) }
        : {};
    return { path: p, content, bytes: buf.length, ...binary };
  };
  const files: TextFile[] = [];
  for (const f of listing.files) files.push(await read(f.path));
  return { files, skipped: listing.skipped };
}

function checkLimits(dir: string, files: Listed[], limits: Limits): void {
  const trim = 'move what is not part of the experiment out of the folder';
  if (files.length > limits.files)
    throw new UserError(
      `${dir}: ${files.length} files, over the limit of ${limits.files} files; ${trim}`,
    );
  const big = files.find((f) => f.bytes > limits.fileBytes);
  if (big)
    throw new UserError(
      `${path.join(dir, big.path)}: ${tooBig(big.bytes, limits.fileBytes)}; move it out of the folder if it is not part of the experiment`,
    );
  const total = files.reduce((n, f) => n + f.bytes, 0);
  if (total > limits.totalBytes)
    throw new UserError(
      `${dir}: ${megabytes(total)} in all, over the limit of ${megabytes(limits.totalBytes)}; ${trim}`,
    );
}

/** Every file below `dir`; binary files keep their bytes only when asked (`keepBinary`). */
export async function readTextFiles(dir: string, keepBinary = false): Promise<TextFile[]> {
  return (await readTree(dir, '', { keepBinary })).files;
}

/** Writes a file so that readers see the old content or the new, never a part. */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // a short name beside it: a suffix would make a legal name of 250 characters too long
  const tmp = path.join(path.dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}
