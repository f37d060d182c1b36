// One timed build of the benchmark: a command's wall time and its peak memory (the largest resident
// set of the process, worker threads included), read from GNU time when the machine has it.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GNU_TIME = '/usr/bin/time';

export interface Measured {
  ms: number;
  /** Peak resident memory in bytes, and processor time in ms (user and system, all threads), or null when GNU time is not there to tell. */
  peak: number | null;
  cpu: number | null;
  /** What the command printed. */
  stdout: string;
}

let hasTime: Promise<boolean> | null = null;
const gnuTime = () =>
  (hasTime ??= run(GNU_TIME, ['-f', '%M', 'true']).then(
    () => true,
    () => false,
  ));

/** Runs `command args` in `cwd` with `env` added; fails with its output when it fails. */
export async function measure(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Measured> {
  const withTime = await gnuTime();
  const report = path.join(os.tmpdir(), `crossjudge-bench-time-${process.pid}-${Date.now()}`);
  const [file, argv] = withTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args]]
    : [command, args];
  const start = performance.now();
  const { stdout } = await run(file, argv, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  }).catch((err: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`${command} ${args.join(' ')} failed:\n${err.stdout}\n${err.stderr}`);
  });
  const ms = performance.now() - start;
  if (!withTime) return { ms, peak: null, cpu: null, stdout };
  const [kb, user, system] = (await fs.readFile(report, 'utf8'))
    .trim()
    .split('\n')
    .pop()!
    .split(' ');
  await fs.rm(report, { force: true });
  return { ms, peak: Number(kb) * 1024, cpu: (Number(user) + Number(system)) * 1000, stdout };
}
