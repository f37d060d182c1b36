// Site-side helpers shared by the pages: loading entries in their typed form, anchors.
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

/** An anchor id made of the given parts: anchor('file', 'opus', 'references/philosophy.md') -> "file-opus-references-philosophy-md". */
export const anchor = (...parts: string[]) =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const formatDate = (d: Date) => d.toISOString().slice(0, 10);

/** Markdown emphasis and code marks taken out of a one-line quote. */
export const stripMarks = (s: string) => s.replace(/[*_`]/g, '');
