// Social cards: og/<slug>.png for each experiment (title, headline finding, verdict figure) and
// og/site.png for the other pages, drawn in worker threads while the site builds (site/prepare).
import type { APIRoute, GetStaticPaths } from 'astro';
import { allEntries, type Entry } from '../../lib/site/entries.ts';
import { SITE_CARD, cardOf } from '../../lib/site/card-input.ts';
import { cardPng } from '../../lib/site/prepare/index.ts';

export const getStaticPaths: GetStaticPaths = async () => [
  ...(await allEntries()).map((entry) => ({
    params: { slug: entry.experiment.slug },
    props: { entry },
  })),
  { params: { slug: 'site' }, props: { entry: null } },
];

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: Entry | null };
  const png = await cardPng(
    entry?.experiment ?? null,
    entry ? cardOf(entry.experiment, entry.analysis) : SITE_CARD,
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
