// End to end: import the fixture into a temporary content folder, build the site, read it in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { importExperiment } from './support/build.ts';
import { checkLinks } from './support/links.ts';
import { FIXTURE, HAS_FIXTURE, describeFixture, writeTree } from './support/helpers.ts';
import { startSite, type TestSite } from './support/site.ts';

const OUTPUT = path.resolve(import.meta.dirname, 'output');
const PAGE = '/experiments/andrej-karpathy-llm-guidance/';

/** An experiment whose model text tries to run script in the reader's browser. */
const HOSTILE = {
  'experiment.yaml': [
    'title: "Hostile <script>window.__pwned = \\"title\\"</script>"',
    'date: 2026-02-01',
    'provenance: { kind: import, origin: "javascript:alert(1)" }',
    'source: source.md',
    'participants:',
    '  - { id: m-one, model: "<img src=x onerror=window.__pwned=1>" }',
    '  - { id: m-two, model: Two }',
    'verdicts:',
    '  - { judge: m-one, winner: m-two, evidence: "<script>window.__pwned = 2</script>" }',
  ].join('\n'),
  'source.md':
    '# Source\n\n<script>window.__pwned = 3</script>\n\n<iframe src="javascript:window.__pwned=4"></iframe>\n',
  'skills/m-one/SKILL.md':
    '---\nname: one\ndescription: x\n---\n\n<img src=x onerror="window.__pwned=5">\n\n[click](javascript:window.__pwned=6)\n',
  'skills/m-one/run.html': '<script>window.__pwned = 7</script>\n',
  'skills/m-two/logo.bin': 'PNG\u0000\u0001 binary bytes',
  'skills/m-two/SKILL.md':
    '---\nname: two\ndescription: y\n---\n\n<svg onload="window.__pwned=8"></svg>\n',
  'evaluations/m-one.md': '**Winner:** two <script>window.__pwned = 9</script>\n',
  'post.md': [
    '---',
    'title: "Hostile post <script>window.__pwned = 10</script>"',
    'description: "<img src=x onerror=window.__pwned=11>"',
    'author: "<script>window.__pwned = 12</script>"',
    'date: 2026-02-02',
    '---',
    '<script>window.__pwned = 13</script> [x](javascript:window.__pwned=14)',
    '',
    ':::quote{from="source.md"}',
    '<script>window.__pwned = 3</script>',
    ':::',
    '',
  ].join('\n'),
};

/** A run of two models judging in both orders: `picks` is what each judge picked in each order. */
function runExperiment(slug: string, picks: Record<'ann' | 'bob', ['ann' | 'bob', 'ann' | 'bob']>) {
  const verdict = (judge: 'ann' | 'bob') => {
    const [first, second] = picks[judge];
    const consistent = first === second;
    return [
      `  - judge: ${judge}`,
      `    winner: ${consistent ? first : 'null'}`,
      `    consistent: ${consistent}`,
      '    runs:',
      `      - { order: [ann, bob], winner: ${first} }`,
      `      - { order: [bob, ann], winner: ${second} }`,
    ].join('\n');
  };
  return {
    'experiment.yaml': [
      `title: Run ${slug}`,
      'date: 2026-03-01',
      'provenance: { kind: run }',
      'participants:',
      '  - { id: ann, model: ann-model-1 }',
      '  - { id: bob, model: bob-model-2 }',
      'verdicts:',
      verdict('ann'),
      verdict('bob'),
    ].join('\n'),
    'source.md': '# Note\n\nKeep it short.\n',
    'skills/ann/SKILL.md': '---\nname: ann-short\ndescription: Short.\n---\n\nKeep it short.\n',
    'skills/bob/SKILL.md':
      '---\nname: bob-short\ndescription: Short.\n---\n\nKeep it short.\nReally.\n',
    // a size claim that does not hold: Bob's skill has 7 lines
    'evaluations/ann.md': 'Winner: ann-short. The bob-short skill is 40 lines long.\n',
    'evaluations/bob.md': 'Winner: bob-short.\n',
  };
}
// Ann picks itself in every order; Bob picks whatever comes first: 3 × 4 = 12 outcomes per model
const RUNS = {
  'run-one': runExperiment('one', { ann: ['ann', 'ann'], bob: ['ann', 'bob'] }),
  'run-two': runExperiment('two', { ann: ['ann', 'ann'], bob: ['ann', 'bob'] }),
  'run-three': runExperiment('three', { ann: ['ann', 'ann'], bob: ['ann', 'bob'] }),
};

let site: TestSite;

beforeAll(async () => {
  site = await startSite(async (content) => {
    if (HAS_FIXTURE) await importExperiment(content, FIXTURE);
    await writeTree(path.join(content, 'experiments', 'hostile'), HOSTILE);
    for (const [slug, files] of Object.entries(RUNS))
      await writeTree(path.join(content, 'experiments', slug), files);
  });
  await fs.mkdir(OUTPUT, { recursive: true });
});

afterAll(() => site?.close());

const open = (pathname: string, options: { width?: number; dark?: boolean } = {}) =>
  site.open(pathname, options);

describeFixture('the imported fixture on the site', () => {
  it('lists it on the index with its headline', async () => {
    const page = await open('/');
    const item = page.locator('.experiments li', { hasText: 'Codex 5.3' });
    await expect(item.locator('.headline').textContent()).resolves.toBe(
      'Neither model voted for itself',
    );
  });

  it('shows the verdict matrix: each judge picked the other model, no self-vote', async () => {
    const page = await open(PAGE);
    expect(await page.locator('#headline').innerText()).toBe('Neither model voted for itself');
    const vote = (judge: string) =>
      page.locator(`table.matrix tr[data-judge="${judge}"] td[data-vote="yes"]`);
    expect(await vote('codex-5-3').getAttribute('data-skill')).toBe('opus-4-6');
    expect(await vote('opus-4-6').getAttribute('data-skill')).toBe('codex-5-3');
    expect(await page.locator('table.matrix td.self').count()).toBe(0);
  });

  it('shows the two SKILL.md side by side: sections aligned, words marked only in aligned passages', async () => {
    const page = await open(PAGE);
    const compare = page.locator('#diff-codex-5-3-opus-4-6-skill-md .compare');
    // written independently: sections matched by heading and content, not a line diff
    expect(await compare.locator(':scope > .pair').count()).toBeGreaterThan(3);
    // a section only one skill has is folded, named by its heading
    expect(await compare.locator('details.unmatched > summary').first().textContent()).toMatch(
      /^Only in (Codex 5\.3|Opus 4\.6)’s skill: \S/,
    );
    expect(await compare.locator('.compare-head').textContent()).toMatch(
      /Codex 5\.3\s*\d+ lines · \d+ words\s*Opus 4\.6\s*\d+ lines · \d+ words/,
    );
    expect(await compare.locator('.prow.aligned ins').count()).toBeGreaterThan(0);
    expect(await compare.locator('.prow:not(.aligned) :is(ins, del)').count()).toBe(0);
    expect(await page.locator('#diff-codex-5-3-opus-4-6-skill-md .diff').count()).toBe(0);
    // the file only one skill has is named, with a link to it
    await expect(
      page.locator('#diff-codex-5-3-opus-4-6-references-philosophy-md a').getAttribute('href'),
    ).resolves.toBe('#file-opus-4-6-references-philosophy-md');
  });

  it('stacks the two skills on a phone', async () => {
    const page = await open(PAGE, { width: 390 });
    const row = page.locator('#diff-codex-5-3-opus-4-6-skill-md .prow.aligned').first();
    const [a, b] = await row
      .locator('.cell')
      .evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()));
    expect(b.top).toBeGreaterThanOrEqual(a.bottom - 1);
  });

  it('leads, without a post, with the verdict figure', async () => {
    const page = await open(PAGE);
    const figure = page.locator('article > figure#verdict-figure svg');
    expect(await figure.locator('desc').textContent()).toBe(
      'Codex 5.3 picked: Opus 4.6’s skill. Opus 4.6 picked: Codex 5.3’s skill.',
    );
    expect(await figure.locator('path[marker-end]').count()).toBe(2);
  });

  it("flags the Opus skill's attributed quote that the tweet does not contain, and only that in the skills", async () => {
    const page = await open(PAGE);
    const tweet = (
      await fs.readFile(path.join(FIXTURE, 'karpathy-tweet.md'), 'utf8')
    ).toLowerCase();
    const findings = page.locator('#quotes ol.findings > li');
    const skillFindings = findings.filter({
      has: page.locator('a[href="#file-opus-4-6-references-philosophy-md"]'),
    });
    expect(await skillFindings.count()).toBe(1);
    const text = (await skillFindings.locator('.quote-text').textContent())!.replace(/[“”.]/g, '');
    expect(tweet).not.toContain(text.toLowerCase());
    expect(await skillFindings.textContent()).toContain('Not in the source');
    // the anchor of the finding is stable and linkable
    expect(await findings.first().getAttribute('id')).toBe('quote-1');
  });

  it('has an anchor for every section, skill, file, diff and evaluation', async () => {
    const page = await open(PAGE);
    const ids = [
      'verdict',
      'setup',
      'source',
      'skills',
      'diffs',
      'evaluations',
      'quotes',
      'skill-codex-5-3',
      'skill-opus-4-6',
      'file-codex-5-3-agents-openai-yaml',
      'file-opus-4-6-references-philosophy-md',
      'diff-codex-5-3-opus-4-6',
      'evaluation-codex-5-3',
      'evaluation-opus-4-6',
    ];
    for (const id of ids) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    const hrefs = await page
      .locator('a[href^="#"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    for (const id of new Set(hrefs))
      expect(await page.locator(`[id="${id}"]`).count(), `#${id}`).toBe(1);
  });

  it('needs no JavaScript and passes axe, light and dark, desktop and phone', async () => {
    for (const [width, dark, name] of [
      [1280, false, 'desktop'],
      [390, true, 'phone-dark'],
    ] as const) {
      const page = await open(PAGE, { width, dark });
      expect(await page.locator('script').count()).toBe(0);
      // every folded file, diff and list open, so axe checks them too
      await page
        .locator('details')
        .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`),
      ).toEqual([]);
      await page.screenshot({ path: path.join(OUTPUT, `experiment-${name}.png`) });
      // a phone reads the diff without scrolling sideways
      if (width < 500) {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
    }
  }, 90_000); // axe over a long page, twice: slow on a busy machine

  it('publishes the JSON twin, the RSS feed and the sitemap', async () => {
    const res = await fetch(`${site.url}/experiments/andrej-karpathy-llm-guidance.json`);
    const data = await res.json();
    expect(data.format).toBe('crossjudge.experiment/1');
    expect(data.participants.map((p: { id: string }) => p.id)).toEqual(['codex-5-3', 'opus-4-6']);
    expect(
      data.verdicts.map((v: { judge: string; winner: string; self: boolean }) => [
        v.judge,
        v.winner,
        v.self,
      ]),
    ).toEqual([
      ['codex-5-3', 'opus-4-6', false],
      ['opus-4-6', 'codex-5-3', false],
    ]);
    expect(data.skills[1].files.map((f: { path: string }) => f.path)).toEqual([
      'SKILL.md',
      'references/philosophy.md',
    ]);
    expect(
      data.quotes.some(
        (q: { kind: string; found: boolean; file: string }) =>
          q.kind === 'attributed' && !q.found && q.file.endsWith('philosophy.md'),
      ),
    ).toBe(true);
    const rss = await (await fetch(`${site.url}/rss.xml`)).text();
    expect(rss).toContain('/experiments/andrej-karpathy-llm-guidance/');
    const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/experiments/andrej-karpathy-llm-guidance/');
  });
});

describe('scripts', () => {
  it('are on no page but search', async () => {
    const dist = path.join(site.root, 'dist');
    const pages = (await fs.readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const withScript = [];
    for (const file of pages) {
      const page = await open(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
      if (await page.locator('script').count()) withScript.push(file);
      await page.close();
    }
    expect(withScript).toEqual(['search/index.html']);
  });
});

describe('links', () => {
  it('none is broken on any page, the hostile one (and the fixture) included', async () => {
    const { broken, checked } = await checkLinks(
      path.join(site.root, 'dist'),
      'http://localhost:4321/',
      site.browser,
    );
    expect(broken).toEqual([]);
    expect(
      checked.filter((c) => c.startsWith('experiments/hostile/index.html -> ')).length,
    ).toBeGreaterThan(20);
    if (HAS_FIXTURE)
      expect(
        checked.filter((c) => c.startsWith(`${PAGE.slice(1)}index.html -> `)).length,
      ).toBeGreaterThan(50);
  });
});

describeFixture("the fixture's findings and fact check", () => {
  it('puts the certain findings first, each linking to its evidence; the noise stays out', async () => {
    const page = await open(PAGE);
    const lead = page.locator('header ul.findings-lead li');
    // the Opus skill's quote the tweet does not contain, and nothing else
    expect(await lead.count()).toBe(1);
    expect(await lead.textContent()).toContain('Opus 4.6’s skill quotes Andrej Karpathy');
    for (const href of await lead
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      expect(await page.locator(href).count(), href).toBe(1);
    // not "1 file; it has 2" over a 4-line metadata file, nor "different words" for a quote that
    // leaves out one word
    expect(await page.locator('article > header').textContent()).not.toMatch(
      /has 1 file|different words/,
    );
    const oneFile = page.locator('#facts table.claims tbody tr', { hasText: '1 file' });
    expect(await oneFile.getAttribute('data-holds')).toBe('true');
    expect(await oneFile.textContent()).toContain('not counting agents/openai.yaml (4 lines)');
    const quotes = page.locator('#quotes-all tbody tr');
    expect(await quotes.filter({ hasText: 'They don' }).first().textContent()).toContain(
      'abridged (words left out), from the source',
    );
  });

  it("checks the evaluation's size claims in the fact check", async () => {
    const page = await open(PAGE);
    const rows = page.locator('#facts table.claims tbody tr');
    const holding = rows.filter({ hasText: '~250 lines across two files' });
    // "~250 lines across two files" (the Opus skill: 248 lines, 2 files) holds twice; "~120 lines" too
    expect(await holding.count()).toBe(4);
    expect(await holding.filter({ hasText: '248 lines' }).first().getAttribute('data-holds')).toBe(
      'true',
    );
    expect(await rows.filter({ hasText: '125 lines' }).first().getAttribute('data-holds')).toBe(
      'true',
    );
    const data = await (
      await fetch(`${site.url}/experiments/andrej-karpathy-llm-guidance.json`)
    ).json();
    const lines = data.claims
      .filter((c: { measure: string }) => c.measure === 'lines')
      .map((c: { about: string; claimed: number; measured: number; holds: boolean }) => [
        c.about,
        c.claimed,
        c.measured,
        c.holds,
      ]);
    expect(lines).toEqual([
      ['opus-4-6', 250, 248, true],
      ['codex-5-3', 120, 125, true],
      ['opus-4-6', 250, 248, true],
    ]);
    expect(data.claims.filter((c: { holds: boolean | null }) => c.holds === false)).toEqual([]);
    expect(data.findings.map((f: { kind: string; evidence: string }) => f.kind)).toEqual(['quote']);
    expect(data.tentativeFindings).toEqual([]);
    const rss = await (await fetch(`${site.url}/rss.xml`)).text();
    expect(rss).toContain('Opus 4.6’s skill quotes Andrej Karpathy');
    expect(rss).not.toContain('has 1 file');
  });
});

describe('models across experiments', () => {
  it('lists every model with its figures and n, and links each to its page', async () => {
    const page = await open('/models/');
    const ann = page.locator('table.models tr[data-model="ann-model-1"]');
    expect(await ann.locator('th a').getAttribute('href')).toBe('/models/ann-model-1/');
    // Ann picked its own skill in all 3 decided judgments; Bob changed its pick each time
    expect(await ann.locator('td').nth(2).innerText()).toBe('100% n=3');
    expect(
      await page.locator('table.models tr[data-model="bob-model-2"] td').nth(3).innerText(),
    ).toBe('0% n=3');
    const data = await (await fetch(`${site.url}/models.json`)).json();
    expect(data.format).toBe('crossjudge.models/1');
    const annJson = data.models.find((m: { name: string }) => m.name === 'ann-model-1');
    expect(annJson).toMatchObject({
      ids: ['ann'],
      experiments: ['run-one', 'run-three', 'run-two'],
      selfVotes: { votes: 3, of: 3 },
      orderKept: { kept: 3, of: 3 },
    });
    expect(
      data.models.find((m: { name: string }) => m.name === 'bob-model-2').orderKept,
    ).toMatchObject({ kept: 0, of: 3, followed: { first: 3 } });
    // 12 outcomes each: Ann won 9 (its own 6, Bob's first-position picks of Ann 3), Bob 3
    expect(annJson.strength.judgments).toBe(12);
    expect(annJson.strength.value).toBeGreaterThan(1);
  });

  it('has a page per model with its figures and skills', async () => {
    const page = await open('/models/bob-model-2/');
    expect(await page.locator('h1').textContent()).toBe('bob-model-2');
    expect(await page.locator('dl.figures').innerText()).toContain(
      '3 picked whichever skill was shown first',
    );
    expect(await page.locator('dl.figures').innerText()).toMatch(
      /Bradley–Terry strength\s*0\.\d\d \(95% interval/,
    );
    expect(await page.locator('ul.model-skills li').count()).toBe(3);
    const href = await page.locator('ul.model-skills a').first().getAttribute('href');
    expect(href).toMatch(/^\/experiments\/run-[a-z]+\/#skill-bob$/);
  });

  it('needs no JavaScript and passes axe, light and dark, desktop and phone', async () => {
    for (const pathname of ['/models/', '/models/ann-model-1/', '/']) {
      for (const [width, dark, name] of [
        [1280, false, 'desktop'],
        [390, true, 'phone-dark'],
      ] as const) {
        const page = await open(pathname, { width, dark });
        expect(await page.locator('script').count()).toBe(0);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map(
            (v) => `${pathname} ${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`,
          ),
        ).toEqual([]);
        await page.screenshot({
          path: path.join(
            OUTPUT,
            `${pathname.replace(/\//g, '-').replace(/^-|-$/g, '') || 'index'}-${name}.png`,
          ),
          fullPage: true,
        });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${pathname} at ${width}`).toBeLessThanOrEqual(0);
      }
    }
  });
});

describe('hostile model text', () => {
  it('is shown as text and never runs', async () => {
    const page = await open('/experiments/hostile/');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const a of await page.locator('a').all())
      expect((await a.getAttribute('href')) ?? '').not.toMatch(/^javascript:/i);
    await page
      .locator('details')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.waitForTimeout(200);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script, iframe, img, svg[onload]').count()).toBe(0);
    // what the model wrote is still there to read
    expect(await page.locator('h1').textContent()).toContain('<script>');
    expect(await page.locator('#source').textContent()).toContain('window.__pwned = 3');
    expect(await page.locator('#file-m-two-logo-bin').textContent()).toContain('binary, not shown');
    // the index and the models pages list it too, just as safely
    for (const other of ['/', '/models/', '/models/img-src-x-onerror-window-pwned-1/']) {
      const index = await open(other);
      expect(
        await index.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
      ).toBeUndefined();
      expect(await index.locator('script, img').count()).toBe(0);
    }
  });
});
