// End to end: a rebuild takes each experiment page an earlier build made from the same inputs, as
// it is (site/render/kept-pages.ts), and the search index made for the same pages
// (site/search-index.ts); it renders every experiment page again when an experiment or the site's
// address changes. Kept pages are marked here, so that a page taken from the cache shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildSite } from './support/build.ts';
import { copySample, tempDir } from './support/helpers.ts';

const SLUGS = ['sample-a', 'sample-b'];
const MARK = '<!-- taken from the kept pages -->';
let root: string;
let content: string;
let cache: string;

const keptFiles = async () => (await fs.readdir(path.join(cache, 'page'))).sort();
/** Marks every kept page. */
async function markKept(): Promise<void> {
  for (const f of await keptFiles()) await fs.appendFile(path.join(cache, 'page', f), MARK);
}
const page = (out: string, slug: string) =>
  fs.readFile(path.join(root, out, 'experiments', slug, 'index.html'), 'utf8');

beforeAll(async () => {
  root = await tempDir('crossjudge-kept-');
  content = path.join(root, 'content');
  cache = path.join(root, 'cache');
  for (const slug of SLUGS) await copySample(content, slug);
  await buildSite(content, path.join(root, 'cold'), cache);
}, 120_000);

afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe('experiment pages kept between builds', () => {
  it('are kept, one per experiment, and given as they are by a build with nothing changed', async () => {
    expect(await keptFiles()).toHaveLength(SLUGS.length);
    await markKept();
    await buildSite(content, path.join(root, 'warm'), cache);
    for (const slug of SLUGS) {
      const warm = await page('warm', slug);
      expect(warm.endsWith(MARK)).toBe(true);
      expect(warm.slice(0, -MARK.length)).toBe(await page('cold', slug));
    }
  }, 120_000);

  it('come with the search index kept for the same pages, its files linked to the kept ones', async () => {
    const said = await buildSite(content, path.join(root, 'again'), cache);
    expect(said).toContain('index taken from the cache');
    const files = (
      await fs.readdir(path.join(root, 'warm', 'pagefind'), { recursive: true })
    ).sort();
    expect(files.length).toBeGreaterThan(3);
    expect(
      (await fs.readdir(path.join(root, 'again', 'pagefind'), { recursive: true })).sort(),
    ).toEqual(files);
    for (const f of files) {
      const [made, taken] = ['warm', 'again'].map((out) => path.join(root, out, 'pagefind', f));
      if (!(await fs.stat(made)).isFile()) continue;
      expect(await fs.readFile(taken)).toEqual(await fs.readFile(made));
      expect((await fs.stat(taken)).nlink).toBe(2); // the kept file and this one
    }
  }, 120_000);

  it('are all rendered again when one experiment changes (a page links its neighbours)', async () => {
    await markKept();
    const skill = path.join(content, 'experiments', SLUGS[1], 'skills/gpt-5/SKILL.md');
    await fs.appendFile(skill, '\nA line added by the test.\n');
    await buildSite(content, path.join(root, 'changed'), cache);
    // both: the one changed, and its neighbour, which links it
    for (const slug of SLUGS) expect(await page('changed', slug)).not.toContain(MARK);
    expect(await page('changed', SLUGS[1])).toContain('A line added by the test.');
    // the pages kept for the earlier inputs are removed
    expect(await keptFiles()).toHaveLength(SLUGS.length);
  }, 120_000);

  it('are all rendered again for another address', async () => {
    await markKept();
    await buildSite(content, path.join(root, 'sub'), cache, 'https://someone.github.io/sub/');
    for (const slug of SLUGS) {
      const sub = await page('sub', slug);
      expect(sub).not.toContain(MARK);
      expect(sub).toContain('href="/sub/models/"');
    }
  }, 120_000);
});
