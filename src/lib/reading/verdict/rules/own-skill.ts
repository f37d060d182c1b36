import type { Block } from '../../../text/markdown.ts';
import type { Mention, NameIndex } from '../../../text/names.ts';
import { oneNamed } from '../decision.ts';

/** "Evaluator: X", "(Judge: X.", "I am X": the judge says who it is. */
const SELF = [
  /\b(?:evaluator|judge|reviewer|evaluated by|judged by)\s*:\s*([^\n)]+)/gi,
  /\bI(?: am|'m)\s+([^.,;\n)]+)/g,
];
/** The judge's own skill: "my own skill", "my submission" (not "mine": "a gold mine"). */
const OWN = /\bmy (?:own )?(?:skill|submission|entry|version|draft)\b/gi;

/**
 * The participant the evaluation says its judge is ("(Evaluator: Claude Sonnet 4.5.)", "I am
 * GPT-5"), when every such place names the same one; else null.
 */
export function evaluatorOf(bs: Block[], index: NameIndex): string | null {
  const text = bs.map((b) => b.text).join('\n');
  const named = SELF.flatMap((re) =>
    [...text.matchAll(re)].map((m) => oneNamed(index, m[1].split(/\.\s/)[0])),
  ).filter((id): id is string => id !== null);
  return new Set(named).size === 1 ? named[0] : null;
}

/**
 * "Winner: my own skill": once the evaluation says who its judge is, "my own skill" and "my
 * submission" are names of that participant. Without that, they name nobody.
 */
export const ownMentions = (text: string, self: string | null): Mention[] =>
  self
    ? [...text.matchAll(OWN)].map((m) => ({ id: self, start: m.index, end: m.index + m[0].length }))
    : [];
