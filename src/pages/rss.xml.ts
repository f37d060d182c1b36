import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { absolute, allEntries } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: 'crossjudge experiments',
    description: 'Model cross-evaluation experiments: models write skills, then judge each other.',
    site: site!,
    items: (await allEntries()).map(({ experiment: e, analysis: a }) => ({
      title: e.manifest.title,
      pubDate: e.manifest.date,
      description: `${a.headline}. ${e.manifest.summary}`,
      link: absolute(`experiments/${e.slug}/`, site),
    })),
  });
