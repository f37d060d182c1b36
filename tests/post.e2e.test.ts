// End to end: the shipped sample's post, built and read in Chromium. Its pull-quotes link to the
// lines they quote; an altered quote stops the build; social cards, meta and search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { buildSite } from './support/build.ts';
import { startSite, type TestSite } from './support/site.ts';
import { SAMPLE, copySample } from './support/helpers.ts';
import { locateQuote } from '../src/lib/post/pullquote.ts';

const PAGE = '/experiments/sample-commit-messages/';
const OUTPUT = path.resolve(import.meta.dirname, 'output');

let site: TestSite;

beforeAll(async () => {
  site = await startSite((content) => copySample(content).then(() => undefined));
  await fs.mkdir(OUTPUT, { recursive: true });
});

afterAll(() => site?.close());

const open = (pathname: string, options: { width?: number; dark?: boolean } = {}) =>
  site.open(pathname, options);

describe("the sample's post", () => {
  it('uses every directive', async () => {
    const page = await open(PAGE);
    const post = page.locator('.post');
    expect(await post.locator('figure.pullquote').count()).toBe(4);
    expect(await post.locator('table.matrix').count()).toBe(1);
    expect(await post.locator('figure.figure svg title').count()).toBe(1);
    expect(await post.locator('details.prompt').count()).toBe(2);
    expect(await post.locator('.compare .prow.aligned').count()).toBeGreaterThan(0);
    expect(
      await post
        .locator('aside.finding')
        .evaluateAll((as) => as.map((a) => a.getAttribute('data-kind'))),
    ).toEqual(['self-vote', 'quote']);
    // the post leads; the data follows as its appendix
    expect(await page.locator('h1').textContent()).toContain('one judge voted for itself');
    expect(await page.locator('#data').textContent()).toBe('Appendix: the data');
  });

  it('links every pull-quote to the line it quotes', async () => {
    const page = await open(PAGE);
    const quotes = await page.locator('figure.pullquote').evaluateAll((fs) =>
      fs.map((f) => ({
        file: f.getAttribute('data-from')!,
        text: f.querySelector('blockquote')!.textContent!.trim(),
        href: f.querySelector('figcaption a')!.getAttribute('href')!,
        caption: f.querySelector('figcaption')!.textContent!,
      })),
    );
    expect(quotes.map((q) => q.file).sort()).toEqual([
      'evaluations/claude-sonnet-4-5.md',
      'evaluations/gpt-5.md',
      'skills/claude-sonnet-4-5/SKILL.md',
      'source.md',
    ]);
    for (const { file, ...q } of quotes) {
      // the line the link names holds the start of the quote, in the file it names
      const line = Number(q.href.match(/-L(\d+)$/)![1]);
      expect(q.caption).toContain(`line ${line}`);
      const text = await fs.readFile(path.join(SAMPLE, file), 'utf8');
      const firstWords = q.text.split(/\s+/).slice(0, 4).join(' ');
      expect(
        locateQuote(firstWords, text.split('\n')[line - 1]),
        `${firstWords} on ${file}:${line}`,
      ).not.toBeNull();
      // following the link puts that line on screen, unfolding the file it is in
      await page.locator(`figure.pullquote figcaption a[href="${q.href}"]`).click();
      const target = page.locator(`[id="${q.href.slice(1)}"]`);
      expect(await target.count()).toBe(1);
      const top = await target.evaluate((el) => el.getBoundingClientRect().top);
      expect(top, q.href).toBeGreaterThanOrEqual(0);
      expect(top, q.href).toBeLessThan(900);
      expect(
        (await target.isVisible().catch(() => false)) ||
          (await target.evaluate((el) => !el.closest('details:not([open])'))),
      ).toBe(true);
    }
  });

  it('has Open Graph and Twitter meta, and a 1200×630 card', async () => {
    const page = await open(PAGE);
    const meta = (p: string) =>
      page.locator(`meta[property="${p}"], meta[name="${p}"]`).getAttribute('content');
    expect(await meta('og:title')).toContain('one judge voted for itself');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const image = (await meta('og:image'))!;
    expect(image).toMatch(/^https?:\/\/.+\/og\/sample-commit-messages\.png$/);
    const png = await fs.readFile(path.join(site.root, 'dist/og/sample-commit-messages.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // the JSON twin names the post
    const json = await (await fetch(`${site.url}/experiments/sample-commit-messages.json`)).json();
    expect(json.post).toMatchObject({
      author: 'The crossjudge authors (sample post)',
      date: '2026-11-21',
    });
    // the other pages have the meta too, with the site's card
    const index = await open('/');
    expect(await index.locator('meta[property="og:image"]').getAttribute('content')).toMatch(
      /\/og\/site\.png$/,
    );
  });

  it('reads without JavaScript, light and dark, desktop and phone, and passes axe', async () => {
    for (const [width, dark, name] of [
      [1280, false, 'post-desktop'],
      [1280, true, 'post-desktop-dark'],
      [390, false, 'post-phone'],
      [390, true, 'post-phone-dark'],
    ] as const) {
      const page = await open(PAGE, { width, dark });
      expect(await page.locator('script').count()).toBe(0);
      await page.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
      await page
        .locator('details')
        .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`),
      ).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
    }
  });

  it('goes by its post title everywhere: the index, the feed and the model pages', async () => {
    const title = await (await open(PAGE)).locator('h1').innerText();
    const index = await open('/');
    expect(await index.locator(`a[href$="${PAGE}"]`).first().innerText()).toBe(title);
    const model = await open('/models/gpt-5/');
    expect(await model.locator(`a[href$="${PAGE}"]`).allInnerTexts()).toEqual([title, title]);
    expect(await fs.readFile(path.join(site.root, 'dist', 'rss.xml'), 'utf8')).toContain(
      `<title>${title}</title>`,
    );
  });

  it('is found by search, the one page with a script', async () => {
    const page = await open('/search/');
    expect(await page.locator('script').count()).toBeGreaterThan(0);
    await page.locator('#search input').fill('commit messages');
    await expect(
      page
        .locator('#search a[href*="/experiments/sample-commit-messages/"]')
        .first()
        .waitFor({ timeout: 15000 }),
    ).resolves.toBeUndefined();
  });
});

describe('an altered pull-quote', () => {
  it('fails the build, naming post.md and the line', async () => {
    const content = path.join(site.root, 'altered');
    const dir = await copySample(content);
    const post = await fs.readFile(path.join(dir, 'post.md'), 'utf8');
    const altered = post.replace(
      'the message is the only place that can say why.\n:::',
      'the message is the best place to say why.\n:::',
    );
    expect(altered).not.toBe(post);
    await fs.writeFile(path.join(dir, 'post.md'), altered);
    const line =
      altered.split('\n').findIndex((l) => l === ':::quote{from="evaluations/gpt-5.md"}') + 1;
    const failure = await buildSite(
      content,
      path.join(site.root, 'altered-dist'),
      path.join(site.root, 'cache'),
    ).then(
      () => null,
      (err: { stdout: string; stderr: string }) => err.stdout + err.stderr,
    );
    expect(failure).not.toBeNull();
    expect(failure).toContain(
      `post.md:${line}: ::quote: the quoted text is not in evaluations/gpt-5.md`,
    );
  });
});
