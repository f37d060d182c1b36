import { oneNamed, WEAK, type DocumentRule } from '../decision.ts';

const TOTAL = /^(?:total|sum|overall score|score|weighted total)\b/i;

/**
 * A score table's "Total" row under a header naming the participants: the highest total wins
 * (weakly: scores add up criteria the evaluation may weigh otherwise). A tie at the top is none.
 */
export const totalRow: DocumentRule = {
  name: 'total-row',
  read({ blocks, ctx }) {
    return blocks.flatMap((b) => {
      if (b.kind !== 'row' || !b.cells || !b.header || b.row === 0 || !TOTAL.test(b.cells[0]))
        return [];
      const scores = b.cells.slice(1).map((c, i) => ({
        id: oneNamed(ctx.index, b.header![i + 1] ?? '', [[0, (b.header![i + 1] ?? '').length]]),
        n: parseFloat(c.replace(/[^\d.]/g, '')),
      }));
      if (
        scores.length < 2 ||
        scores.some((x) => !x.id || !Number.isFinite(x.n)) ||
        new Set(scores.map((x) => x.id)).size !== scores.length
      )
        return [];
      const max = Math.max(...scores.map((x) => x.n));
      const top = scores.filter((x) => x.n === max);
      return top.length === 1 ? [{ winner: top[0].id, strength: WEAK, evidence: b.text }] : [];
    });
  },
};
