import { oneNamed, isRanking, type RankingRule } from '../decision.ts';

/** "Ranking:" and the like before the order. */
const RANKING_LABEL = /^[^:]*\brank\w*[^:]*:/i;
const BEFORE = /\s+(?:>|≻|→|->|>>)\s+/;

/** A line "Ranking: X > Y > Z", each place naming one participant. */
export const rankingLine: RankingRule = {
  name: 'ranking-line',
  find({ blocks, ctx }) {
    return blocks.flatMap((b) =>
      b.text.split('\n').flatMap((line) => {
        const parts = line.replace(RANKING_LABEL, '').split(BEFORE);
        const ids = parts.map((p) => oneNamed(ctx.index, p));
        return parts.length >= 2 && isRanking(ids) ? [{ ids, evidence: line.trim() }] : [];
      }),
    );
  },
};
