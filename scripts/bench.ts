// npm run bench -- [--sizes 60,200,1000] [--lines 300] [--repeat 1]
// Build speed: for each size, N synthetic experiments (2-4 skills of about 300 lines each) are laid
// out as a hand-run folder and entered with `npm run import`, as a user's are. Then, in one run so
// that the machine's load weighs on all alike: a bare Astro site with one markdown page per
// experiment holding the same skills' markdown (the reference), crossjudge cold (empty caches) and
// warm (nothing changed), and a crossjudge build with no experiment (its start-up). A crossjudge
// build is what `npm run build` runs: astro build, then Pagefind. Prints times, ratios and the
// peak memory of each build.
import { Command } from 'commander';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experiment, writeBareSite, writeHandRuns } from './bench/corpus.ts';
import { measure, type Measured } from './bench/measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/astro/astro.js');
const BARE = path.join(ROOT, '.bench', 'bare'); // inside the repository, so it resolves node_modules
/** The build's code bundled once per version of the code (site/bundles.ts): the workers', the pages'. */
const BUNDLES = ['worker', 'pages'].map((name) =>
  path.join(ROOT, 'node_modules/.cache', `crossjudge-${name}`),
);

const opts = new Command()
  .option('--sizes <list>', 'numbers of experiments, comma-separated', '60,200,1000')
  .option('--lines <n>', 'lines per skill file, about', '300')
  .option('--repeat <n>', 'build each this many times (in turns) and keep the fastest', '1')
  .parse()
  .opts<{ sizes: string; lines: string; repeat: string }>();
const SIZES = opts.sizes.split(',').map(Number);
const LINES = Number(opts.lines);
const REPEAT = Number(opts.repeat);

interface Build extends Measured {
  /** What the build said of its search index (made, or taken from the cache). */
  search: string;
}

/** `npm run build` on a content folder (astro build; the search index is made at its end). */
async function crossjudge(content: string, cache: string, out: string): Promise<Build> {
  const env = { CROSSJUDGE_CONTENT: content, CROSSJUDGE_CACHE: cache, CROSSJUDGE_OUT: out };
  const build = await measure(process.execPath, [ASTRO, 'build'], ROOT, env);
  const said = build.stdout.match(/search index: (.*)/)?.[1] ?? '';
  const search = said.match(/indexed in ([\d.]+ s)/)?.[1] ?? (/cache/.test(said) ? 'cached' : '?');
  return { ...build, search };
}

/** The bare Astro reference, cold: its caches and output removed first. */
async function bare(out: string): Promise<Measured> {
  await fs.rm(path.join(BARE, 'node_modules'), { recursive: true, force: true });
  await fs.rm(out, { recursive: true, force: true });
  return measure(process.execPath, [ASTRO, 'build'], BARE);
}

/**
 * The fastest of REPEAT builds of each of the two, taken in turns, so that a change in the
 * machine's speed over the run weighs on both alike.
 */
async function fastestOfEach<A extends Measured, B extends Measured>(
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A, B]> {
  let bestA: A | null = null;
  let bestB: B | null = null;
  for (let i = 0; i < REPEAT; i++) {
    const ma = await a();
    if (!bestA || ma.ms < bestA.ms) bestA = ma;
    const mb = await b();
    if (!bestB || mb.ms < bestB.ms) bestB = mb;
  }
  return [bestA!, bestB!];
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (m: Measured) => (m.peak === null ? 'n/a' : `${Math.round(m.peak / 2 ** 20)} MB`);
const load = () => os.loadavg()[0].toFixed(1);
const cpu = (m: Measured) => (m.cpu === null ? 'n/a' : s(m.cpu));
const row = (label: string, m: Measured, note = '') =>
  console.log(
    `  ${label.padEnd(34)} ${s(m.ms).padStart(8)}  ${cpu(m).padStart(8)}  ${mb(m).padStart(8)}  ${note}`,
  );

interface Result {
  n: number;
  cold: Build;
  warm: Build;
  bare: Measured;
  startup: Build;
  load: string;
}

/** `npm run import` of each hand-run folder, its times added up. */
async function importAll(folders: string[], content: string): Promise<Measured> {
  const all: Measured = { ms: 0, peak: 0, cpu: 0, stdout: '' };
  for (const folder of folders) {
    const m = await measure(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', folder],
      ROOT,
      {
        CROSSJUDGE_CONTENT: content,
      },
    );
    all.ms += m.ms;
    all.peak = m.peak === null || all.peak === null ? null : Math.max(all.peak, m.peak);
    all.cpu = m.cpu === null || all.cpu === null ? null : all.cpu + m.cpu;
  }
  return all;
}

async function benchSize(tmp: string, n: number): Promise<Result> {
  const dir = path.join(tmp, String(n));
  const corpus = Array.from({ length: n }, (_, i) => experiment(i, LINES));
  const content = path.join(dir, 'content');
  const imported = await importAll(
    await writeHandRuns(path.join(dir, 'hand-run'), corpus),
    content,
  );
  await writeBareSite(BARE, path.join(dir, 'bare-dist'), corpus);
  const start = load();
  console.log(`\n${n} experiments (load average ${start})`);
  row('imported (npm run import)', imported);
  const empty = path.join(dir, 'empty');
  await fs.mkdir(path.join(empty, 'experiments'), { recursive: true });
  const startupBuild = () =>
    crossjudge(empty, path.join(dir, 'empty-cache'), path.join(dir, 'empty-dist'));
  await startupBuild(); // its caches filled: start-up is a warm build with nothing to build
  let k = 0;
  const [ref, cold] = await fastestOfEach(
    () => bare(path.join(dir, 'bare-dist')),
    async () => {
      for (const dir of BUNDLES) await fs.rm(dir, { recursive: true, force: true }); // as on a fresh clone
      return crossjudge(content, path.join(dir, `cache-${++k}`), path.join(dir, 'dist'));
    },
  );
  const parts = (b: Build) => `(search index: ${b.search})`;
  row('bare Astro, same markdown', ref);
  row('crossjudge cold', cold, parts(cold));
  const [warm, startup] = await fastestOfEach(
    () => crossjudge(content, path.join(dir, `cache-${k}`), path.join(dir, 'dist')),
    startupBuild,
  );
  row('crossjudge warm, nothing changed', warm, parts(warm));
  row('crossjudge, no experiment', startup, parts(startup));
  const result = { n, cold, warm, bare: ref, startup, load: `${start}-${load()}` };
  console.log(`  ${summary(result)}`);
  return result;
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? 'n/a' : (a / b).toFixed(2);
const perExperiment = (r: Result, a: number | null, b: number | null) =>
  a === null || b === null ? 'n/a' : ((a - b) / r.n).toFixed(1);

/** The ratios, of wall time and of processor time (steadier when other work shares the machine). */
const summary = (r: Result) =>
  `cold/bare ${ratio(r.cold.ms, r.bare.ms)} (cpu ${ratio(r.cold.cpu, r.bare.cpu)})   ` +
  `warm ${perExperiment(r, r.warm.ms, r.startup.ms)} ms per experiment above start-up ` +
  `(cpu ${perExperiment(r, r.warm.cpu, r.startup.cpu)})   warm/cold ${ratio(r.warm.ms, r.cold.ms)}`;

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-bench-'));
  console.log(
    `crossjudge build benchmark: synthetic experiments of 2-4 skills (about ${LINES} lines each), ` +
      `entered with npm run import; ${os.availableParallelism()} cores; builds are the fastest of ${REPEAT}`,
  );
  console.log(
    `  ${'build'.padEnd(34)} ${'time'.padStart(8)}  ${'cpu time'.padStart(8)}  ${'peak mem'.padStart(8)}`,
  );
  const results: Result[] = [];
  try {
    for (const n of SIZES) results.push(await benchSize(tmp, n));
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.rm(BARE, { recursive: true, force: true });
  }
  console.log(
    '\nexperiments  load average  ' + 'ratios'.padEnd(124) + 'peak memory cold / warm / bare',
  );
  for (const r of results)
    console.log(
      `${String(r.n).padStart(11)}  ${r.load.padEnd(12)}  ${summary(r).padEnd(122)}  ${mb(r.cold)} / ${mb(r.warm)} / ${mb(r.bare)}`,
    );
}

await main();
