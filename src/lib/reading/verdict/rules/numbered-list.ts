import type { Block } from '../../../text/markdown.ts';
import { isRanking, unique, type RankingRule, type VerdictDocument } from '../decision.ts';

/** Where an item's name ends: "1. X — ...", "1. X: ...", "1. X (...)". */
const NAME_END = /[—–:(]|\s-\s|\.\s/;

/** The numbered lists of the document, each as its items. */
function numberedLists(blocks: Block[]): Block[][] {
  const lists = new Map<number, Block[]>();
  for (const b of blocks)
    if (b.kind === 'item' && b.number !== undefined && b.list !== undefined)
      lists.set(b.list, [...(lists.get(b.list) ?? []), b]);
  return [...lists.values()];
}

/** Blind labels out of their own order ("1. Response C 2. Response B 3. Response A"). */
function labelsReordered(items: Block[], doc: VerdictDocument): boolean {
  const labels = Object.keys(doc.ctx.labels);
  const used = items.map((it) =>
    labels.find((l) => it.text.split(NAME_END)[0].trim().toLowerCase() === l.toLowerCase()),
  );
  if (used.some((l) => l === undefined)) return false;
  const sorted = [...used].sort((a, b) => a!.localeCompare(b!, 'en', { numeric: true }));
  return used.join() !== sorted.join();
}

/** Bare names, the last thing the evaluation says ("1. opus / 2. gemini / 3. deepseek"). */
function bareAtTheEnd(items: Block[], blocks: Block[]): boolean {
  const last = blocks.filter((b) => b.kind !== 'heading').pop();
  return items.includes(last!) && items.every((it) => it.text.trim().split(/\s+/).length <= 3);
}

/**
 * A numbered list of every participant, each item naming one, without a heading or a sentence
 * that says it ranks: a ranking when its blind labels stand out of their own order, or when its
 * items are bare names that end the evaluation. A list in the order the skills were shown in is
 * no ranking.
 */
export const numberedList: RankingRule = {
  name: 'numbered-list',
  find(doc) {
    return numberedLists(doc.blocks).flatMap((items) => {
      if (items.length !== doc.count) return [];
      const ids = items.map((it) => {
        const ms = unique(doc.ctx.index.mentions(it.text.split(NAME_END)[0], it.marked));
        return ms.length === 1 ? ms[0] : null;
      });
      if (!isRanking(ids)) return [];
      if (!labelsReordered(items, doc) && !bareAtTheEnd(items, doc.blocks)) return [];
      const evidence = items.map((it) => `${it.number}. ${it.text.split('\n')[0]}`).join(' ');
      return [{ ids, evidence }];
    });
  },
};
