// npm run bench:experiments [-- <case-name-part>] [--verbose]: imports every case of the
// experiments corpus (tests/corpus/experiments/) end to end through the import command, as a user
// would, into a temporary content folder, and scores what came out against the case's
// expected.yaml: verdicts right / open / wrong, findings at the top true / false alarm / missed.
// Exits non-zero on a wrong verdict or a false alarm.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../src/lib/cli.ts';
import { readAllExperiments } from '../src/lib/content/experiment.ts';
import { analyze } from '../src/lib/analysis/analysis.ts';
import {
  readCases,
  scoreCase,
  type Case,
  type CaseScore,
  type Imported,
} from '../tests/corpus/experiments.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

async function importCase(c: Case, content: string): Promise<Imported> {
  const args = [
    'scripts/import.ts',
    path.join(c.dir, 'experiment'),
    '--slug',
    c.name.replace(/^\d+-/, 'c-'),
  ];
  if (c.map) args.push('--map', c.map);
  const env = { ...process.env, CROSSJUDGE_CONTENT: content, NO_COLOR: '1' };
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const result = await run(tsx, args, { cwd: ROOT, env }).then(
    (r) => ({ ok: true, output: r.stdout + r.stderr }),
    (err) => ({ ok: false, output: `${err.stdout ?? ''}${err.stderr ?? err.message}` }),
  );
  const found = result.ok ? await readAllExperiments(path.join(content, 'experiments')) : [];
  return {
    ...result,
    experiments: found.map((experiment) => ({ experiment, analysis: analyze(experiment) })),
  };
}

const count = <T extends string>(xs: { outcome: T }[], o: T) =>
  xs.filter((x) => x.outcome === o).length;

function report(scores: CaseScore[], verbose: boolean) {
  for (const s of scores) {
    const j = s.judgments;
    const f = s.findings;
    console.log(
      `${s.name.padEnd(38)} ${s.imported ? '' : 'NOT IMPORTED '}verdicts ${count(j, 'right')}/${count(j, 'open')}/${count(j, 'wrong')}  findings ${count(f, 'true')}/${count(f, 'false alarm')}/${count(f, 'missed')}`,
    );
    if (!verbose) continue;
    for (const x of j.filter((y) => y.outcome !== 'right'))
      console.log(
        `    verdict ${x.outcome}: ${x.judgment.file}${x.judgment.section ? `#${x.judgment.section}` : ''} (${x.judgment.judge}): expected ${x.judgment.winner ?? 'none'}, read ${x.said}`,
      );
    for (const x of f.filter((y) => y.outcome !== 'true'))
      console.log(`    finding ${x.outcome}: ${x.kind}: ${x.text}`);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const only = argv.find((a) => !a.startsWith('--'));
  const cases = (await readCases()).filter((c) => !only || c.name.includes(only));
  const scores: CaseScore[] = [];
  for (const c of cases) {
    const content = await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-corpus-'));
    try {
      scores.push(await scoreCase(c, await importCase(c, content)));
    } finally {
      await fs.rm(content, { recursive: true, force: true });
    }
  }
  report(scores, argv.includes('--verbose'));
  const j = scores.flatMap((s) => s.judgments);
  const f = scores.flatMap((s) => s.findings);
  const layouts = new Set(cases.map((c) => c.expected.layout)).size;
  console.log(
    `${cases.length} experiments in ${layouts} layouts, ${j.length} judgments: verdicts ${count(j, 'right')} right, ${count(j, 'open')} open, ${count(j, 'wrong')} wrong; ` +
      `findings at the top ${count(f, 'true')} true, ${count(f, 'false alarm')} false alarms, ${count(f, 'missed')} missed`,
  );
  return count(j, 'wrong') + count(f, 'false alarm') > 0 ? 1 : 0;
}

await runCli(main);
