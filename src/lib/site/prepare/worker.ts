// A worker thread of the build (started by pool.ts): waits for the queue, then takes the next job
// from it, which all the workers share (an index in shared memory, so that no worker waits for the
// busy main thread to hand it one), does it, says so, and ends when none is left.
import { parentPort } from 'node:worker_threads';
import type { Experiment } from '../../content/experiment.ts';
import { getHighlighter } from '../render/highlighter.ts';
import { run, type Job } from './jobs.ts';

export interface QueueData {
  experiments: Experiment[];
  jobs: Job[];
  /** An Int32 in shared memory: the index of the next job to take. */
  next: SharedArrayBuffer;
}

export interface Done {
  job: number;
  analysis?: unknown;
  error?: string;
}

// while the main thread lists the jobs, the highlighter (the first page's longest wait) gets ready
const queue = new Promise<QueueData>((resolve) => parentPort!.once('message', resolve));
await getHighlighter();
const { experiments, jobs, next } = await queue;
const counter = new Int32Array(next);
for (let k = Atomics.add(counter, 0, 1); k < jobs.length; k = Atomics.add(counter, 0, 1)) {
  const done: Done = { job: k };
  try {
    done.analysis = await run(jobs[k], experiments);
  } catch (err) {
    done.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  parentPort!.postMessage(done);
}
