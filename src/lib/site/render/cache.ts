// What the build makes (rendered HTML, analyses, social cards), kept by content hash on disk across
// builds, so that a rebuild makes only what changed. Worker threads (prepare/) write entries that
// the page reads: a key is a hash of the inputs, the same in every thread.
import { createHash } from 'node:crypto';
import fss from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { listFiles, writeFileAtomic } from '../../content/files.ts';

/** Bump when what is made changes in a way the code hash does not see, so old entries are not used. */
const VERSION = '16';
/** Where it is kept: CROSSJUDGE_CACHE, else node_modules/.cache/crossjudge. */
export const cacheDir = () =>
  path.resolve(process.env.CROSSJUDGE_CACHE ?? 'node_modules/.cache/crossjudge');
const memory = new Map<string, Promise<unknown>>();

export const stats = { hits: 0, misses: 0 };

export const cacheKey = (kind: string, inputs: unknown[]) =>
  createHash('sha256')
    .update(JSON.stringify([VERSION, process.versions.v8, kind, inputs]))
    .digest('hex');

// Values are kept in V8's serialization format (structured clone: strings, numbers, Dates, Buffers,
// plain objects and arrays), which reads back 3 times faster than JSON, and a card stays bytes; the
// format is V8's, so its version is part of the key.
const fileOf = (kind: string, key: string) => path.join(cacheDir(), kind, `${key}.v8`);

/**
 * The kept value, or undefined when there is none. Read synchronously: a page reads several
 * and the read is short, shorter than an asynchronous call's own cost.
 */
export async function readCached<T>(kind: string, key: string): Promise<T | undefined> {
  try {
    return v8.deserialize(fss.readFileSync(fileOf(kind, key))) as T;
  } catch {
    return undefined; // none, or not readable: made again
  }
}

export const hasCached = async (kind: string, key: string) => fss.existsSync(fileOf(kind, key));

/** Keeps a value; a read-only cache only costs speed. */
export const writeCached = (kind: string, key: string, value: unknown) =>
  writeFileAtomic(fileOf(kind, key), v8.serialize(value)).catch(() => {});

/**
 * The value `render` gives for these inputs (JSON-serializable) and this code (codeHash), rendered
 * once; kept in memory for the build too unless `keep` is false (large values read once).
 */
export const cached = async <T>(
  kind: string,
  inputs: unknown[],
  render: () => Promise<T>,
  keep = true,
) => cachedAt(kind, cacheKey(kind, [await codeHash(), ...inputs]), render, keep);

/** As cached, under a key made already (cacheKey). */
export function cachedAt<T>(
  kind: string,
  key: string,
  render: () => Promise<T>,
  keep = true,
): Promise<T> {
  let hit = memory.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = readCached<T>(kind, key).then(async (value) => {
      if (value !== undefined) {
        stats.hits++;
        return value;
      }
      stats.misses++;
      const made = await render();
      await writeCached(kind, key, made);
      return made;
    });
    if (keep) memory.set(key, hit);
  }
  return hit;
}

/**
 * A hash of these files and of every file below these folders (paths from the project's folder, the
 * working one; a missing one counts as empty), read synchronously.
 */
async function hashOfFiles(paths: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const p of paths) {
    const folder = fss.statSync(p, { throwIfNoEntry: false })?.isDirectory();
    for (const f of folder ? await listFiles(p) : ['']) {
      const file = path.join(p, f);
      hash.update(file).update(fss.existsSync(file) ? fss.readFileSync(file) : '');
    }
  }
  return hash.digest('hex');
}

let code: Promise<string> | null = null;
/**
 * A hash of every file of src/lib: part of the key of what that code makes. Its files are read
 * synchronously: one by one through the thread pool, as a build starts and Vite's own reads queue
 * there too, they took a second (the build workers wait for it).
 */
export const codeHash = () => (code ??= hashOfFiles(['src/lib']));

let site: Promise<string> | null = null;
/**
 * A hash of all the site's code: src/ (the pages, components, layouts and styles, and src/lib), the
 * configuration, and the packages' versions (package-lock.json); part of the key of a built page.
 */
export const siteCodeHash = () =>
  (site ??= hashOfFiles(['src', 'astro.config.mjs', 'package-lock.json']));
