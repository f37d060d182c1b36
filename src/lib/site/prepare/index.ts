// The work of a page that does not need Astro, done beside its build in worker threads, and only
// when its inputs changed: each experiment's analysis, its page's fragments and its social card.
// The content loader starts it (prepareExperiments) and returns at once, so that the workers make
// them while Astro bundles the site; the pages then take what was made (analysisOf, viewOf,
// cardPng), kept by content hash (render/cache.ts), waiting for what is still being made.
import { createHash } from 'node:crypto';
import { readAllExperiments, type Experiment } from '../../content/experiment.ts';
import { experimentsDir } from '../../content/paths.ts';
import { cacheKey, cachedAt, codeHash, hasCached } from '../render/cache.ts';
import { experimentView, type ExperimentView } from '../view/index.ts';
import type { CardInput } from '../card.ts';
import { drawCard } from '../card-fonts.ts';
import { analyze, type Analysis } from '../../analysis/analysis.ts';
import { runJobs } from './pool.ts';
import type { Job, Keys } from './jobs.ts';

// The loader and the pages load this module apart (Vite's loader, then the bundle) in the same
// process: they share, through globalThis, the work under way (by cache key) and the experiments
// the loader read (passing those through Astro's data store would bundle them into the site).
const PENDING = Symbol.for('crossjudge.pending');
const READ = Symbol.for('crossjudge.experiments');
const shared = globalThis as unknown as {
  [PENDING]?: Map<string, Promise<unknown>>;
  [READ]?: Experiment[];
};
const pending = (shared[PENDING] ??= new Map());

const hashes = new WeakMap<object, Promise<string>>();
/** What the code makes of an experiment depends on the code and the experiment's files alone. */
function hashOf(e: Experiment | null): Promise<string> {
  let hash = e && hashes.get(e);
  if (!hash) {
    hash = codeHash().then((code) =>
      createHash('sha256')
        .update(JSON.stringify([code, e ?? 'site']))
        .digest('hex'),
    );
    if (e) hashes.set(e, hash);
  }
  return hash;
}

async function keysOf(e: Experiment | null): Promise<Keys> {
  const h = await hashOf(e);
  return {
    analysis: cacheKey('analysis', [h]),
    view: cacheKey('view', [h]),
    card: cacheKey('card', [h]),
  };
}

const has = (keys: Keys) =>
  Promise.all([
    hasCached('analysis', keys.analysis),
    hasCached('view', keys.view),
    hasCached('card', keys.card),
  ]);

/** The jobs for what is not kept: analyses and views first (the pages wait for those), then cards. */
async function jobsFor(all: Experiment[]): Promise<Job[]> {
  const prepare: Job[] = [];
  const cards: Job[] = [];
  const site = await keysOf(null);
  if (!(await hasCached('card', site.card)))
    cards.push({ kind: 'card', experiment: -1, keys: site });
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

/**
 * Keeps the experiments for the pages (readExperiments) and starts making what is not kept of
 * each, and the site's card; does not wait for it. Returns each experiment's content hash.
 */
export async function prepareExperiments(all: Experiment[]): Promise<string[]> {
  shared[READ] = all;
  const jobs = await jobsFor(all);
  if (jobs.length) {
    const settle = promised(jobs);
    runJobs({ experiments: all, jobs }, (done) => settle[done.job](done)).catch((err: Error) => {
      for (const s of settle) s({ error: err.message }); // what had not ended will not
    });
  }
  return Promise.all(all.map(hashOf));
}

/** The experiments prepareExperiments was given (the content loader's), else read here. */
export const readExperiments = async (): Promise<Experiment[]> =>
  shared[READ] ?? readAllExperiments(experimentsDir());

/** The cache key of an experiment's analysis: what is made of analyses can be kept under them. */
export const analysisKey = async (e: Experiment) => (await keysOf(e)).analysis;

/** An experiment's analysis: made by prepareExperiments (or kept from an earlier build), else here. */
export async function analysisOf(e: Experiment): Promise<Analysis> {
  const keys = await keysOf(e);
  const made = (await pending.get(keys.analysis)) as Analysis | null | undefined;
  return made ?? cachedAt('analysis', keys.analysis, async () => analyze(e), false);
}

/** The fragments of an experiment's page: made by prepareExperiments, else here. */
export async function viewOf(e: Experiment): Promise<ExperimentView> {
  const keys = await keysOf(e);
  await pending.get(keys.view);
  return cachedAt('view', keys.view, () => experimentView(e), false);
}

/** A social card as PNG (`e` null: the site's): the one prepareExperiments made, else drawn here. */
export async function cardPng(e: Experiment | null, input: CardInput): Promise<Buffer> {
  const keys = await keysOf(e);
  await pending.get(keys.card);
  const draw = async () => (await drawCard(input)).toString('base64');
  return Buffer.from(await cachedAt('card', keys.card, draw, false), 'base64');
}
