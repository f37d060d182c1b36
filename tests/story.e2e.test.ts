// End to end: the fixture experiment imported, its post drafted with `npm run draft`, built and read
// in Chromium. The post tells the story in order, says its headline once, shows each piece once (the
// appendix folded, its sections listed), and the page stays under 12,000 px on a desktop.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { importExperiment } from './support/build.ts';
import { FIXTURE, describeFixture } from './support/helpers.ts';
import { startSite, type TestSite } from './support/site.ts';
import { readExperiment } from '../src/lib/content/experiment.ts';
import { analyze, type Analysis } from '../src/lib/analysis/analysis.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT = path.resolve(import.meta.dirname, 'output');
const SLUG = 'andrej-karpathy-llm-guidance';
const PAGE = `/experiments/${SLUG}/`;

describeFixture("the fixture's drafted post", () => {
  let site: TestSite;
  let analysis: Analysis;

  beforeAll(async () => {
    site = await startSite(async (content) => {
      await importExperiment(content, FIXTURE);
      await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/draft.ts'), SLUG],
        { cwd: ROOT, env: { ...process.env, CROSSJUDGE_CONTENT: content } },
      );
      analysis = analyze(await readExperiment(path.join(content, 'experiments', SLUG)));
    });
    await fs.mkdir(OUTPUT, { recursive: true });
  }, 300_000);

  afterAll(() => site?.close());

  const open = (width = 1280): Promise<Page> => site.open(PAGE, { width });
  const text = (page: Page) => page.locator('body').innerText();
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

  it('tells the story in order, its headline once', async () => {
    const page = await open();
    expect(await page.locator('.post > h2').allTextContents()).toEqual([
      'The setup',
      'What each model made',
      'The judging',
      'What the models got wrong',
      'In short',
    ]);
    const title = (await page.locator('h1').textContent())!.trim();
    const body = await text(page);
    expect(count(body, title)).toBe(1);
    expect(count(body, analysis.headline.replace(/'/g, '’'))).toBe(1);
    // said in the body (the judging), not in the lede
    const headline = analysis.headline.replace(/'/g, '’');
    expect(await page.locator('.post').innerText()).toContain(`${headline}.`);
    expect(await page.locator('.lede').innerText()).not.toContain(headline);
    // the experiment is not the project's: the post says it was imported
    expect(body).toContain(
      'An experiment imported from andrej-karpathy-llm-guidance, not run here',
    );
    // the setup: the flow figure, and a visible placeholder asking for the prompts it lacks
    const setup = page.locator('.post figure.flow');
    expect(await setup.locator('li.flow-step').count()).toBe(3);
    expect(await page.locator('.post aside.todo').textContent()).toMatch(/prompts/);
  });

  it('quotes what each model made, each judge, the quote found nowhere and the sizes that hold', async () => {
    const page = await open();
    const from = await page
      .locator('.post figure.pullquote')
      .evaluateAll((fs) => fs.map((f) => f.getAttribute('data-from')!));
    for (const s of analysis.skills)
      expect(from.some((f) => f.startsWith(`skills/${s.participant}/`))).toBe(true);
    for (const v of analysis.verdicts) expect(from).toContain(`evaluations/${v.judge}.md`);
    // no pull-quote leans on a sentence the reader has not seen
    const quoted = await page.locator('.post figure.pullquote blockquote').allInnerTexts();
    for (const q of quoted) expect(q.trim()).not.toMatch(/^[“"]?(It|But|This|They|And|So)\b/);
    // the judge whose verdict is a sentence is quoted in it (the verdict line, not a side remark)
    const sentence = analysis.verdicts.find((v) => (v.evidence ?? '').split(' ').length > 6)!;
    expect(quoted.join('\n').replace(/`/g, '')).toContain(
      sentence.evidence!.replace(/[`*]/g, '').replace(/:$/, ''),
    );
    const body = await text(page);
    // the quote found nowhere: the skill's line, the source's silence, and what the judges did
    const q = analysis.findings[0];
    expect(from).toContain(q.file);
    expect(body).toContain(`never says “${q.text.replace(/[.,;:]+$/, '').replace(/'/g, '’')}”`);
    // no straight quote beside a curly one (the nested quote typeset in single marks)
    expect(body).not.toMatch(/["'][”’]|[“‘]["']/);
    // the fixture records no prompts: the check is not said to have searched them
    expect(body).toContain('these words are nowhere in the source, the skills or the evaluations.');
    expect(body).not.toMatch(/nowhere in[^.]*prompt/);
    // said once: each size holds (a lead-in, not after each), no judge flagged it (with the silent one)
    expect(count(body, 'it holds')).toBe(0);
    expect(body).toMatch(/Measured, each of the \d+ holds:/);
    expect(body).toMatch(/evaluation does not mention it: no judge flagged it\./);
    // the close: who picked whom, where the quotes were found, the sizes
    expect(body).toMatch(/In short\s+\S.* picked .*’s skill and .* picked .*’s skill\./);
    expect(body).toMatch(
      /own evaluation, rather than catching it, takes the idea up in its own words/,
    );
    // a judge's sizes of its own skill, quoted, with what the fact check measured
    const own = analysis.claims.find((c) => c.about === c.at.judge && c.measure === 'lines')!;
    expect(own.holds).toBe(true);
    expect(body).toContain(`“${own.phrase}”: `);
    expect(body).toContain(`has ${own.measured} lines`);
    // the two linked: the model saw its own skill's length, not the quote it made up in it
    expect(body).toContain(
      `saw that its own skill was too long (“${own.phrase}”: it has ${own.measured} lines), but not the quote it had put in Andrej Karpathy’s mouth.`,
    );
    expect(body).toMatch(/Its evaluation even warns that its skill “[^”]*misattribut[^”]*”/);
  });

  it('shows the figure, the matrix and the side-by-side once; the appendix folded, with its contents', async () => {
    const page = await open();
    await page
      .locator('details')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await page.locator('figure.figure svg').count()).toBe(1);
    expect(await page.locator('table.matrix').count()).toBe(1);
    expect(await page.locator('.compare').count()).toBe(1);
    const fresh = await open();
    const sections = fresh.locator('.appendix details.section');
    expect(await sections.count()).toBeGreaterThanOrEqual(7);
    expect(await fresh.locator('.appendix details.section[open]').count()).toBe(0);
    expect(await fresh.locator('.appendix nav.toc a').count()).toBe(await sections.count());
  });

  it('is at most 12,000 px tall on a desktop; screenshots at 1280 and 390', async () => {
    const heights: Record<number, number> = {};
    for (const width of [1280, 390]) {
      const page = await open(width);
      heights[width] = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: path.join(OUTPUT, `story-${width}.png`), fullPage: true });
    }
    console.log(
      `the fixture's drafted page: ${heights[1280]} px at 1280, ${heights[390]} px at 390`,
    );
    expect(heights[1280]).toBeLessThanOrEqual(12_000);
  });
});
