// End to end: the site built at the root and under a sub-path (a GitHub Pages project site) has no
// broken internal link or asset, and loads its styles when served under that sub-path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { serve } from './serve.ts';
import { buildSite } from './build.ts';
import { checkLinks } from './links.ts';
import { tempDir } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.resolve(import.meta.dirname, 'output');
const SITES = { root: 'http://localhost:4321/', sub: 'https://someone.github.io/crossjudge/' };

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await tempDir('crossjudge-paths-');
  const content = path.join(dir, 'content');
  await fs.cp(path.join(ROOT, 'content'), content, { recursive: true });
  for (const [name, site] of Object.entries(SITES)) await buildSite(content, path.join(dir, name), path.join(dir, 'cache'), site);
  browser = await launch();
  await fs.mkdir(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
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
    expect(checked).toContain(`experiments/sample-commit-messages/index.html -> ${site}experiments/sample-commit-messages/#verdict`);
    // the 404 page, served at any depth, links back into the site
    expect(checked).toContain(`404.html -> ${site}`);
  });
});

describe('served under a sub-path', () => {
  it('loads its styles and its 404 page, light and dark, desktop and phone', async () => {
    const base = new URL(SITES.sub).pathname;
    const server = await serve(path.join(dir, 'sub'), base);
    try {
      for (const [width, dark] of [[1280, false], [390, true]] as const) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: dark ? 'dark' : 'light' });
        const page = await context.newPage();
        const failed: string[] = [];
        page.on('response', (r) => void (r.status() >= 400 && failed.push(r.url())));
        expect((await page.goto(`${server.url}${base}`))?.status()).toBe(200);
        // the stylesheet applied: the site header is laid out as a flex row, not the browser's default block
        expect(await page.locator('header.site').evaluate((h) => getComputedStyle(h).display)).toBe('flex');
        await page.locator('.experiments a').first().click();
        expect(page.url()).toBe(`${server.url}${base}experiments/sample-commit-messages/`);
        expect(failed).toEqual([]);
        await page.screenshot({ path: path.join(OUTPUT, `sub-path-${width}${dark ? '-dark' : ''}.png`) });
        // a missing address gets the 404 page, in the site's style, linking back to the experiments
        expect((await page.goto(`${server.url}${base}no/such/page/`))?.status()).toBe(404);
        expect(await page.locator('h1').textContent()).toBe('Page not found');
        expect(await page.locator('header.site').evaluate((h) => getComputedStyle(h).display)).toBe('flex');
        await page.screenshot({ path: path.join(OUTPUT, `404-${width}${dark ? '-dark' : ''}.png`) });
        await page.getByRole('link', { name: 'See every experiment' }).click();
        expect(page.url()).toBe(`${server.url}${base}`);
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});
