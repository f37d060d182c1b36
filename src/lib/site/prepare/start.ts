// The start of the work a page does not need Astro for (see index.ts): prepareExperiments starts
// worker threads on what is not kept and returns at once. A build calls it as it starts
// (prepareAtStart, from integration.ts), and the content loader again, on the same experiments;
// `astro dev` only from the loader. Kept light: the loader loads this module (and what it imports)
// through Vite before the build begins, so the heavy makers (the analysis, the views, the cards)
// are imported by the workers and the pages only.
import { createHash } from 'node:crypto';
import type { Experiment } from '../../content/experiment.ts';
import { cacheKey, codeHash, hasCached } from '../render/cache.ts';
import { runJobs, stopWorkers } from './pool.ts';
import type { Job, Keys } from './jobs.ts';
import { contentHash } from './remembered.ts';

// The configuration, the loader and the pages load this module apart (Astro's and Vite's loaders,
// then the bundle) in the same process: they share, through globalThis, the work under way (by
// cache key), the experiments read (passing those through Astro's data store would bundle them
// into the site) and their hashes.
const PENDING = Symbol.for('crossjudge.pending');
const READ = Symbol.for('crossjudge.experiments');
const AT_START = Symbol.for('crossjudge.read-at-start');
const STARTING = Symbol.for('crossjudge.starting');
const HASHES = Symbol.for('crossjudge.hashes');
const shared = globalThis as unknown as {
  [PENDING]?: Map<string, Promise<unknown>>;
  [READ]?: Experiment[];
  [AT_START]?: Promise<Experiment[]>;
  /** The last prepareExperiments' jobs being listed: the next lists its own once these are. */
  [STARTING]?: Promise<unknown>;
  [HASHES]?: WeakMap<object, Promise<string>>;
};
export const pending = (shared[PENDING] ??= new Map());
/** The experiments the loader read, for the pages. */
export const loaded = () => shared[READ];

/** A build's start (integration.ts): the experiments being read, then what they need started. */
export function prepareAtStart(reading: Promise<Experiment[]>, beforeJobs: () => void): void {
  shared[AT_START] = reading;
  reading.then((all) => prepareExperiments(all, beforeJobs)).catch(stopWorkers);
}

/** Is this `astro build` (which read the experiments as it started), not `astro dev`? */
export const isBuild = () => shared[AT_START] !== undefined;

/**
 * The experiments as the build read them at its start, for the content loader; null when it did
 * not (`astro dev`), or failed (the loader reads them again, to report the error as it does).
 */
export const readAtStart = async (): Promise<Experiment[] | null> =>
  (await shared[AT_START]?.catch(() => null)) ?? null;

const hashes = (shared[HASHES] ??= new WeakMap<object, Promise<string>>());
/**
 * What the code makes of an experiment depends on the code and the experiment's files alone: a
 * hash of both, computed once for every loader of this module.
 */
export function hashOf(e: Experiment | null): Promise<string> {
  let hash = e && hashes.get(e);
  if (!hash) {
    hash = codeHash().then((code) =>
      createHash('sha256')
        .update(JSON.stringify([code, e ? contentHash(e) : 'site']))
        .digest('hex'),
    );
    if (e) hashes.set(e, hash);
  }
  return hash;
}

/** The cache keys of what is made of `e` (null: of the site, its card). */
export async function keysOf(e: Experiment | null): Promise<Keys> {
  const h = await hashOf(e);
  return {
    analysis: cacheKey('analysis', [h]),
    view: cacheKey('view', [h]),
    card: cacheKey('card', [h]),
  };
}

/** Is it kept, or being made (by an earlier prepareExperiments on the same files)? */
const has = (keys: Keys) =>
  Promise.all(
    (['analysis', 'view', 'card'] as const).map(
      async (kind) => pending.has(keys[kind]) || hasCached(kind, keys[kind]),
    ),
  );

/** The jobs for what is not kept: analyses and views first (the pages wait for those), then cards. */
async function jobsFor(all: Experiment[]): Promise<Job[]> {
  const prepare: Job[] = [];
  const cards: Job[] = [];
  const site = await keysOf(null);
  const [, , siteCard] = await has(site);
  if (!siteCard) cards.push({ kind: 'card', experiment: -1, keys: site });
  await Promise.all(
    all.map(async (e, experiment) => {
      const keys = await keysOf(e);
      const [analysis, view, card] = await has(keys);
      if (!analysis || !view)
        prepare.push({ kind: 'prepare', experiment, keys, analysis: !analysis, view: !view });
      if (!card) cards.push({ kind: 'card', experiment, keys });
    }),
  );
  return [...prepare, ...cards];
}

/** A promise for each thing a job makes, kept for the pages under its cache key. */
function promised(jobs: Job[]): ((done: { analysis?: unknown; error?: string }) => void)[] {
  return jobs.map((job) => {
    const made =
      job.kind === 'card'
        ? (['card'] as const)
        : (['analysis', 'view'] as const).filter((k) => job[k]);
    let settle!: (done: { analysis?: unknown; error?: string }) => void;
    const result = new Promise<unknown>((resolve, reject) => {
      settle = (done) => (done.error ? reject(new Error(done.error)) : resolve(done.analysis));
    });
    result.catch(() => {}); // a failure is the page's to report
    for (const kind of made) pending.set(job.keys[kind], result);
    return settle;
  });
}

/** Starts the jobs for what is neither kept nor being made. */
async function start(all: Experiment[], beforeJobs?: () => void): Promise<void> {
  const jobs = await jobsFor(all);
  if (!jobs.length) return stopWorkers();
  beforeJobs?.();
  const settle = promised(jobs);
  runJobs({ experiments: all, jobs }, (done) => settle[done.job](done)).catch((err: Error) => {
    for (const s of settle) s({ error: err.message }); // what had not ended will not
  });
}

/**
 * Keeps the experiments for the pages (readExperiments) and starts making what is neither kept
 * nor being made of each, and the site's card (calling `beforeJobs` first, when there is any);
 * does not wait for it. Returns each experiment's content hash.
 */
export async function prepareExperiments(
  all: Experiment[],
  beforeJobs?: () => void,
): Promise<string[]> {
  shared[READ] = all;
  const started = (shared[STARTING] ?? Promise.resolve()).then(() => start(all, beforeJobs));
  shared[STARTING] = started.catch(() => {});
  await started;
  return Promise.all(all.map(hashOf));
}
