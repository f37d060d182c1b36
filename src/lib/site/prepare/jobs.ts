// What the worker threads do (pool.ts): an experiment's analysis and the fragments of its page,
// and a social card, each written to the cache under the key the main thread gave.
import type { Experiment } from '../../content/experiment.ts';
import { analyze, type Analysis } from '../../analysis/analysis.ts';
import { withParsesKept } from '../../text/mdtext.ts';
import { writeCached } from '../render/cache.ts';
import { experimentView } from '../view/index.ts';
import { loadFonts, renderCard, type CardInput } from '../card.ts';

export interface ExperimentTask {
  experiment: Experiment;
  /** Where to keep what is missing; null when it is kept already. */
  analysisKey: string | null;
  viewKey: string | null;
}

/** The analysis (when asked) and the page's fragments, from one parse of each document. */
export function prepareExperiment(task: ExperimentTask): Promise<Analysis | null> {
  const { experiment, analysisKey, viewKey } = task;
  return withParsesKept(async () => {
    const analysis = analysisKey ? analyze(experiment) : null;
    if (analysisKey) await writeCached('analysis', analysisKey, analysis);
    if (viewKey) await writeCached('view', viewKey, await experimentView(experiment));
    return analysis;
  });
}

export async function drawCard(task: { input: CardInput; key: string }): Promise<void> {
  const png = await renderCard(task.input, await loadFonts());
  await writeCached('card', task.key, png.toString('base64'));
}
