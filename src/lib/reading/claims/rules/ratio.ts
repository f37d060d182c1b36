import { QUALIFIER, RATIO_WORD, ratioOf, numberOf } from '../numbers.ts';
import { HYPOTHETICAL, type ClaimRule } from '../sentence.ts';
import { anyOf } from '../../../text/patterns.ts';

/** "twice as long as X", "half the length of X", "three times the size of X", "a third longer than X". */
const RATIO = new RegExp(
  `\\b(?<ratio>${RATIO_WORD}|(?<times>\\d+|two|three|four|five|ten)\\s+times)\\s+` +
    anyOf([
      'the\\s+(?:length|size|line count)(?:\\s+of)?',
      'as\\s+(?:long|big|large)(?:\\s+as)?',
      'longer(?:\\s+than)?',
      'bigger(?:\\s+than)?',
      'larger(?:\\s+than)?',
      'the\\s+lines(?:\\s+of)?',
    ]),
  'gi',
);
/** "Sonnet's essay is 86 lines, GPT-5's roughly half that". */
const RATIO_OF_THAT = new RegExp(
  `(?:(?<qual>${QUALIFIER})\\s+)?\\b(?<ratio>half|twice|double|a third|a quarter)` +
    '\\s+(?:that|of that|as much)\\b',
  'gi',
);

/** "twice as long as X": the line count of the skill (or file) named before, over X's. */
export const ratio: ClaimRule = {
  name: 'ratio',
  find(s) {
    return [...s.plain.matchAll(RATIO)].flatMap((m) => {
      const at = m.index;
      const g = m.groups!;
      const object = s.skills.find((x) => x.at >= at + m[0].length);
      if (!object || HYPOTHETICAL.test(s.plain.slice(s.leadStart(at), at))) return [];
      const file = s.fileOf(at, at);
      const times = g.times ? numberOf(g.times) : ratioOf(g.ratio);
      // "a third longer than X" is 4/3 of X; "half the length of X" is half
      const more = times < 1 && /longer|bigger|larger/i.test(m[0]) ? 1 : 0;
      return s.claims(at, m[0].trim(), 'lines', more + times, 'approx', {
        target: file?.file ?? null,
        fileOwner: file?.id ?? null,
        relativeTo: object.id,
      });
    });
  },
};

/** "X is 86 lines, Y roughly half that": a ratio to the claim before it in the sentence. */
export const ratioOfThat: ClaimRule = {
  name: 'ratio-of-that',
  find(s, found) {
    return [...s.plain.matchAll(RATIO_OF_THAT)].flatMap((m) => {
      const at = m.index;
      const previous = found
        .filter((c) => !c.relativeTo && c.at < at && c.about)
        .sort((a, b) => a.at - b.at)
        .pop();
      if (!previous) return [];
      return s.claims(at, m[0], previous.measure, ratioOf(m.groups!.ratio), 'approx', {
        relativeTo: previous.about,
      });
    });
  },
};
