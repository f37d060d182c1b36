// Pure logic: what one sentence decides, read by the sentence rules in rules/ in order; the first
// that answers decides. A label line ("Winner: X") is read from the words after its label.
import { LABEL } from './cues.ts';
import {
  sub,
  unique,
  unquoted,
  type Decision,
  type Sentence,
  type SentenceFacts,
  type SentenceRule,
  type VerdictContext,
} from './decision.ts';
import { conditional } from './rules/conditional.ts';
import { formerLatter } from './rules/former-latter.ts';
import { labelLine } from './rules/label-line.ts';
import { oneNamed } from './rules/one-named.ts';
import { otherOne } from './rules/other-one.ts';
import { ownMentions } from './rules/own-skill.ts';
import { severalNamed } from './rules/several-named.ts';
import { shortLabel } from './rules/short-label.ts';
import { tie } from './rules/tie.ts';
import { unsure } from './rules/unsure.ts';

export const SENTENCE_RULES: readonly SentenceRule[] = [
  tie,
  shortLabel,
  formerLatter,
  unsure,
  conditional,
  otherOne,
  labelLine,
  oneNamed,
  severalNamed,
];

/** A sentence as the rules see it: quotations blanked, a label's words apart, the names found. */
export function factsOf(raw: Sentence, ctx: VerdictContext): SentenceFacts {
  const s = unquoted(raw);
  const label = s.text.match(LABEL);
  const subject = label ? sub(s, s.text.length - label[2].length) : s;
  const mentions = [
    ...ctx.index.mentions(subject.text, subject.marked),
    ...ownMentions(subject.text, ctx.self),
  ].sort((a, b) => a.start - b.start);
  return {
    evidence: raw.text,
    subject,
    text: subject.text,
    labelled: !!label,
    mentions,
    ids: unique(mentions),
  };
}

/** What a sentence decides, or null. */
export function readSentence(raw: Sentence, ctx: VerdictContext): Decision | null {
  const facts = factsOf(raw, ctx);
  for (const rule of SENTENCE_RULES) {
    const d = rule.read(facts, ctx);
    if (d !== undefined) return d;
  }
  return null;
}
