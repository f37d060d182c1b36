// Worker threads for the build's own work (jobs.ts): one per core, each taking jobs from a queue
// they share until none is left, then ending (a rebuild with nothing to make starts none). They
// run worker.ts bundled with esbuild into one file (its packages left to Node), kept by the hash
// of the code: loading the TypeScript sources one by one through a loader cost each worker seconds.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { codeHash } from '../render/cache.ts';
import type { Done, QueueData } from './worker.ts';

/** worker.ts as one ES module, in node_modules so that its imports of packages resolve. */
async function bundled(): Promise<string> {
  const file = path.resolve('node_modules/.cache/crossjudge-worker', `${await codeHash()}.mjs`);
  const kept = await fs.access(file).then(
    () => true,
    () => false,
  );
  if (kept) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: tmp,
    logLevel: 'silent',
  });
  await fs.rename(tmp, file);
  // bundles of earlier code are of no more use
  for (const old of await fs.readdir(path.dirname(file)))
    if (old.endsWith('.mjs') && old !== path.basename(file))
      await fs.rm(path.join(path.dirname(file), old), { force: true });
  return file;
}

/** Runs the jobs in worker threads; `onDone` hears of each as it ends. */
export async function runJobs(
  data: Omit<QueueData, 'next'>,
  onDone: (done: Done) => void,
): Promise<void> {
  const file = await bundled();
  const next = new SharedArrayBuffer(4);
  const threads = Math.min(os.availableParallelism(), data.jobs.length);
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(file, { workerData: { ...data, next } satisfies QueueData });
      worker.on('message', onDone);
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code ? reject(new Error(`a build worker stopped with code ${code}`)) : resolve(),
      );
    });
  await Promise.all(Array.from({ length: threads }, one));
}
