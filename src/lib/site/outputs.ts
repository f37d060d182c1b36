// The site's files that are not pages: each experiment's social card (og/<slug>.png, and the
// site's, og/site.png) and its machine-readable twin (experiments/<slug>.json). `astro dev` serves
// them from their routes (src/pages/og/[slug].png.ts, src/pages/experiments/[slug].json.ts); a
// build writes them here, when its pages are done (prebundle.ts, handoff.ts), from the entries
// the pages used: rendered through Astro's page pipeline, these 400 small files of 200
// experiments took 0.3 to 0.7 s more (docs/performance.md).
import fs from 'node:fs';
import path from 'node:path';
import { Anchors } from './anchors.ts';
import { SITE_CARD, cardOf } from './card-input.ts';
import { absolute, allEntries, type Entry } from './entries.ts';
import { cardPng } from './prepare/index.ts';
import { toPublicJson } from './public-json.ts';
import { offer } from './handoff.ts';

/** An experiment's social card (null: the site's), as PNG. */
export const cardFile = (entry: Entry | null): Promise<Buffer> =>
  cardPng(entry?.experiment ?? null, () =>
    entry ? cardOf(entry.experiment, entry.analysis) : SITE_CARD,
  );

/** An experiment's JSON twin (its format: /format/). */
export function jsonFile(entry: Entry, site: URL | undefined): string {
  const url = absolute(`experiments/${entry.experiment.slug}/`, site);
  return JSON.stringify(
    toPublicJson(entry.experiment, entry.analysis, url, new Anchors()),
    null,
    2,
  );
}

/** Writes every card and JSON twin into the built site at `dir`. */
export async function writeOutputs(dir: string, site: URL | undefined): Promise<void> {
  const entries = await allEntries();
  const write = (rel: string, data: string | Buffer) => fs.writeFileSync(path.join(dir, rel), data);
  fs.mkdirSync(path.join(dir, 'og'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'experiments'), { recursive: true });
  write('og/site.png', await cardFile(null));
  for (const entry of entries) {
    const slug = entry.experiment.slug;
    write(`og/${slug}.png`, await cardFile(entry));
    write(`experiments/${slug}.json`, jsonFile(entry, site));
  }
}

offer('writeOutputs', writeOutputs);
