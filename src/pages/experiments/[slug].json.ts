// The machine-readable twin of each experiment page: /experiments/<slug>.json (format: /format/).
import type { APIRoute } from 'astro';
import { absolute, allEntries, type Entry } from '../../lib/site/entries.ts';
import { Anchors } from '../../lib/site/anchors.ts';
import { toPublicJson } from '../../lib/site/public-json.ts';

export async function getStaticPaths() {
  return (await allEntries()).map((entry) => ({
    params: { slug: entry.experiment.slug },
    props: { entry },
  }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: Entry };
  const url = absolute(`experiments/${entry.experiment.slug}/`, site);
  return new Response(
    JSON.stringify(toPublicJson(entry.experiment, entry.analysis, url, new Anchors()), null, 2),
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
};
