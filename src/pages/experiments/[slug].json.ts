// The machine-readable twin of each experiment page: /experiments/<slug>.json (format: /format/).
// `astro dev` serves it from here; a build writes it itself, after the pages (site/outputs.ts).
import type { APIRoute } from 'astro';
import { allEntries, type Entry } from '../../lib/site/entries.ts';
import { jsonFile } from '../../lib/site/outputs.ts';

export async function getStaticPaths() {
  if (!import.meta.env.DEV) return [];
  return (await allEntries()).map((entry) => ({
    params: { slug: entry.experiment.slug },
    props: { entry },
  }));
}

export const GET: APIRoute = ({ props, site }) =>
  new Response(jsonFile((props as { entry: Entry }).entry, site), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
