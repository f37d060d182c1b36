// Worker threads for the build's own work (jobs.ts), one per core, started on the first job: a
// rebuild with nothing to make starts none. Idle workers do not keep the process alive (tinypool
// unrefs them), so the build ends when Astro is done. The workers run jobs.ts bundled with
// esbuild into one file (its packages left to Node), kept by the hash of the code: loading the
// TypeScript sources one by one through a loader cost each worker seconds.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Tinypool from 'tinypool';
import { codeHash } from '../render/cache.ts';

let pool: Promise<Tinypool> | null = null;

/** jobs.ts as one ES module, in node_modules so that its imports of packages resolve. */
async function bundled(): Promise<string> {
  const file = path.resolve('node_modules/.cache/crossjudge-worker', `${await codeHash()}.mjs`);
  const kept = await fs.access(file).then(
    () => true,
    () => false,
  );
  if (!kept) {
    const tmp = `${file}.${process.pid}.tmp`;
    await build({
      entryPoints: [fileURLToPath(new URL('./jobs.ts', import.meta.url))],
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
  }
  return file;
}

/** Runs the job `name` of jobs.ts in a worker thread. */
export async function runInWorker<T>(name: string, task: unknown): Promise<T> {
  pool ??= bundled().then(
    (file) =>
      new Tinypool({ filename: file, minThreads: 0, maxThreads: os.availableParallelism() }),
  );
  return (await (await pool).run(task, { name })) as T;
}
