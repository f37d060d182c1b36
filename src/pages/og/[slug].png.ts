// Social cards: og/<slug>.png for each experiment (title, headline finding, verdict figure) and
// og/site.png for the other pages, rendered at build and kept in the render cache.
import type { APIRoute, GetStaticPaths } from 'astro';
import { allEntries, formatDate, type Entry } from '../../lib/site/entries.ts';
import { renderCard, type CardInput } from '../../lib/site/card.ts';
import { prepareCard } from '../../lib/site/card-fonts.ts';
import { layoutFigure } from '../../lib/site/figure.ts';
import { displayName } from '../../lib/content/schema.ts';
import { authorMap } from '../../lib/content/model-of.ts';
import { cached } from '../../lib/site/render/cache.ts';

export const getStaticPaths: GetStaticPaths = async () => [
  ...(await allEntries()).map((entry) => ({
    params: { slug: entry.experiment.slug },
    props: { entry },
  })),
  { params: { slug: 'site' }, props: { entry: null } },
];

function cardOf(entry: Entry | null): CardInput {
  if (!entry)
    return {
      kicker: 'crossjudge',
      title: 'Model cross-evaluation experiments',
      headline:
        'Models write agent skills, then judge each other’s: who voted for whom, and did anyone vote for itself?',
    };
  const { experiment: e, analysis: a, post } = entry;
  const names = Object.fromEntries(e.manifest.participants.map((p) => [p.id, displayName(p)]));
  return {
    kicker: `crossjudge · ${formatDate(post?.meta.date ?? e.manifest.date)}${e.manifest.sample ? ' · sample data' : ''}`,
    title: post?.meta.title ?? e.manifest.title,
    headline: a.headline,
    figure: layoutFigure({
      names,
      skills: e.skills.map((s) => s.participant),
      verdicts: a.verdicts,
      noun: a.noun.one,
      models: authorMap(e.manifest.participants),
    }),
  };
}

export const GET: APIRoute = async ({ props }) => {
  const input = cardOf((props as { entry: Entry | null }).entry);
  const base64 = await cached('card', [input], async () => {
    const drawable = await prepareCard(input);
    return (await renderCard(drawable.input, drawable.fonts, drawable.emoji)).toString('base64');
  });
  return new Response(Buffer.from(base64, 'base64'), { headers: { 'Content-Type': 'image/png' } });
};
