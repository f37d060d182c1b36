// Site-side helpers shared by the pages: loading entries in their typed form, links under the base.
import { getCollection } from 'astro:content';
import type { Entry as AnalysisEntry } from '../analysis/analysis.ts';
import type { PostPlan } from '../post/plan.ts';
import { aggregateModels, leftOutOfModels, type ModelStats } from '../analysis/models.ts';
import { readModelAliases } from '../content/model-aliases.ts';
import { modelsFile } from '../content/paths.ts';
import { contentGeneration, throwContentError } from './loader.ts';

/** An experiment with its analysis, and its post (post.md with its live pieces, checked) or null. */
export interface Entry extends AnalysisEntry {
  post: PostPlan | null;
}

/** Every experiment, newest first (validated by the collection's loader). */
export async function allEntries(): Promise<Entry[]> {
  throwContentError(); // in dev, the error of the content as last saved
  const entries = (await getCollection('experiments')) as unknown as { data: Entry }[];
  return entries
    .map(({ data }) => data)
    .sort(
      (a, b) =>
        b.experiment.manifest.date.getTime() - a.experiment.manifest.date.getTime() ||
        a.experiment.slug.localeCompare(b.experiment.slug),
    );
}

/**
 * A path inside the site, under its base: link('format/') -> "/format/", or "/crossjudge/format/"
 * when CROSSJUDGE_SITE is https://someone.github.io/crossjudge/. Every internal link and asset goes
 * through it (the base comes from CROSSJUDGE_SITE, see astro.config.mjs).
 */
export const link = (path = '') =>
  import.meta.env.BASE_URL.replace(/\/?$/, '/') + path.replace(/^\//, '');

/** The full published address of a path inside the site: absolute('rss.xml') -> "https://someone.github.io/crossjudge/rss.xml". */
export const absolute = (path: string, site: URL | undefined) => new URL(link(path), site).href;

/** The experiments the models' figures count: no sample data, no test run (see leftOutOfModels). */
export const modelEntries = async () =>
  (await allEntries()).filter((e) => !leftOutOfModels(e.experiment.manifest));

let models: { generation: number; stats: Promise<ModelStats[]> } | undefined;
/** Every model over all experiments (computed once per build, or per edit in dev: the bootstrap takes a moment). */
export function allModels(): Promise<ModelStats[]> {
  if (models?.generation !== contentGeneration())
    models = {
      generation: contentGeneration(),
      stats: (async () =>
        aggregateModels(await modelEntries(), await readModelAliases(modelsFile())))(),
    };
  return models.stats;
}

/** An experiment's title as readers see it: its post's, else its manifest's. */
export const titleOf = (entry: Entry) => entry.post?.meta.title ?? entry.experiment.manifest.title;

export const formatDate = (d: Date) => d.toISOString().slice(0, 10);

/** Markdown emphasis and code marks taken out of a one-line quote. */
export const stripMarks = (s: string) => s.replace(/[*_`]/g, '');
