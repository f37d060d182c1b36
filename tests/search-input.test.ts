// What Pagefind is given of a page (site/search-input.ts): the page without the elements marked
// data-pagefind-ignore="all", so that it parses less and makes the same index.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { withoutIgnored } from '../src/lib/site/search-input.ts';
import { tempDir } from './support/helpers.ts';

const CASES: [string, string, string][] = [
  [
    'an ignored element and its contents',
    '<p>a</p><details class="file" data-pagefind-ignore="all"><summary>x</summary><pre>y</pre></details><p>b</p>',
    '<p>a</p><p>b</p>',
  ],
  [
    'an ignored element holding others of its name',
    '<section id="d" data-pagefind-ignore="all"><section>in</section><details>z</details></section><p>after</p>',
    '<p>after</p>',
  ],
  [
    'two in a row',
    '<div data-pagefind-ignore="all">a</div>mid<div data-pagefind-ignore="all">b</div>end',
    'midend',
  ],
  [
    'the attribute as text, not in a tag: kept',
    '<p>text data-pagefind-ignore="all" here</p>',
    '<p>text data-pagefind-ignore="all" here</p>',
  ],
  [
    'the attribute in escaped code: kept',
    '<pre><span>&lt;div data-pagefind-ignore="all"&gt;</span></pre><p>k</p>',
    '<pre><span>&lt;div data-pagefind-ignore="all"&gt;</span></pre><p>k</p>',
  ],
  [
    'an element without an end: kept',
    '<div data-pagefind-ignore="all"><div>a</div>',
    '<div data-pagefind-ignore="all"><div>a</div>',
  ],
  [
    'a void element: kept',
    '<img data-pagefind-ignore="all"><p>k</p>',
    '<img data-pagefind-ignore="all"><p>k</p>',
  ],
  [
    'data-pagefind-ignore without "all" (the element alone): kept',
    '<h2>T<a href="#t" data-pagefind-ignore>#</a></h2>',
    '<h2>T<a href="#t" data-pagefind-ignore>#</a></h2>',
  ],
];

describe('a page as Pagefind is given it', () => {
  it.each(CASES)('drops %s', (_, html, expected) => {
    expect(withoutIgnored(html)).toBe(expected);
  });

  it('makes the same index as the whole pages', async () => {
    const site = await tempDir();
    const page = (title: string, words: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body>` +
      `<h1>${title}</h1><p>${words}</p>` +
      `<details class="file" data-pagefind-ignore="all"><summary>SKILL.md</summary><pre><span>secret source ${words}</span></pre></details>` +
      `<section id="diffs" data-pagefind-ignore="all"><section><h3>pair</h3><div class="r">removed words</div></section></section>` +
      `<section id="evaluations"><h2>Evaluations</h2><p>judged ${words}</p></section></main></body></html>`;
    const pages = {
      'index.html': page('Home', 'welcome reader'),
      'experiments/a/index.html': page('Alpha', 'commit messages'),
      'experiments/b/index.html': page('Beta', 'code review'),
    };
    for (const [file, html] of Object.entries(pages)) {
      await fs.mkdir(path.dirname(path.join(site, file)), { recursive: true });
      await fs.writeFile(path.join(site, file), html);
    }
    const read = async (out: string, fill: (index: pagefind.PagefindIndex) => Promise<unknown>) => {
      const { index } = await pagefind.createIndex({});
      await fill(index!);
      await index!.writeFiles({ outputPath: out });
      await pagefind.close();
      const files = (await fs.readdir(out, { recursive: true })).sort();
      return Promise.all(
        files.map(async (f) => [f, await fs.readFile(path.join(out, f)).catch(() => null)]),
      );
    };
    // in the same order: an index depends on the order its pages were added in
    const add = async (index: pagefind.PagefindIndex, strip: (html: string) => string) => {
      for (const [sourcePath, html] of Object.entries(pages))
        await index.addHTMLFile({ sourcePath, content: strip(html) });
    };
    const whole = await read(path.join(site, 'whole'), (index) => add(index, (html) => html));
    const given = await read(path.join(site, 'given'), (index) => add(index, withoutIgnored));
    expect(given.length).toBeGreaterThan(3);
    expect(given).toEqual(whole);
  }, 30_000);
});
