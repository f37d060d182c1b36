import { PLACES } from '../../../text/words/numbers.ts';
import { oneNamed, isRanking, type RankingRule } from '../decision.ts';

const PLACE_LINE = new RegExp(
  `^\\s*(${Object.keys(PLACES).join('|')})(?: place)?\\s*[:—–-]\\s*(.+)$`,
  'i',
);

/** Lines "1st: X", "Second place — Y", one per place from the first. */
export const placeLines: RankingRule = {
  name: 'place-lines',
  find({ blocks, ctx }) {
    const byPlace = new Map<number, string | null>();
    const lines: string[] = [];
    for (const b of blocks)
      for (const line of b.text.split('\n')) {
        const m = line.match(PLACE_LINE);
        if (!m) continue;
        byPlace.set(PLACES[m[1].toLowerCase()], oneNamed(ctx.index, m[2]));
        lines.push(line.trim());
      }
    const ids = [...byPlace].sort((a, z) => a[0] - z[0]).map(([, id]) => id);
    const fromFirst = [...byPlace.keys()].sort().every((n, k) => n === k + 1);
    return isRanking(ids) && fromFirst ? [{ ids, evidence: lines.join(' ') }] : [];
  },
};
