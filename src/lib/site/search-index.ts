// The search index (Pagefind, for /search/), made at the end of `astro build` over the pages it
// built, and kept by a hash of those pages: a rebuild that changed no page puts the last index back
// instead of indexing every page again.
import { createHash } from 'node:crypto';
import fss, { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { cacheDir } from './render/cache.ts';
import { withoutIgnored } from './search-input.ts';

const OUT = 'pagefind';

/** The HTML pages of the site, by path, sorted. */
const htmlPages = async (site: string) =>
  (await fs.readdir(site, { recursive: true })).filter((f) => f.endsWith('.html')).sort();

/** A hash of every page Pagefind would read: the HTML files of the site, by path. */
async function pagesHash(site: string): Promise<string> {
  const hash = createHash('sha256').update(await pagefindVersion());
  const pages = await htmlPages(site);
  // read one by one: for many small files, synchronous reads took half the time of batches of
  // asynchronous ones
  for (const f of pages) hash.update(f).update(fss.readFileSync(path.join(site, f)));
  return hash.digest('hex');
}

/**
 * Copies the folder `from` to `to` (which must not exist), file by file: fs.cp took 5 times as long
 * for an index of 250 files. With `link`, each file is a hard link to its original where the two
 * folders share a file system (a tenth of the time of a copy), else a copy.
 */
async function copyFolder(from: string, to: string, link = false): Promise<void> {
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  fss.mkdirSync(to, { recursive: true });
  for (const e of entries) {
    const rel = path.relative(from, path.join(e.parentPath, e.name));
    if (e.isDirectory()) fss.mkdirSync(path.join(to, rel), { recursive: true });
  }
  for (const e of entries) {
    const rel = path.relative(from, path.join(e.parentPath, e.name));
    if (e.isFile()) copyFile(path.join(from, rel), path.join(to, rel), link);
  }
}

function copyFile(from: string, to: string, link: boolean): void {
  try {
    if (link) return fss.linkSync(from, to);
  } catch {
    // another file system, or links not allowed: copied
  }
  fss.copyFileSync(from, to);
}

/** Pagefind's version (its package.json is not among its exports). */
const pagefindVersion = () => fs.readFile(path.resolve('node_modules/pagefind/package.json'));

/**
 * Indexes the site with Pagefind into site/pagefind; returns how many pages it indexed. Each page
 * is given without what Pagefind would skip (search-input.ts), as if read from its file.
 */
async function makeIndex(site: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const failed: string[] = [];
    let pages = 0;
    // a few at a time: Pagefind's service works on them together (60 pages: 0.8 s instead of 1.0
    // to 1.2 one by one), and the pages' text in flight stays small
    const limit = pLimit(4);
    const add = async (sourcePath: string) => {
      const content = withoutIgnored(fss.readFileSync(path.join(site, sourcePath), 'utf8'));
      const added = await index.addHTMLFile({ sourcePath, content });
      failed.push(...added.errors);
      if (added.file) pages++;
    };
    await Promise.all((await htmlPages(site)).map((p) => limit(() => add(p))));
    const written = await index.writeFiles({ outputPath: path.join(site, OUT) });
    failed.push(...written.errors);
    if (failed.length) throw new Error(`Pagefind: ${failed.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** Puts the index for these pages in place: the kept one, else a new one (then kept). */
export async function writeSearchIndex(site: string): Promise<string> {
  const start = performance.now();
  const key = await pagesHash(site);
  const kept = path.join(cacheDir(), 'search', key);
  const target = path.join(site, OUT);
  if (
    await fs.access(kept).then(
      () => true,
      () => false,
    )
  ) {
    await fs.rm(target, { recursive: true, force: true });
    // linked: Pagefind's files are not changed once written, and a build replaces the site's files
    // instead of writing into them (out-dir.ts)
    await copyFolder(kept, target, true);
    return `search index: the pages are unchanged, index taken from the cache (${seconds(start)})`;
  }
  const pages = await makeIndex(site);
  // keep this one only: an index is of use for exactly these pages
  await fs.rm(path.dirname(kept), { recursive: true, force: true });
  await copyFolder(target, kept).catch(() => {}); // a read-only cache only costs speed
  return `search index: ${pages} pages read, indexed in ${seconds(start)}`;
}

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(2)} s`;

/** The Astro integration: the index is made when the build is done. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'crossjudge:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await writeSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
