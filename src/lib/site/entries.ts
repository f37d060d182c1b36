// Site-side helpers shared by the pages: loading entries in their typed form, links under the base.
import type { Entry as AnalysisEntry } from '../analysis/analysis.ts';
import { planPost, type PostPlan } from '../post/plan.ts';
import type { Experiment } from '../content/experiment.ts';
import { topFindings } from '../analysis/findings.ts';
import { analysisKey, analysisOf, readExperiments } from './prepare/index.ts';
import { cached } from './render/cache.ts';
import { aggregateModels, leftOutOfModels } from '../analysis/models.ts';
import { readModelAliases } from '../content/model-aliases.ts';
import { modelsFile } from '../content/paths.ts';
import { basePath } from './address.ts';
import { contentGeneration, throwContentError, withoutStack } from './loader.ts';

/** An experiment with its analysis, and its post (post.md with its live pieces, checked) or null. */
export interface Entry extends AnalysisEntry {
  post: PostPlan | null;
}

/** A value computed once per reading of the content: once in a build, again after an edit in dev. */
function perContent<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: { generation: number; value: Promise<T> } | undefined;
  return () => {
    if (kept?.generation !== contentGeneration())
      kept = { generation: contentGeneration(), value: make() };
    return kept.value;
  };
}

/**
 * Every experiment (as the content loader read them, see content.config.ts), newest first, with its
 * analysis and its post.
 */
export const allEntries = async (): Promise<Entry[]> => {
  throwContentError(); // in dev, the error of the content as last saved
  return entries();
};

const entries = perContent(async () => {
  const all = await Promise.all((await readExperiments()).map(entryOf));
  return all.sort(
    (a, b) =>
      b.experiment.manifest.date.getTime() - a.experiment.manifest.date.getTime() ||
      a.experiment.slug.localeCompare(b.experiment.slug),
  );
});

async function entryOf(experiment: Experiment): Promise<Entry> {
  const analysis = await analysisOf(experiment);
  try {
    // a post whose pull-quote is not in its file stops the build here, naming post.md and the line
    const post = planPost(
      experiment,
      topFindings(experiment, analysis).map((f) => f.kind),
    );
    // a placeholder left in a post is published only with a warning
    for (const w of post?.warnings ?? []) console.warn(`warning: ${w}`);
    return { experiment, analysis, post };
  } catch (err) {
    throw withoutStack(err);
  }
}

/**
 * A path inside the site, under its base: link('format/') -> "/format/", or "/crossjudge/format/"
 * when CROSSJUDGE_SITE is https://someone.github.io/crossjudge/. Every internal link and asset goes
 * through it (the base comes from CROSSJUDGE_SITE, see address.ts).
 */
export const link = (path = '') => basePath() + path.replace(/^\//, '');

/** The full published address of a path inside the site: absolute('rss.xml') -> "https://someone.github.io/crossjudge/rss.xml". */
export const absolute = (path: string, site: URL | undefined) => new URL(link(path), site).href;

/** The experiments the models' figures count: no sample data, no test run (see leftOutOfModels). */
export const modelEntries = async () =>
  (await allEntries()).filter((e) => !leftOutOfModels(e.experiment.manifest));

/**
 * Every model over all experiments: computed once per build (the bootstrap takes a moment, more
 * with every experiment) and kept across builds under the experiments' analyses and the aliases.
 */
export const allModels = perContent(async () => {
  const counted = await modelEntries();
  const aliases = await readModelAliases(modelsFile());
  const analyses = await Promise.all(counted.map((e) => analysisKey(e.experiment)));
  return cached('models', [analyses, aliases], async () => aggregateModels(counted, aliases));
});

/** An experiment's title as readers see it: its post's, else its manifest's. */
export const titleOf = (entry: Entry) => entry.post?.meta.title ?? entry.experiment.manifest.title;

export { formatDate } from '../text/format.ts';

/** Markdown emphasis and code marks taken out of a one-line quote. */
export const stripMarks = (s: string) => s.replace(/[*_`]/g, '');
