// npm run bench:runner -- [--latency MS] [--concurrency N]
// Runner speed: runs a three-model experiment against the local model API double (tests/doubles/)
// with a fixed latency per call, and prints the run's wall time divided by its critical path (the
// slowest generation plus the slowest judgment). Close to 1 means nothing waits that need not.
import { Command } from 'commander';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startModelApi } from '../tests/doubles/model-api.ts';
import { runEnv, writeDefinition } from '../tests/support/runner-setup.ts';
import { runExperiment } from '../src/lib/runner/run.ts';
import { readCalls } from '../src/lib/content/experiment.ts';

const opts = new Command()
  .option('--latency <ms>', 'latency of every call', '500')
  .option('--concurrency <n>', 'calls in flight (default: every judgment at once)', '9')
  .option('--runs <n>', 'how many runs to average', '3')
  .parse()
  .opts<{ latency: string; concurrency: string; runs: string }>();

const api = await startModelApi({ latency: Number(opts.latency) });
const ratios: number[] = [];
try {
  for (let i = 0; i < Number(opts.runs); i++) {
    const dir = path.join(
      await fs.mkdtemp(path.join(os.tmpdir(), 'crossjudge-bench-run-')),
      'experiments',
      'bench',
    );
    await writeDefinition(dir, api.url);
    const result = await runExperiment({
      dir,
      stages: ['generate', 'evaluate'],
      concurrency: Number(opts.concurrency),
      env: runEnv(api.url),
      prices: {},
    });
    const calls = await readCalls(dir);
    const slowest = (kind: string) =>
      Math.max(...calls.filter((c) => c.kind === kind).map((c) => c.ms));
    const critical = slowest('generate') + slowest('evaluate');
    ratios.push(result.wallMs / critical);
    console.log(
      `run ${i + 1}: ${calls.length} calls, wall ${result.wallMs} ms, critical path ${critical} ms (slowest generation ${slowest('generate')} + slowest judgment ${slowest('evaluate')}), ratio ${(result.wallMs / critical).toFixed(3)}`,
    );
    await fs.rm(path.dirname(path.dirname(dir)), { recursive: true, force: true });
  }
} finally {
  await api.close();
}
console.log(
  `latency ${opts.latency} ms per call, concurrency ${opts.concurrency}: wall / critical path = ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(3)} (mean of ${ratios.length})`,
);
