// End to end: writing a post with `astro dev` running. An edit to post.md or experiment.yaml shows
// on the page once saved; a pull-quote that is not in its file shows the build's error in the
// browser, naming post.md and its line; fixing it brings the page back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './support/browser.ts';
import { startDev, type DevServer } from './support/dev.ts';
import { copySample, tempDir } from './support/helpers.ts';

const PAGE = '/experiments/sample-commit-messages/';

let dev: DevServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  const root = await tempDir('crossjudge-dev-');
  const content = path.join(root, 'content');
  dir = await copySample(content);
  dev = await startDev(content, path.join(root, 'cache'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/** Rewrites a file of the experiment the way an editor saves it. */
async function edit(file: string, change: (text: string) => string): Promise<void> {
  const p = path.join(dir, file);
  await fs.writeFile(p, change(await fs.readFile(p, 'utf8')));
}

/** Polls `read` on a fresh load of the page until it returns something matching `expected`. */
async function eventually(
  read: (page: Page) => Promise<string>,
  expected: RegExp,
): Promise<string> {
  const page = await browser.newPage();
  let last = '';
  try {
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      await page.goto(dev.url + PAGE);
      last = await read(page).catch((err: Error) => err.message);
      if (expected.test(last)) return last;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await page.close();
  }
  throw new Error(`never matched ${expected}; last: ${last}\n${dev.output()}`);
}

const heading = (page: Page) => page.locator('h1').innerText({ timeout: 5000 });
/** The text of Astro's error overlay. */
const overlay = (page: Page) =>
  page.locator('vite-error-overlay').evaluate((o) => o.shadowRoot?.textContent ?? '', undefined, {
    timeout: 5000,
  });

describe('the dev server', () => {
  // a build writes these itself (site/outputs.ts); the dev server serves them from their routes
  it("serves each experiment's social card and JSON twin, and the site's card", async () => {
    for (const [file, type] of [
      ['/og/sample-commit-messages.png', 'image/png'],
      ['/og/site.png', 'image/png'],
      ['/experiments/sample-commit-messages.json', 'application/json'],
    ]) {
      const res = await fetch(dev.url + file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain(type);
      const body = Buffer.from(await res.arrayBuffer());
      if (type === 'image/png') expect(body.subarray(1, 4).toString(), file).toBe('PNG');
      else expect(JSON.parse(body.toString()).slug).toBe('sample-commit-messages');
    }
  });

  it('shows an edit to post.md once saved', async () => {
    await eventually(heading, /one judge voted for itself/);
    await edit('post.md', (t) => t.replace(/^title: .*$/m, 'title: "Edited while the server ran"'));
    expect(await eventually(heading, /Edited while the server ran/)).toContain('Edited');
  });

  it('shows a broken pull-quote as the build would, naming post.md and its line', async () => {
    const before = await fs.readFile(path.join(dir, 'post.md'), 'utf8');
    const line = before.split('\n').indexOf('The message is the only place that can say why.');
    expect(line).toBeGreaterThan(0);
    await edit('post.md', (t) =>
      t.replace('The message is the only place that can say why.', 'A sentence nobody wrote.'),
    );
    // the directive opens on the line before the quoted text (lines count from 1)
    const error = await eventually(overlay, /post\.md:\d+/);
    expect(error).toContain(`post.md:${line}:`);
    expect(error).toContain('not in source.md');
    await fs.writeFile(path.join(dir, 'post.md'), before);
    await eventually(heading, /Edited while the server ran/);
  });

  it('shows an edit to experiment.yaml once saved', async () => {
    await fs.rm(path.join(dir, 'post.md')); // without a post, the manifest's title heads the page
    await eventually(heading, /commit-message skills/i);
    await edit('experiment.yaml', (t) => t.replace(/^title: .*$/m, 'title: "A title set in dev"'));
    expect(await eventually(heading, /A title set in dev/)).toContain('dev');
  });
});
