// Site-side helpers shared by the pages: loading entries in their typed form, links under the base.
import { getCollection } from 'astro:content';
import type { Experiment } from './experiment.ts';
import type { Analysis } from './analysis.ts';

export interface Entry {
  experiment: Experiment;
  analysis: Analysis;
}

/** Every experiment, newest first (validated by the collection's loader). */
export async function allEntries(): Promise<Entry[]> {
  const entries = (await getCollection('experiments')) as unknown as { data: Entry }[];
  return entries
    .map(({ data }) => data)
    .sort((a, b) => b.experiment.manifest.date.getTime() - a.experiment.manifest.date.getTime() || a.experiment.slug.localeCompare(b.experiment.slug));
}

/**
 * A path inside the site, under its base: link('format/') -> "/format/", or "/crossjudge/format/"
 * when CROSSJUDGE_SITE is https://someone.github.io/crossjudge/. Every internal link and asset goes
 * through it (the base comes from CROSSJUDGE_SITE, see astro.config.mjs).
 */
export const link = (path = '') => import.meta.env.BASE_URL.replace(/\/?$/, '/') + path.replace(/^\//, '');

/** The full published address of a path inside the site: absolute('rss.xml') -> "https://someone.github.io/crossjudge/rss.xml". */
export const absolute = (path: string, site: URL | undefined) => new URL(link(path), site).href;

export const formatDate = (d: Date) => d.toISOString().slice(0, 10);

/** Markdown emphasis and code marks taken out of a one-line quote. */
export const stripMarks = (s: string) => s.replace(/[*_`]/g, '');
