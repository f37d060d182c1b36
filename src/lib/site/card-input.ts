// What an experiment's social card shows (og/<slug>.png): its title, date, headline finding and
// verdict figure; and the site's own card (og/site.png) for the other pages.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';
import { displayName } from '../content/schema.ts';
import { authorMap } from '../content/model-of.ts';
import { formatDate } from '../text/format.ts';
import { layoutFigure } from './figure.ts';
import type { CardInput } from './card.ts';

export const SITE_CARD: CardInput = {
  kicker: 'crossjudge',
  title: 'Model cross-evaluation experiments',
  headline:
    'Models write agent skills, then judge each other’s: who voted for whom, and did anyone vote for itself?',
};

export function cardOf(e: Experiment, a: Analysis): CardInput {
  const names = Object.fromEntries(e.manifest.participants.map((p) => [p.id, displayName(p)]));
  const date = formatDate(e.post?.meta.date ?? e.manifest.date);
  return {
    kicker: `crossjudge · ${date}${e.manifest.sample ? ' · sample data' : ''}`,
    title: e.post?.meta.title ?? e.manifest.title,
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
