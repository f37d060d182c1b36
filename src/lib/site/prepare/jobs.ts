// What is made of an experiment apart from Astro: its analysis and its page's fragments (one job,
// from one parse of each document), and its social card; each written to the cache under the key
// the main thread gave. Run by the worker threads (worker.ts), or by the page when one is missing.
import type { Experiment } from '../../content/experiment.ts';
import { analyze, type Analysis } from '../../analysis/analysis.ts';
import { withParsesKept } from '../../text/markdown.ts';
import { readCached, writeCached } from '../render/cache.ts';
import { experimentView } from '../view/index.ts';
import { drawCard } from '../card-fonts.ts';
import { SITE_CARD, cardOf } from '../card-input.ts';

/** What is kept of an experiment, by kind: the cache keys. */
export interface Keys {
  analysis: string;
  view: string;
  card: string;
}

/** One piece of work: an experiment's analysis and view, or a social card (-1: the site's). */
export type Job =
  | { kind: 'prepare'; experiment: number; keys: Keys; analysis: boolean; view: boolean }
  | { kind: 'card'; experiment: number; keys: Keys };

/** The analysis (when asked) and the page's fragments (when asked), from one parse of each document. */
function prepare(e: Experiment, job: Job & { kind: 'prepare' }): Promise<Analysis | null> {
  return withParsesKept(async () => {
    const analysis = job.analysis ? analyze(e) : null;
    if (analysis) await writeCached('analysis', job.keys.analysis, analysis);
    if (job.view) await writeCached('view', job.keys.view, await experimentView(e));
    return analysis;
  });
}

async function card(e: Experiment | undefined, keys: Keys): Promise<void> {
  let input = SITE_CARD;
  if (e) input = cardOf(e, (await readCached<Analysis>('analysis', keys.analysis)) ?? analyze(e));
  await writeCached('card', keys.card, await drawCard(input));
}

/** Does a job; what it returns goes to the main thread (the analysis it made, if any). */
export async function run(job: Job, experiments: Experiment[]): Promise<Analysis | null> {
  const e = experiments[job.experiment];
  if (job.kind === 'prepare') return prepare(e, job);
  await card(e, job.keys);
  return null;
}
