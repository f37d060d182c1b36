// The work of a page that does not need Astro, done beside its build in worker threads, and only
// when its inputs changed: each experiment's analysis, its page's fragments and its social card.
// The content loader starts it (prepareExperiments, start.ts) and returns at once, so that the
// workers make them while Astro bundles the site; the pages then take what was made (analysisOf,
// viewOf, cardPng), kept by content hash (render/cache.ts), waiting for what is still being made.
import { readAllExperiments, type Experiment } from '../../content/experiment.ts';
import { experimentsDir } from '../../content/paths.ts';
import { cachedAt } from '../render/cache.ts';
import { experimentView, type ExperimentView } from '../view/index.ts';
import type { CardInput } from '../card.ts';
import { drawCard } from '../card-fonts.ts';
import { analyze, type Analysis } from '../../analysis/analysis.ts';
import { keysOf, loaded, pending } from './start.ts';

/** The experiments prepareExperiments was given (the content loader's), else read here. */
export const readExperiments = async (): Promise<Experiment[]> =>
  loaded() ?? readAllExperiments(experimentsDir());

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

/**
 * A social card as PNG (`e` null: the site's): the one prepareExperiments made, else drawn here
 * from `input()`.
 */
export async function cardPng(e: Experiment | null, input: () => CardInput): Promise<Buffer> {
  const keys = await keysOf(e);
  await pending.get(keys.card);
  return cachedAt('card', keys.card, () => drawCard(input()), false);
}
