// Social cards: og/<slug>.png for each experiment (title, headline finding, verdict figure) and
// og/site.png for the other pages, drawn in worker threads while the site builds (site/prepare).
// `astro dev` serves them from here; a build writes them itself, after the pages (site/outputs.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { allEntries, type Entry } from '../../lib/site/entries.ts';
import { cardFile } from '../../lib/site/outputs.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  import.meta.env.DEV
    ? [
        ...(await allEntries()).map((entry) => ({
          params: { slug: entry.experiment.slug },
          props: { entry },
        })),
        { params: { slug: 'site' }, props: { entry: null } },
      ]
    : [];

export const GET: APIRoute = async ({ props }) => {
  const png = await cardFile((props as { entry: Entry | null }).entry);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
