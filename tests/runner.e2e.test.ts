// End to end: the experiment command against the model API double, through the real SDKs.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startModelApi, type DoubleOptions, type ModelApiDouble } from './doubles/model-api.ts';
import { PARTICIPANTS, experimentDir, runEnv, writeDefinition } from './support/runner-setup.ts';
import { tempDir } from './support/helpers.ts';
import { buildSite } from './support/build.ts';
import { serve } from './support/serve.ts';
import { launch } from './support/browser.ts';
import { readExperiment, readManifest } from '../src/lib/content/experiment.ts';
import { listFiles } from '../src/lib/content/files.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CALLS = 3 + 3 * 3; // three skills, three judges in three orders
const JUDGES: DoubleOptions['judges'] = {
  'gpt-test': 'longest',
  'claude-test': 'first',
  'local-test': 'tie',
};

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run experiment` (as node --import tsx) with the double's keys and URLs. */
function experiment(
  api: ModelApiDouble,
  content: string,
  args: string[],
  env: Record<string, string | undefined> = {},
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/experiment.ts'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...runEnv(api.url), CROSSJUDGE_CONTENT: content, ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

async function setup(options: DoubleOptions = {}) {
  const api = await startModelApi({ judges: JUDGES, ...options });
  opened.push(api);
  const content = await tempDir('crossjudge-run-');
  await fs.writeFile(
    path.join(content, 'prices.yaml'),
    'gpt-test: { input: 2, output: 8 }\nclaude-test: { input: 3, output: 15 }\n',
  );
  const dir = experimentDir(content, 'three');
  await writeDefinition(dir, api.url);
  return { api, content, dir };
}

const opened: ModelApiDouble[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.close()));
});

const countCalls = async (dir: string) =>
  (await listFiles(path.join(dir, 'runs/calls'))).filter((f) => f.endsWith('.json')).length;

describe('a blind, order-swapped run of three models', () => {
  it('writes everything, survives 429, 500 and a malformed answer, and a rerun makes no calls', async () => {
    const { api, content, dir } = await setup({
      faults: [
        { model: 'gpt-test', status: 429, times: 1 },
        { model: 'claude-test', status: 500, times: 1, kind: 'evaluate' },
        { model: 'local-test', malformed: true, times: 1, kind: 'generate' },
      ],
    });
    const first = await experiment(api, content, ['three', '--concurrency', '3']).done;
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${CALLS} calls made, 0 taken from earlier runs, 0 failed`);

    // the double saw each provider's wire format, the injected faults, and the retries
    expect(new Set(api.received.map((r) => `${r.model}:${r.route}`))).toEqual(
      new Set(['gpt-test:responses', 'claude-test:messages', 'local-test:chat']),
    );
    expect(api.received.filter((r) => r.status === 200 && !r.malformed)).toHaveLength(CALLS);
    expect(api.received.filter((r) => r.status !== 200 || r.malformed)).toHaveLength(3);
    // blind: no judge was shown a model name
    for (const r of api.received.filter((x) => x.kind === 'evaluate'))
      for (const id of PARTICIPANTS) expect(r.prompt).not.toContain(id);

    const exp = await readExperiment(dir);
    expect(exp.skills.map((s) => s.participant).sort()).toEqual([...PARTICIPANTS].sort());
    expect(exp.skills[0].files.map((f) => f.path)).toContain('SKILL.md');
    expect(exp.evaluations).toHaveLength(3);
    const verdict = (judge: string) => exp.manifest.verdicts.find((v) => v.judge === judge)!;
    // "longest" picks the same skill in every order; "first" follows the position; "tie" ties
    expect(verdict('gpt-test')).toMatchObject({ winner: 'claude-test', consistent: true });
    expect(verdict('claude-test')).toMatchObject({ winner: null, consistent: false });
    expect(verdict('local-test')).toMatchObject({ winner: null, consistent: true });
    for (const id of PARTICIPANTS) {
      const runs = verdict(id).runs!;
      expect(runs).toHaveLength(3);
      expect(new Set(runs.map((r) => r.order[0])).size).toBe(3); // each skill shown first once
    }
    expect(new Set(verdict('claude-test').runs!.map((r) => r.winner)).size).toBe(3);

    // every call is recorded with the model id the API reported, usage, cost and timing
    expect(exp.calls).toHaveLength(CALLS);
    for (const c of exp.calls) {
      expect(c.status).toBe('ok');
      expect(c.model).toBe(`${c.requested}-2026-01-01`);
      expect(c.usage!.input).toBeGreaterThan(0);
      expect(c.ms).toBeGreaterThanOrEqual(0);
    }
    expect(
      exp.calls.find((c) => c.participant === 'local-test' && c.kind === 'generate')!.attempts,
    ).toBe(2);
    expect(exp.calls.filter((c) => c.participant === 'gpt-test').every((c) => c.cost! > 0)).toBe(
      true,
    );
    expect(
      exp.calls.filter((c) => c.participant === 'local-test').every((c) => c.cost === null),
    ).toBe(true);

    // keys never reach a file or the output
    for (const file of await listFiles(dir)) {
      const text = await fs.readFile(path.join(dir, file), 'utf8');
      expect(text, file).not.toContain('SECRET');
    }
    expect(first.stdout + first.stderr).not.toContain('SECRET');

    // a rerun makes no calls
    const before = api.received.length;
    const second = await experiment(api, content, ['three']).done;
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`0 calls made, ${CALLS} taken from earlier runs`);
    expect(api.received.length).toBe(before);
  });

  it('after a kill partway, the rerun makes only the missing calls', async () => {
    const { api, content, dir } = await setup({ latency: 150 });
    const run = experiment(api, content, [dir, '--concurrency', '1']);
    while ((await countCalls(dir)) < 4) await new Promise((r) => setTimeout(r, 25));
    run.child.kill('SIGKILL');
    await run.done;
    const kept = await countCalls(dir);
    expect(kept).toBeGreaterThanOrEqual(4);
    expect(kept).toBeLessThan(CALLS);
    const sent = api.received.length;
    const rerun = await experiment(api, content, [dir, '--concurrency', '4']).done;
    expect(rerun.code).toBe(0);
    expect(api.received.length - sent).toBe(CALLS - kept);
    expect(rerun.stdout).toContain(`${CALLS - kept} calls made, ${kept} taken from earlier runs`);
    expect(await countCalls(dir)).toBe(CALLS);
  });

  it('stops on Ctrl-C keeping what returned, and says how to go on', async () => {
    const { api, content, dir } = await setup({ latency: 150 });
    const run = experiment(api, content, [dir, '--concurrency', '1']);
    while ((await countCalls(dir)) < 2) await new Promise((r) => setTimeout(r, 25));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('run the same command again');
    const kept = await countCalls(dir);
    expect(kept).toBeLessThan(CALLS);
    await readManifest(dir); // the manifest is whole
  });

  it('records a cell that stays malformed as failed, finishes the rest, and exits non-zero', async () => {
    const { api, content, dir } = await setup({
      faults: [{ model: 'claude-test', kind: 'evaluate', malformed: true, times: 2 }],
    });
    // one call at a time, so that both malformed answers go to the same cell (its answer and its second ask)
    const result = await experiment(api, content, [dir, '--concurrency', '1']).done;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/11 calls made, 0 taken from earlier runs, 1 failed/);
    expect(result.stdout).toMatch(/failed: evaluate claude-test: malformed answer/);
    const m = await readManifest(dir);
    expect(m.verdicts.find((v) => v.judge === 'claude-test')).toMatchObject({
      winner: null,
      reason: 'only 2 of 3 orders were judged',
    });
    // the rerun retries only the failed cell
    const sent = api.received.length;
    const rerun = await experiment(api, content, [dir]).done;
    expect(rerun.code).toBe(0);
    expect(api.received.length - sent).toBe(1);
  });

  it('names a missing key before any call, and --dry-run needs none', async () => {
    const { api, content, dir } = await setup();
    const missing = await experiment(api, content, [dir], { ANTHROPIC_API_KEY: '' }).done;
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ANTHROPIC_API_KEY is not set (needed for claude-test)');
    const dry = await experiment(api, content, [dir, '--dry-run'], {
      OPENAI_API_KEY: '',
      ANTHROPIC_API_KEY: '',
    }).done;
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`${CALLS} calls, none made`);
    expect(dry.stdout.match(/^evaluate /gm)).toHaveLength(9);
    expect(api.received).toHaveLength(0);
  });
});

describe('what the command prints', () => {
  it('keeps the dry run in columns, however long the ids', async () => {
    const { api, content, dir } = await setup();
    const yaml = path.join(dir, 'experiment.yaml');
    await fs.writeFile(
      yaml,
      (await fs.readFile(yaml, 'utf8')).replace(
        'id: gpt-test',
        'id: a-participant-with-a-rather-long-identifier',
      ),
    );
    const dry = await experiment(api, content, [dir, '--dry-run']).done;
    expect(dry.code).toBe(0);
    const lines = dry.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('call '))!;
    const rows = lines.filter((l) => /^(generate|evaluate) /.test(l));
    expect(rows).toHaveLength(CALLS);
    expect(rows.some((r) => r.includes('a-participant-with-a-rather-long-identifier judges'))).toBe(
      true,
    );
    // every column starts where its heading does, on every row
    const starts = [...header.matchAll(/(?<=^|\s{2})\S/g)].map((m) => m.index!);
    expect(starts.length).toBeGreaterThanOrEqual(5);
    for (const row of rows)
      for (const at of starts.slice(1))
        expect([row[at - 1], /\S/.test(row[at])], `${row}\n${' '.repeat(at)}^`).toEqual([
          ' ',
          true,
        ]);
  });

  it('shows the right running total on each plain progress line', async () => {
    const { api, content } = await setup({
      latency: 150,
      faults: [{ model: 'claude-test', malformed: true, times: 6, kind: 'evaluate' }],
    });
    const run = await experiment(api, content, ['three', '--concurrency', '4']).done;
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => /^\[\d+\/\d+\]/.test(l));
    expect(lines).toHaveLength(CALLS);
    let tokens = 0;
    let cost = 0;
    for (const [i, line] of lines.entries()) {
      const m = line.match(
        /^\[(\d+)\/(\d+)\] .*?(?:, ([\d,]+) tokens, (?:\$([\d.]+)|unknown))? · total ([\d,]+) tokens, \$([\d.]+)$/,
      );
      expect(m, line).not.toBeNull();
      const n = (x: string) => Number(x.replace(/,/g, ''));
      expect([n(m![1]), n(m![2])]).toEqual([i + 1, CALLS]);
      if (m![3]) {
        tokens += n(m![3]);
        cost += Number(m![4] ?? 0);
      }
      expect(n(m![5]), line).toBe(tokens);
      expect(Number(m![6])).toBeCloseTo(cost, 2);
    }
    // the failed judgment's tokens were spent too, and are counted on its line
    expect(lines.some((l) => /evaluate claude-test.*: failed, [\d,]+ tokens/.test(l))).toBe(true);
  });
});

describe('the site shows a run', () => {
  it('with the blind mapping, every order, self-agreement and cost', async () => {
    const { api, content } = await setup();
    expect((await experiment(api, content, ['three']).done).code).toBe(0);
    const root = await tempDir('crossjudge-run-site-');
    await buildSite(content, path.join(root, 'dist'), path.join(root, 'cache'));
    const site = await serve(path.join(root, 'dist'));
    const browser = await launch();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${site.url}/experiments/three/`);
      expect(await page.locator('#headline').textContent()).toContain(
        'claude-test changed its pick when the order changed',
      );
      const runs = page.locator('#runs-claude-test');
      expect(await runs.locator('h3').textContent()).toContain('it changed its pick');
      expect(await runs.locator('tbody tr').count()).toBe(3);
      expect(await runs.locator('tbody tr').first().textContent()).toMatch(
        /Skill A = \S+.*Skill B = .*Skill C = /,
      );
      expect(await page.locator('#runs-gpt-test h3').textContent()).toContain(
        'the same pick every time',
      );
      // the matrix counts the orders: the position-following judge picked its own skill once in three
      expect(
        await page
          .locator('tr[data-judge="claude-test"] td[data-skill="claude-test"]')
          .textContent(),
      ).toContain('picked in 1 of 3 orders');
      expect(
        await page.locator('tr[data-judge="gpt-test"] td[data-skill="claude-test"]').textContent(),
      ).toMatch(/✔\s*picked in 3 of 3 orders/);
      expect(await page.locator('#run-cost').textContent()).toMatch(/^\$\d/);
      expect(await page.locator('table.calls tbody tr').count()).toBe(CALLS);
      expect(await page.locator('#setup').textContent()).toContain('gpt-test-2026-01-01');
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
      ).toBeUndefined();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
