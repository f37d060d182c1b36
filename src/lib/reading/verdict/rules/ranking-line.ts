import { oneNamed, isRanking, type RankingRule } from '../decision.ts';

/** "Ranking:" and the like before the order. */
const RANKING_LABEL = /^[^:]*\brank\w*[^:]*:/i;
const BEFORE = /\s+(?:>|≻|→|->|>>)\s+/;

/** "Ranking: 1. X  2. Y  3. Z": the places, numbered 1, 2, 3 ... in order; null for another line. */
function placesOf(line: string): string[] | null {
  if (!RANKING_LABEL.test(line)) return null;
  const pieces = line.replace(RANKING_LABEL, '').split(/(?:^|\s)(\d+)[.)]\s+/);
  if (pieces.length < 5 || pieces[0].trim()) return null;
  const places = pieces.filter((_, i) => i % 2 === 0).slice(1);
  const numbers = pieces.filter((_, i) => i % 2 === 1).map(Number);
  return numbers.every((n, i) => n === i + 1) ? places : null;
}

/** A line "Ranking: X > Y > Z" (or "1. X 2. Y 3. Z"), each place naming one participant. */
export const rankingLine: RankingRule = {
  name: 'ranking-line',
  find({ blocks, ctx }) {
    return blocks.flatMap((b) =>
      b.text.split('\n').flatMap((line) => {
        const parts = placesOf(line) ?? line.replace(RANKING_LABEL, '').split(BEFORE);
        const ids = parts.map((p) => oneNamed(ctx.index, p));
        return parts.length >= 2 && isRanking(ids) ? [{ ids, evidence: line.trim() }] : [];
      }),
    );
  },
};
