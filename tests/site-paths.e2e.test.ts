// End to end: the site built at the root and under a sub-path (a GitHub Pages project site) has no
// broken internal link or asset, and loads its styles when served under that sub-path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch } from './support/browser.ts';
import { serve } from './support/serve.ts';
import { buildSite } from './support/build.ts';
import { checkLinks } from './support/links.ts';
import { copySample, tempDir, writeTree } from './support/helpers.ts';

const OUTPUT = path.resolve(import.meta.dirname, 'output');
const SITES = { root: 'http://localhost:4321/', sub: 'https://someone.github.io/crossjudge/' };

/** Names that gave one anchor id to several elements: a_b/a-b, two non-Latin names, A/a, and p's a-b.md against p-a's b.md. */
const COLLIDING = {
  'experiment.yaml': [
    'title: Colliding names',
    'date: 2026-02-02',
    'provenance: { kind: import, origin: test }',
    'source: source.md',
    'participants:',
    '  - { id: p, model: Model P }',
    '  - { id: p-a, model: Model PA }',
    'verdicts:',
    '  - { judge: p, winner: p-a }',
    '  - { judge: p-a, winner: p }',
  ].join('\n'),
  'source.md': '# Source\n\nA note.\n',
  'skills/p/SKILL.md':
    '---\nname: p\ndescription: x\n---\n\nBody: see [a_b.md](a_b.md), [a-b.md](./a-b.md) and [заметки.md](заметки.md).[^1]\n\n[^1]: A note.\n',
  'skills/p/a_b.md': 'underscore\n',
  'skills/p/a-b.md': 'hyphen\n',
  'skills/p/заметки.md': 'notes\n',
  'skills/p/примеры.md': 'examples\n',
  'skills/p/A.md': 'upper\n',
  'skills/p/a.md': 'lower\n',
  'skills/p-a/SKILL.md': '---\nname: pa\ndescription: y\n---\n\nBody.\n',
  'skills/p-a/b.md': 'b\n',
  'evaluations/p.md': '**Winner:** Model PA[^1]\n\n[^1]: A note.\n',
  'evaluations/p-a.md': '**Winner:** Model P[^1]\n\n[^1]: A note.\n',
};

let browser: Browser;
let dir: string;
/** Each build served as GitHub Pages would: the root one at /, the sub-path one under /crossjudge/. */
const servers: Partial<Record<keyof typeof SITES, { url: string; close: () => Promise<void> }>> =
  {};

beforeAll(async () => {
  dir = await tempDir('crossjudge-paths-');
  const content = path.join(dir, 'content');
  await copySample(content);
  await writeTree(path.join(content, 'experiments', 'colliding'), COLLIDING);
  for (const [name, site] of Object.entries(SITES))
    await buildSite(content, path.join(dir, name), path.join(dir, 'cache'), site);
  for (const [name, site] of Object.entries(SITES) as [keyof typeof SITES, string][])
    servers[name] = await serve(path.join(dir, name), new URL(site).pathname);
  browser = await launch();
  await fs.mkdir(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.each(Object.entries(SITES))('the site built for %s', (name, site) => {
  it('has no broken internal link, asset or anchor on any page', async () => {
    const { broken, checked } = await checkLinks(path.join(dir, name), site, browser);
    expect(broken).toEqual([]);
    // it did follow the stylesheet, the favicon, the pages, the feed's items and in-page anchors
    expect(checked.some((c) => /^index\.html -> .*\/_astro\/[^/]+\.css$/.test(c))).toBe(true);
    expect(checked.some((c) => /^index\.html -> .*\/favicon\.svg$/.test(c))).toBe(true);
    expect(checked).toContain(`index.html -> ${site}experiments/sample-commit-messages/`);
    expect(checked).toContain(`rss.xml -> ${site}experiments/sample-commit-messages/`);
    expect(checked).toContain(
      `experiments/sample-commit-messages/index.html -> ${site}experiments/sample-commit-messages/#verdict`,
    );
    // the 404 page, served at any depth, links back into the site
    expect(checked).toContain(`404.html -> ${site}`);
  });
});

describe('served under a sub-path', () => {
  it('loads its styles and its 404 page, light and dark, desktop and phone', async () => {
    const base = new URL(SITES.sub).pathname;
    const server = servers.sub!;
    for (const [width, dark] of [
      [1280, false],
      [390, true],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        colorScheme: dark ? 'dark' : 'light',
      });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (r) => void (r.status() >= 400 && failed.push(r.url())));
      expect((await page.goto(`${server.url}${base}`))?.status()).toBe(200);
      // the stylesheet applied: the site header is laid out as a flex row, not the browser's default block
      expect(await page.locator('header.site').evaluate((h) => getComputedStyle(h).display)).toBe(
        'flex',
      );
      await page.locator('.experiments a').first().click();
      expect(page.url()).toBe(`${server.url}${base}experiments/sample-commit-messages/`);
      expect(failed).toEqual([]);
      await page.screenshot({
        path: path.join(OUTPUT, `sub-path-${width}${dark ? '-dark' : ''}.png`),
      });
      // a missing address gets the 404 page, in the site's style, linking back to the experiments
      expect((await page.goto(`${server.url}${base}no/such/page/`))?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('header.site').evaluate((h) => getComputedStyle(h).display)).toBe(
        'flex',
      );
      await page.screenshot({ path: path.join(OUTPUT, `404-${width}${dark ? '-dark' : ''}.png`) });
      await page.getByRole('link', { name: 'See every experiment' }).click();
      expect(page.url()).toBe(`${server.url}${base}`);
      await context.close();
    }
  });
});

describe('anchors on a page with colliding names', () => {
  it('are unique, and every in-page link reaches the element it names', async () => {
    const server = servers.root!;
    const page = await browser.newPage();
    await page.goto(`${server.url}/experiments/colliding/`);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // each file in a skill's tree links to that file's source view, in the same skill
    const tree = await page.locator('ul.tree a').evaluateAll((as) =>
      as.map((a) => {
        const target = document.getElementById(
          decodeURIComponent(a.getAttribute('href')!.slice(1)),
        );
        return {
          name: a.textContent,
          file: target?.querySelector('summary')?.firstChild?.textContent?.trim(),
          sameSkill: !!target && target.closest('article.skill') === a.closest('article.skill'),
        };
      }),
    );
    expect(tree.map((t) => t.name).sort()).toEqual(
      [
        'A.md',
        'SKILL.md',
        'SKILL.md',
        'a-b.md',
        'a.md',
        'a_b.md',
        'b.md',
        'заметки.md',
        'примеры.md',
      ].sort(),
    );
    for (const t of tree)
      expect(t, t.name!).toEqual({ name: t.name, file: t.name, sameSkill: true });
    // SKILL.md's relative links go to the files they name
    const inDoc = await page.locator('#skill-p .doc a[href^="#file-"]').evaluateAll((as) =>
      as.map((a) => [
        a.textContent,
        document
          .getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)))
          ?.querySelector('summary')
          ?.firstChild?.textContent?.trim(),
      ]),
    );
    expect(inDoc).toEqual([
      ['a_b.md', 'a_b.md'],
      ['a-b.md', 'a-b.md'],
      ['заметки.md', 'заметки.md'],
    ]);
    // a file only one skill has links to it in that skill
    const only = await page.locator('#diffs p:has(a)').evaluateAll((ps) =>
      ps.map((p) => {
        const a = p.querySelector('a')!;
        const target = document.getElementById(
          decodeURIComponent(a.getAttribute('href')!.slice(1)),
        );
        return {
          path: p.querySelector('code')!.textContent,
          file: target?.querySelector('summary')?.firstChild?.textContent?.trim(),
          skill: target?.closest('article.skill')?.id,
        };
      }),
    );
    expect(only.length).toBe(7);
    for (const o of only) expect(o.file, o.path!).toBe(o.path);
    expect(only.find((o) => o.path === 'b.md')?.skill).toBe('skill-p-a');
    expect(only.find((o) => o.path === 'a-b.md')?.skill).toBe('skill-p');
    // the verdict matrix links each judge to its own evaluation
    const judges = await page
      .locator('table.matrix th[scope="row"] a')
      .evaluateAll((as) =>
        as.map((a) => [
          a.textContent,
          document.getElementById(a.getAttribute('href')!.slice(1))?.querySelector('h3')
            ?.textContent,
        ]),
      );
    expect(judges).toEqual([
      ['Model P', 'Model P’s evaluation#'],
      ['Model PA', 'Model PA’s evaluation#'],
    ]);
  });
});

describe('the JSON format page', () => {
  it('keeps field names whole, without sideways scrolling, and passes axe', async () => {
    const server = servers.root!;
    for (const [width, dark] of [
      [1280, false],
      [1280, true],
      [390, false],
      [390, true],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: dark ? 'dark' : 'light',
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/format/`);
      const codes = await page
        .locator('article table code')
        .evaluateAll((cs) => cs.map((c) => [c.textContent, c.getClientRects().length]));
      expect(codes.length).toBeGreaterThan(30);
      expect(codes.filter(([, lines]) => lines !== 1)).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
      await page.screenshot({
        path: path.join(OUTPUT, `format-${width}${dark ? '-dark' : ''}.png`),
        fullPage: width < 500,
      });
      await context.close();
    }
  });
});
