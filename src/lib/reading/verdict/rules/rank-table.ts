import { oneNamed, isRanking, type Ranking, type RankingRule } from '../decision.ts';

const RANK_HEADER = /\|\s*(?:rank|place|#|position)\s*\|/i;

/** A table whose header has a Rank (Place, #) column: "| 1 | X | ... |", rows 1, 2, ... */
export const rankTable: RankingRule = {
  name: 'rank-table',
  find({ blocks, ctx }) {
    const found: Ranking[] = [];
    blocks.forEach((b, i) => {
      if (b.kind !== 'row' || !RANK_HEADER.test(b.text)) return;
      const rows: { n: number; id: string | null; text: string }[] = [];
      for (let j = i + 1; j < blocks.length && blocks[j].kind === 'row'; j++) {
        const cells = blocks[j].text
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean);
        const n = parseInt(cells[0]?.replace(/\D/g, '') ?? '', 10);
        if (!Number.isFinite(n)) break;
        rows.push({
          n,
          id: oneNamed(ctx.index, cells.slice(1, 3).join(' | ')),
          text: blocks[j].text,
        });
      }
      rows.sort((a, z) => a.n - z.n);
      const ids = rows.map((r) => r.id);
      if (isRanking(ids) && rows.every((r, k) => r.n === k + 1))
        found.push({ ids, evidence: rows.map((r) => r.text).join(' ') });
    });
    return found;
  },
};
