import { PLACES } from '../../../text/words/numbers.ts';
import { isRanking, sentencesOf, unique, unquoted, type RankingRule } from '../decision.ts';

const ORDINAL = '(first|second|third|fourth|fifth|last)';
/** "X takes first place", "Y comes in second", "Z is last" (not "first draft", "second to"). */
const TAKES_PLACE = new RegExp(
  '\\b(?:takes?|took|comes?(?: in)?|came(?: in)?|finish(?:es|ed)?(?: in)?|ranks?|ranked|' +
    `lands?(?: in)?|is|was)\\s+(?:in\\s+)?${ORDINAL}\\b(?:\\s+place)?` +
    '(?!\\s+(?:to|of|time|draft|version|skill|one|half|pass|read|impression)\\b)',
  'i',
);
/** "First place, by a margin, is W". */
const PLACE_IS = new RegExp(
  `\\b${ORDINAL}\\s+(?:place|spot)\\b.*?\\b(?:is|goes to|belongs to)\\b`,
  'i',
);
const CLAUSE_END = /,\s+and\s+|;\s+|\.\s+/;

/** Places in prose, one clause each: "X takes first place, and Y is second; Z comes last." */
export const ordinalProse: RankingRule = {
  name: 'ordinal-prose',
  find({ blocks, ctx, count }) {
    const placed = new Map<number, Set<string>>();
    const told: string[] = [];
    for (const b of blocks.filter((x) => x.kind !== 'row'))
      for (const s of sentencesOf(b))
        for (const clause of unquoted(s).text.split(CLAUSE_END)) {
          const m = clause.match(TAKES_PLACE) ?? clause.match(PLACE_IS);
          const ids = unique(ctx.index.mentions(clause));
          if (!m || ids.length !== 1) continue;
          const word = m[1].toLowerCase();
          const n = word === 'last' ? count : PLACES[word];
          placed.set(n, (placed.get(n) ?? new Set()).add(ids[0]));
          told.push(clause.trim());
        }
    if (placed.size !== count || count < 2) return [];
    const ids = Array.from({ length: count }, (_, k) => placed.get(k + 1)).map((set) =>
      set?.size === 1 ? [...set][0] : null,
    );
    return isRanking(ids) ? [{ ids, evidence: told.join(' ') }] : [];
  },
};
