import { COUNT_WORD, QUALIFIER, numberOf, qualifierOf } from '../numbers.ts';
import type { ClaimRule, ClaimSentence, Located } from '../sentence.ts';

/** A number standing alone: before punctuation, "and" or the end. */
const BARE = new RegExp(
  `(?<![\\w.,/-])(?:(?<qual>${QUALIFIER})\\s*)?(?<num>\\d+|${COUNT_WORD})` +
    '(?=\\s*(?:[.;,)]|and\\b|$))',
  'gi',
);
const QUALIFIER_WORD = new RegExp(QUALIFIER, 'i');
/** Between the name and the number: "Y is 90", "Y's at 90", "Y with just 40". */
const LINKS = /^[\s'’s]*(?:is|are|at|has|with|another|just|only)?\s*$/i;

/** The claim before `at` a bare number after a name goes on from, or null. */
function goesOn(s: ClaimSentence, found: readonly Located[], at: number): Located | null {
  const previous = found
    .filter((c) => !c.relativeTo && c.at < at)
    .sort((a, b) => a.at - b.at)
    .pop();
  const name = s.names.filter((x) => x.end <= at).pop();
  if (!previous || !name || name.end < previous.at) return null;
  return LINKS.test(s.plain.slice(name.end, at).replace(QUALIFIER_WORD, '')) ? previous : null;
}

/**
 * "X is 45 lines; Y is 90", "release-notes under 30": a bare number after a name, following a
 * claim in the same sentence, counts what that claim counted.
 */
export const bareNumber: ClaimRule = {
  name: 'bare-number',
  find(s, before) {
    const found = [...before];
    const taken = (at: number) => found.some((c) => at >= c.at && at < c.at + c.phrase.length);
    for (const m of s.plain.matchAll(BARE)) {
      const at = m.index;
      const previous = taken(at) ? null : goesOn(s, found, at);
      if (!previous) continue;
      const file = s.fileOf(at, at + m[0].length);
      const { num, qual } = m.groups!;
      found.push(
        ...s.claims(at, m[0].trim(), previous.measure, numberOf(num), qualifierOf(qual), {
          target: file?.file ?? null,
          fileOwner: file?.id ?? null,
        }),
      );
    }
    return found.slice(before.length);
  },
};
