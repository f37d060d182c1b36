// Worker threads for the build's own work (jobs.ts): one per core, each taking jobs from a queue
// they share until none is left, then ending (a rebuild with nothing to make starts none). They
// run worker.ts bundled with esbuild (bundles.ts): loading the TypeScript sources one by one
// through a loader cost each worker seconds. A build of new code starts them as it starts
// (startWorkers), on the core Astro leaves idle then, so that they have loaded their code when the
// jobs come.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundled, isBundled, outputOf } from '../bundles.ts';
import type { Done, QueueData } from './worker.ts';

/** The workers' module (by the project's path: this module may run from a bundle). */
const WORKER = path.resolve('src/lib/site/prepare/worker.ts');

/**
 * A worker's young generation, where V8 allocates, larger than V8's default: parsed documents live
 * for an experiment's job, and fewer of them are still alive, to be copied, when it is collected
 * (a cold build of 60 experiments: about 1 s less processor time, of 22).
 */
const YOUNG_GENERATION_MB = 64;

async function spawn(): Promise<Worker> {
  const worker = new Worker(outputOf(await bundled('worker', [WORKER]), WORKER), {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.unref(); // waiting for jobs, it keeps no process alive
  return worker;
}

/** Workers started before their jobs were known. */
let waiting: Promise<Worker>[] = [];

/** Starts a worker per core, to wait for the jobs runJobs gives them. */
export function startWorkers(): void {
  for (let i = 0; i < os.availableParallelism(); i++) {
    const worker = spawn();
    worker.catch(() => {}); // a failure is runJobs' to report
    waiting.push(worker);
  }
}

/**
 * Has this version of the code not run a build's workers yet (their bundle is not there)? Then
 * everything is made again, as all that is kept is kept under the code's hash.
 */
export const newCode = async () => !(await isBundled('worker', [WORKER]));

/** Ends the workers startWorkers started, when there are no jobs for them. */
export async function stopWorkers(): Promise<void> {
  const workers = await Promise.all(waiting.map((w) => w.catch(() => null)));
  waiting = [];
  await Promise.all(workers.map((w) => w?.terminate()));
}

/**
 * Runs the jobs in worker threads (those started already, and more up to one per core); `onDone`
 * hears of each as it ends.
 */
export async function runJobs(
  data: Omit<QueueData, 'next'>,
  onDone: (done: Done) => void,
): Promise<void> {
  const count = Math.max(waiting.length, Math.min(os.availableParallelism(), data.jobs.length));
  const started = waiting.splice(0);
  const workers = await Promise.all([
    ...started,
    ...Array.from({ length: count - started.length }, spawn),
  ]);
  const next = new SharedArrayBuffer(4);
  const ended = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', onDone);
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code ? reject(new Error(`a build worker stopped with code ${code}`)) : resolve(),
      );
      worker.ref();
      worker.postMessage({ ...data, next } satisfies QueueData);
    });
  await Promise.all(workers.map(ended));
}
