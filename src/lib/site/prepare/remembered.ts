// A build reads every experiment folder as it starts, and most are as the last build left them:
// reading and checking one again (its YAML above all) took 1 to 2 ms each. So each folder's
// Experiment is kept in the cache (render/cache.ts) with a stamp of its files (path, size, times,
// inode, as git's index keeps them), and taken back while the stamp is the same. A folder changed
// in the last seconds is read anyway: a file rewritten within the file system's clock tick could
// keep its times. A link or a special file in the folder is left to the reader, which refuses it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readExperiment, type Experiment } from '../../content/experiment.ts';
import { cacheKey, codeHash, readCached, writeCached } from '../render/cache.ts';

/** A file changed less than this long ago (in milliseconds) makes its folder be read. */
const SETTLED_MS = 2000;

interface Kept {
  stamp: string;
  experiment: Experiment;
  /** contentHash of the experiment, kept with it. */
  hash: string;
}

const hashes = new WeakMap<Experiment, string>();

/** A hash of everything read of an experiment: kept with what was remembered, else computed. */
export function contentHash(e: Experiment): string {
  let hash = hashes.get(e);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(e)).digest('hex');
    hashes.set(e, hash);
  }
  return hash;
}

/**
 * A stamp of every entry below `dir`: the same while none is added, removed or changed. Null when
 * one is neither a plain file nor a folder, or changed in the last SETTLED_MS.
 */
export function stampOf(dir: string): string | null {
  const hash = createHash('sha256');
  const settled = Date.now() - SETTLED_MS;
  const walk = (rel: string): boolean => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const s = fs.lstatSync(path.join(dir, child));
      if (!s.isFile() && !s.isDirectory()) return false;
      if (s.ctimeMs > settled || s.mtimeMs > settled) return false;
      // times to the microsecond or better (a double of milliseconds)
      hash.update(`${child}\0${s.isFile()}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}\n`);
      if (s.isDirectory() && !walk(child)) return false;
    }
    return true;
  };
  try {
    return walk('') ? hash.digest('hex') : null;
  } catch {
    return null; // the reader says what is wrong
  }
}

/** readExperiment, or what it gave for the folder as it is, kept from an earlier build. */
export async function readRemembered(dir: string): Promise<Experiment> {
  const stamp = stampOf(dir);
  const key = cacheKey('read', [await codeHash(), path.resolve(dir)]);
  if (stamp) {
    const kept = await readCached<Kept>('read', key);
    if (kept?.stamp === stamp) {
      hashes.set(kept.experiment, kept.hash);
      return kept.experiment;
    }
  }
  const experiment = await readExperiment(dir);
  const hash = contentHash(experiment);
  if (stamp) await writeCached('read', key, { stamp, experiment, hash } satisfies Kept);
  return experiment;
}
