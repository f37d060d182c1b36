// Pure logic: the section of a skill a sentence names ("the Workflow section has seven steps"), to
// scope a count to it.
import { isFunctionWord, wordList } from '../../text/words.ts';
import type { ClaimContext } from './types.ts';

/** "1. ", "2) ", "Step 3: " before a heading's words. */
const NUMBERING = /^\s*(?:\d+[.)]|step \d+:?)\s*/i;
const NOT_IN_WORD = '(?<![\\p{L}\\p{N}])';
const WORD_ENDS = '(?![\\p{L}\\p{N}])';

/**
 * How a sentence names a heading: its words together, when two or more of them carry meaning; a
 * one-word heading only as "the Rules section", "section on Rules" or quoted.
 */
function headingPattern(heading: string): RegExp | null {
  const ws = wordList(heading.replace(NUMBERING, ''));
  if (!ws.length) return null;
  const name = ws.join('[^\\p{L}\\p{N}]+');
  const named = ws.filter((w) => !isFunctionWord(w)).length >= 2;
  const pattern = named
    ? `${NOT_IN_WORD}${name}${WORD_ENDS}`
    : [
        `${NOT_IN_WORD}${name}\\s+section\\b`,
        `\\bsection\\s+(?:on|called|named)\\s+\\W?${name}${WORD_ENDS}`,
        `["“']${name}["”']`,
      ].join('|');
  return new RegExp(pattern, 'u');
}

/**
 * The section a sentence names, nearest the number at `at`: a heading of the skill it is about
 * (any skill when that is not known), as long as only one skill has the headings named.
 */
export function namedSection(
  sentence: string,
  at: number,
  sections: ClaimContext['sections'],
  about: string | null,
) {
  const lower = sentence.toLowerCase();
  const hits = sections.flatMap((s) => {
    const pattern = about === null || s.id === about ? headingPattern(s.heading) : null;
    const found = pattern ? lower.search(pattern) : -1;
    return found < 0 ? [] : [{ ...s, distance: Math.abs(found - at) }];
  });
  if (new Set(hits.map((h) => h.id)).size !== 1) return null;
  return hits.sort((a, b) => a.distance - b.distance || b.heading.length - a.heading.length)[0];
}
