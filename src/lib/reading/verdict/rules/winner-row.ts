import { LABELLED, unique, type DocumentRule } from '../decision.ts';

const WINNER_ROW =
  /^(?:overall )?(?:winner|verdict|pick|choice|preferred|overall|better skill|decision)\b/i;
/** A cell that ticks its column. */
const TICK = /^(?:✅|✔️?|✓|☑️?|x|yes|winner|🏆|\*)$/i;

/**
 * A table row that decides: "| Winner | ✅ | |" under a header naming the participants (the
 * ticked column wins), or "| Verdict | X |" naming one.
 */
export const winnerRow: DocumentRule = {
  name: 'winner-row',
  read({ blocks, ctx }) {
    return blocks.flatMap((b) => {
      if (b.kind !== 'row' || !b.cells || !b.header || b.row === 0) return [];
      const [first, ...rest] = b.cells;
      if (!WINNER_ROW.test(first)) return [];
      const ticked = rest
        .map((c, i) => (TICK.test(c) ? b.header![i + 1] : null))
        .filter((h): h is string => !!h);
      const named = ticked.length ? ticked : rest.filter(Boolean);
      const ids = unique(named.flatMap((t) => ctx.index.mentions(t, [[0, t.length]])));
      return ids.length === 1 && named.length === 1
        ? [{ winner: ids[0], strength: LABELLED, evidence: b.text }]
        : [];
    });
  },
};
