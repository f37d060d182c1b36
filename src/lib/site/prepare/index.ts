// The work of a page that does not need Astro, done beside its build in worker threads, and only
// when its inputs changed: each experiment's analysis, its page's fragments and its social card.
// The content loader starts it (prepareExperiments) and returns at once, so that the workers make
// them while Astro bundles the site; the pages then take what was made (analysisOf, viewOf,
// cardPng), kept by content hash (render/cache.ts), waiting for what is still being made.
import type { Experiment } from '../../content/experiment.ts';
import { analyze, type Analysis } from '../../analysis/analysis.ts';
import { cacheKey, cached, codeHash, hasCached, readCached } from '../render/cache.ts';
import { experimentView, type ExperimentView } from '../view/index.ts';
import { loadFonts, renderCard, type CardInput } from '../card.ts';
import { SITE_CARD, cardOf } from '../card-input.ts';
import { runInWorker } from './pool.ts';
import type { ExperimentTask } from './jobs.ts';

// Work under way, by cache key. The loader and the pages load this module apart (Vite's loader,
// then the bundle) in the same process: they share the map through globalThis.
const PENDING = Symbol.for('crossjudge.pending');
const shared = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
const pending = (shared[PENDING] ??= new Map());

/** What the code makes of an experiment depends on the code and the experiment's files. */
async function keysOf(e: Experiment | 'site') {
  const inputs = [await codeHash(), e];
  const key = (kind: string) => cacheKey(kind, inputs);
  return { inputs, analysis: key('analysis'), view: key('view'), card: key('card') };
}

/** Keeps a job's promise for the pages; its failure is theirs to report, not an unhandled one. */
function track<T>(key: string, job: Promise<T>): Promise<T> {
  job.catch(() => {});
  pending.set(key, job);
  return job;
}

async function prepareOne(e: Experiment): Promise<void> {
  const keys = await keysOf(e);
  const [hasAnalysis, hasView, hasCard] = await Promise.all(
    [keys.analysis, keys.view, keys.card].map((key, i) =>
      hasCached(['analysis', 'view', 'card'][i], key),
    ),
  );
  let analysis: Promise<Analysis | null | undefined> = Promise.resolve(null);
  if (!hasAnalysis || !hasView) {
    const task: ExperimentTask = {
      experiment: e,
      analysisKey: hasAnalysis ? null : keys.analysis,
      viewKey: hasView ? null : keys.view,
    };
    analysis = track(keys.view, runInWorker<Analysis | null>('prepareExperiment', task));
    if (!hasAnalysis) track(keys.analysis, analysis);
  }
  if (hasCard) return;
  const made = analysis.then(
    async (a) => a ?? (await readCached<Analysis>('analysis', keys.analysis)),
  );
  track(
    keys.card,
    made.then((a) =>
      a ? runInWorker<void>('drawCard', { input: cardOf(e, a), key: keys.card }) : undefined,
    ),
  );
}

/** Starts making what is not kept of every experiment, and the site's card; does not wait for it. */
export async function prepareExperiments(all: Experiment[]): Promise<void> {
  await Promise.all(all.map(prepareOne));
  const site = await keysOf('site');
  if (!(await hasCached('card', site.card)))
    track(site.card, runInWorker<void>('drawCard', { input: SITE_CARD, key: site.card }));
}

/** An experiment's analysis: made by prepareExperiments (or kept from an earlier build), else here. */
export async function analysisOf(e: Experiment): Promise<Analysis> {
  const keys = await keysOf(e);
  const made = (await pending.get(keys.analysis)) as Analysis | undefined;
  return made ?? cached('analysis', keys.inputs, async () => analyze(e), false);
}

/** The fragments of an experiment's page: made by prepareExperiments, else here. */
export async function viewOf(e: Experiment): Promise<ExperimentView> {
  const keys = await keysOf(e);
  await pending.get(keys.view);
  return cached('view', keys.inputs, () => experimentView(e), false);
}

/** A social card as PNG (`e` null: the site's): the one prepareExperiments made, else drawn here. */
export async function cardPng(e: Experiment | null, input: CardInput): Promise<Buffer> {
  const keys = await keysOf(e ?? 'site');
  await pending.get(keys.card);
  const draw = async () => (await renderCard(input, await loadFonts())).toString('base64');
  return Buffer.from(await cached('card', keys.inputs, draw, false), 'base64');
}
