import { anyOf } from '../../../text/patterns.ts';
import { NEGATIVE } from '../cues.ts';
import { unique, type SeveralRule } from '../decision.ts';

/** A word between "is" and "worse" that is no negation: "is clearly worse", not "is not worse". */
const ADVERB = '(?:(?!(?:not|never|hardly|barely|scarcely)\\b)\\w+\\s+)?';
/** Between the two names: "is worse than", "loses to", "is beaten by", "falls short of". */
const LOSES_TO = new RegExp(
  "^['’]?s?\\s*(?:\\w+\\s+){0,2}?" +
    anyOf([
      `(?:is|was)\\s+${ADVERB}(?:worse|weaker|inferior)\\s+(?:than|to)`,
      'loses\\s+to',
      'lost\\s+to',
      `(?:is|was)\\s+${ADVERB}(?:beaten|outdone|outclassed|edged out)\\s+by`,
      'falls\\s+short\\s+of',
    ]) +
    '\\s+(?:the\\s+)?$',
  'i',
);

/** "X is worse than Y", "X loses to Y", "X is beaten by Y": of two names, the second wins. */
export const loserFirst: SeveralRule = {
  name: 'loser-first',
  read(s, ms) {
    const two = unique(ms);
    if (two.length !== 2) return undefined;
    const a = ms.find((m) => m.id === two[0])!;
    const b = ms.find((m) => m.id === two[1])!;
    const rest = s.text.slice(0, a.start) + s.text.slice(b.end);
    return LOSES_TO.test(s.text.slice(a.end, b.start)) && !NEGATIVE.test(rest.split(/[;:]/)[0])
      ? b.id
      : undefined;
  },
};
