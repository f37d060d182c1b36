import type { Block } from '../../../text/markdown.ts';
import type { NameIndex } from '../../../text/names.ts';
import { anyOf } from '../../../text/patterns.ts';
import { BLIND_LABEL_KINDS } from '../vocabulary.ts';

/** "Response B", "Skill 2", "Statblock IV": a capitalised word and a letter or number. */
const BLIND_LABEL = /\b([A-Z][\p{L}]+)[ \t]+([A-Z]|\d{1,2}|[IVX]{1,4})\b/gu;
const KIND = new RegExp(`^${anyOf(BLIND_LABEL_KINDS)}$`, 'i');
/** Marks and words between a label and the name it stands for: "Response A: X", "A (by X)". */
const MARKS = '[\\s*_`|:=()[\\]—–>→<-]*';
const LINK = new RegExp(
  `^${MARKS}(?:(?:is|was|=|by|from|written by|authored by|wrote|came from|belongs to|maps to|as)` +
    `\\b${MARKS})?$`,
  'i',
);

/** The words used as blind labels' kinds: used with two suffixes or more, or a known kind. */
function labelKinds(bs: Block[], index: NameIndex): Set<string> {
  const suffixes = new Map<string, Set<string>>();
  for (const m of bs
    .map((b) => b.text)
    .join('\n')
    .matchAll(BLIND_LABEL))
    suffixes.set(m[1], (suffixes.get(m[1]) ?? new Set()).add(m[2]));
  return new Set(
    [...suffixes]
      .filter(([w, s]) => (s.size >= 2 || KIND.test(w)) && !index.mentions(w).length)
      .map(([w]) => w),
  );
}

/** Each label, with the participants a line names right next to it. */
function pairs(bs: Block[], index: NameIndex): Map<string, Set<string>> {
  const kinds = labelKinds(bs, index);
  const found = new Map<string, Set<string>>();
  for (const line of bs.flatMap((b) => b.text.split('\n'))) {
    const ms = index.mentions(line);
    for (const m of line.matchAll(BLIND_LABEL)) {
      if (!kinds.has(m[1])) continue;
      const end = m.index + m[0].length;
      const after = ms.find((x) => x.start >= end);
      const before = [...ms].reverse().find((x) => x.end <= m.index);
      const id =
        after && LINK.test(line.slice(end, after.start))
          ? after.id
          : before && LINK.test(line.slice(before.end, m.index))
            ? before.id
            : null;
      const label = `${m[1]} ${m[2]}`;
      if (id) found.set(label, (found.get(label) ?? new Set()).add(id));
    }
  }
  return found;
}

/**
 * Blind labels the evaluation maps to names itself: "Response A: opus-4-6-…", "| Statblock I |
 * gpt-5 |", "Skill 1 (gpt-5-…)". A label that names two participants, a participant under two
 * labels, or one the given labels already have, is left out.
 */
export function labelTable(
  bs: Block[],
  index: NameIndex,
  given: Record<string, string>,
): Record<string, string> {
  const found = pairs(bs, index);
  const out: Record<string, string> = {};
  const taken = new Set(Object.values(given));
  const isGiven = (label: string) =>
    Object.keys(given).some((g) => g.toLowerCase() === label.toLowerCase());
  for (const [label, ids] of found) {
    if (ids.size !== 1 || isGiven(label)) continue;
    const id = [...ids][0];
    const elsewhere = [...found].some(([l, o]) => l !== label && o.has(id));
    if (!elsewhere && !taken.has(id)) out[label] = id;
  }
  return out;
}
