import type { Block } from '../../../text/markdown.ts';
import {
  isRanking,
  unique,
  type Ranking,
  type RankingRule,
  type VerdictDocument,
} from '../decision.ts';

/** A section about ranking: "## Ranking", "## Final standings", "## From best to worst". */
const RANKING_SECTION =
  /\brank|\bstanding|\bplac(?:e|ing)s?\b|order of preference|from best|to (?:best|strongest)\b/i;
/** A sentence that introduces a ranked list: "From best to worst:". */
const RANKING_INTRO = new RegExp(
  [
    '\\brank',
    'from best to',
    'best to worst',
    'order of preference',
    '(?:weakest|worst) to (?:strongest|best)',
    '(?:strongest|best) to (?:weakest|worst)',
  ].join('|'),
  'i',
);
/** A list that starts with the worst. */
const WORST_FIRST = /(?:weakest|worst) to (?:strongest|best)|from worst|ascending/i;
/** Where an item's name ends: "1. X — ...", "1. X: ...", "1. X (...)". */
const NAME_END = /[—–:(]|\s-\s|\.\s/;

/** A list under a heading about ranking, or after a sentence that introduces one. */
const isRankedList = (b: Block, prev?: Block) =>
  RANKING_SECTION.test(b.section) ||
  (!!prev && prev.kind !== 'item' && RANKING_INTRO.test(prev.text));

/** The ranking of the list starting at block i: strict, or its winner over a tie below. */
function rankingOf(doc: VerdictDocument, i: number): Ranking | null {
  const { blocks, ctx } = doc;
  const b = blocks[i];
  const items = blocks
    .slice(i)
    .filter((x, k, all) =>
      all.slice(0, k + 1).every((y) => y.kind === 'item' && y.list === b.list),
    );
  const reverse = WORST_FIRST.test(blocks[i - 1]?.text ?? b.section);
  const heads = items.map((it) =>
    unique(ctx.index.mentions(it.text.split(NAME_END)[0], it.marked)),
  );
  const ordered = reverse ? [...heads].reverse() : heads;
  const ids = ordered.map((h) => (h.length === 1 ? h[0] : null));
  const evidence = items
    .map((it) => `${it.number ? `${it.number}. ` : '- '}${it.text.split('\n')[0]}`)
    .join(' ');
  if (isRanking(ids)) return { ids, evidence };
  const tiedBelow =
    ordered[0]?.length === 1 &&
    ordered.slice(1).every((h) => h.length >= 1) &&
    new Set(ordered.flat()).size === ordered.flat().length;
  // a tie below first place: the winner, no strict ranking
  return tiedBelow ? { ids: [ordered[0][0]], evidence } : null;
}

/**
 * A list that ranks: "## Ranking / 1. X / 2. Y", or "From worst to best:" and a list (read
 * backwards). Each item names one participant before its dash, colon or bracket.
 */
export const rankedList: RankingRule = {
  name: 'ranked-list',
  find(doc) {
    const bs = doc.blocks;
    return bs.flatMap((b, i) => {
      const starts = b.kind === 'item' && (bs[i - 1]?.kind !== 'item' || bs[i - 1].list !== b.list);
      const ranking = starts && isRankedList(b, bs[i - 1]) ? rankingOf(doc, i) : null;
      return ranking ? [ranking] : [];
    });
  },
};
