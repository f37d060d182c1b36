// Pure logic: the skills an evaluation calls by a number or a letter ("Skill 1", "Response B", "the
// second skill"). Resolved only through the evaluation's own mapping ("Skill 1: opus-…", "| Response
// A | gpt-5 |", found by the verdict reader's label table), and even then a guess; else left open:
// the order an evaluation first describes the skills in is no mapping.
import { anyOf } from '../../text/patterns.ts';
import { BLIND_LABEL_KINDS } from '../verdict/vocabulary.ts';
import type { Mention } from './types.ts';

const capitalised = (w: string) => w[0].toUpperCase() + w.slice(1);
/** "Skill 2", "Response B", "Entry IV". */
const BLIND_LABEL = new RegExp(
  `\\b${anyOf(BLIND_LABEL_KINDS.map(capitalised))}[ \\t]+(?:[A-Z]|\\d{1,2}|[IVX]{1,4})\\b`,
  'gu',
);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'last'];
const THINGS = [...BLIND_LABEL_KINDS, 'one', 'piece'].map((k) => `${k}s?`);
/** "the second skill", "the first one", "the latter". */
const ORDINAL_REFERENCE = new RegExp(
  `\\bthe\\s+(?:${anyOf(ORDINALS)}\\s+${anyOf(THINGS)}|former|latter)\\b`,
  'gi',
);

/** The label a mapping gives, in any case and spacing: "skill 1" for "Skill 1". */
const key = (label: string) => label.toLowerCase().replace(/\s+/g, ' ');

/**
 * The numbered and lettered references of a text, as mentions: of the participant the evaluation's
 * mapping gives (`labels`: label -> participant id), or of no one (id null).
 */
export function labelMentions(text: string, labels: Record<string, string>): Mention[] {
  const mapped = new Map(Object.entries(labels).map(([l, id]) => [key(l), id]));
  const found = [...text.matchAll(BLIND_LABEL), ...text.matchAll(ORDINAL_REFERENCE)];
  return found.map((m) => ({
    id: mapped.get(key(m[0])) ?? null,
    label: m[0],
    at: m.index,
    end: m.index + m[0].length,
  }));
}
