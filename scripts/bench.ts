// npm run bench -- [--experiments N]
// Build speed: generates N synthetic experiments (2-4 skills of a few hundred lines each), builds
// them cold, rebuilds after one experiment changed (warm), and builds a bare Astro site of the same
// markdown as the reference. Prints experiments per second and milliseconds per page.
import { Command } from 'commander';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeManifest, writeText } from '../src/lib/content/experiment.ts';
import { writeFileAtomic } from '../src/lib/content/files.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/astro/astro.js');

const opts = new Command()
  .option('--experiments <n>', 'how many experiments', '20')
  .option('--lines <n>', 'lines per skill file, about', '300')
  .parse()
  .opts<{ experiments: string; lines: string }>();
const N = Number(opts.experiments);
const LINES = Number(opts.lines);

/** A deterministic pseudo-random generator, so every run builds the same pages. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
const WORDS =
  'model skill test change review code function value error state reason file line order judge source small clear simple check plan write read keep name'.split(
    ' ',
  );

function skillText(rand: () => number, title: string, lines: number): string {
  const out = [
    `---`,
    `name: ${title}`,
    `description: A synthetic skill for the build benchmark.`,
    `---`,
    '',
    `# ${title}`,
    '',
  ];
  const sentence = () =>
    Array.from(
      { length: 8 + Math.floor(rand() * 10) },
      () => WORDS[Math.floor(rand() * WORDS.length)],
    ).join(' ') + '.';
  while (out.length < lines) {
    const r = rand();
    if (r < 0.1) out.push('', `## Section ${out.length}`, '');
    else if (r < 0.2)
      out.push('```python', `def f_${out.length}(x):`, `    return x * ${out.length}`, '```');
    else if (r < 0.45) out.push(`- ${sentence()}`);
    else out.push(sentence());
  }
  return out.join('\n') + '\n';
}

const SOURCE = { source: 'source.md' };

/** Writes experiment i; `variant` changes one line, for the warm rebuild. */
async function writeExperiment(content: string, i: number, variant = 0): Promise<string[]> {
  const rand = rng(i + 1);
  const dir = path.join(content, 'experiments', `bench-${i}`);
  const count = 2 + (i % 3);
  const ids = Array.from({ length: count }, (_, k) => `model-${k + 1}`);
  const base = skillText(rand, 'shared', LINES);
  const docs: string[] = [];
  for (const id of ids) {
    // each skill is the shared text with about a fifth of its lines rewritten
    const lines = base
      .split('\n')
      .map((l, n) => (n > 6 && rand() < 0.2 ? skillText(rand, id, 9).split('\n')[8] : l));
    if (variant && id === 'model-1') lines[10] = `changed line ${variant}`;
    const text = lines.join('\n').replace('name: shared', `name: ${id}-skill`);
    docs.push(text);
    await writeText(dir, { kind: 'skill', participant: id, file: 'SKILL.md' }, SOURCE, text);
    const winner = `${ids[(ids.indexOf(id) + 1) % count]}-skill`;
    const evaluation = `## Verdict\n\n**Winner:** ${winner}\n`;
    await writeText(dir, { kind: 'evaluation', judge: id }, SOURCE, evaluation);
  }
  await writeText(dir, { kind: 'source' }, SOURCE, skillText(rand, 'source', 60));
  await writeManifest(dir, {
    title: `Benchmark experiment ${i}`,
    date: new Date(Date.UTC(2026, 0, 1 + i)),
    // synthetic, but counted as an import would be: /models/ aggregates them as it would real ones
    provenance: { kind: 'import', note: 'synthetic benchmark data' },
    participants: ids.map((id) => ({ id, model: id })),
    verdicts: ids.map((id, k) => ({ judge: id, winner: ids[(k + 1) % count], evidence: '' })),
  });
  return docs;
}

async function timeBuild(cwd: string, env: Record<string, string>): Promise<number> {
  const start = performance.now();
  await run(process.execPath, [ASTRO, 'build'], {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - start;
}

/** The fastest of `times` builds: the least disturbed by whatever else the machine does. */
async function fastest(times: number, build: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, await build());
  return best;
}

let fixed = 0;
const line = (label: string, ms: number, pages: number) =>
  console.log(
    `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${((pages / ms) * 1000).toFixed(2).padStart(6)} experiments/s   ` +
      `${(ms / pages).toFixed(0).padStart(5)} ms/page   ${((ms - fixed) / pages).toFixed(0).padStart(5)} ms/page past start-up`,
  );

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-bench-'));
  const content = path.join(tmp, 'content');
  const env = {
    CROSSJUDGE_CONTENT: content,
    CROSSJUDGE_OUT: path.join(tmp, 'dist'),
    CROSSJUDGE_CACHE: path.join(tmp, 'cache'),
  };
  console.log(`${N} synthetic experiments, 2-4 skills of about ${LINES} lines each, in ${tmp}`);
  const bare = path.join(ROOT, '.bench', 'bare'); // inside the repository, so it resolves node_modules
  await fs.rm(bare, { recursive: true, force: true });
  await writeFileAtomic(
    path.join(bare, 'astro.config.mjs'),
    `export default { outDir: ${JSON.stringify(path.join(tmp, 'bare-dist'))} };\n`,
  );
  for (let i = 0; i < N; i++) {
    const docs = await writeExperiment(content, i);
    // the reference: one bare Astro markdown page holding the same skills' markdown
    await writeFileAtomic(
      path.join(bare, 'src/pages', `bench-${i}.md`),
      `---\ntitle: bench ${i}\n---\n\n` +
        docs.map((d) => d.replace(/^---[\s\S]*?---\n/, '')).join('\n\n'),
    );
  }

  // start-up: a build of the site with no experiment
  const empty = path.join(tmp, 'empty');
  await fs.mkdir(path.join(empty, 'experiments'), { recursive: true });
  fixed = await fastest(2, () =>
    timeBuild(ROOT, {
      ...env,
      CROSSJUDGE_CONTENT: empty,
      CROSSJUDGE_CACHE: path.join(tmp, 'empty-cache'),
    }),
  );
  console.log(`start-up (a build with no experiment)  ${(fixed / 1000).toFixed(2)} s`);

  const cold = await timeBuild(ROOT, env);
  line('crossjudge, cold (empty cache)', cold, N);
  const warmAll = await fastest(2, () => timeBuild(ROOT, env));
  line('crossjudge, warm, nothing changed', warmAll, N);
  let changed = 0;
  const warmOne = await fastest(2, async () => {
    await writeExperiment(content, 0, ++changed); // a new change each time, so each build has one page to render
    return timeBuild(ROOT, env);
  });
  line('crossjudge, warm, one changed', warmOne, N);
  const reference = await fastest(2, () => timeBuild(bare, {}));
  line('bare Astro markdown (reference)', reference, N);
  console.log(
    `\nwarm rebuild after one change: ${(warmOne - warmAll).toFixed(0)} ms more than a rebuild with no change; ` +
      `one page's rendering at the cold rate is ${((cold - fixed) / N).toFixed(0)} ms (builds are the fastest of two)`,
  );
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.rm(bare, { recursive: true, force: true });
}

await main();
