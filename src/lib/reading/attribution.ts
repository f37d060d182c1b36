// Pure logic: whom the words around a quote attribute it to. The source's author by name or the
// source itself ("as Karpathy says", "the tweet's words"): named, beyond doubt. By a pronoun or a
// reporting word alone ("he says", "his quip", "quoting"): implied, a guess. A participant named
// instead ("GPT's rule "…""): its skill is quoted, not the author.
import { anyOf } from '../text/patterns.ts';
import type { NameIndex } from '../text/names.ts';
import { quoteWords } from './references.ts';
import { REPORTING_VERBS, SOURCE_KINDS, THEIR_WORDS } from './quote-words.ts';

export interface Attribution {
  /** To the source's author: named, implied, or not at all. */
  author: 'named' | 'implied' | null;
  /** The participant the words name instead, when they name no author. */
  participant?: string;
}

const SOURCE_WORDS = new RegExp(
  `\\b(?:the|this|that|his|her|their|original) ${anyOf(SOURCE_KINDS)}\\b`,
  'i',
);
const SPEECH = new RegExp(
  `\\b(?:he|she|they|author|who) (?:also )?${anyOf(REPORTING_VERBS)}\\b`,
  'i',
);
const HIS_WORDS = new RegExp(
  `\\b(?:his|her|their) (?:own )?${anyOf(THEIR_WORDS)}\\b` +
    '|\\bin (?:his|her|their) words\\b|\\bquot(?:e|es|ed|ing)\\b',
  'i',
);

/** "If he were to review it, he'd say "..."": made-up words, not a claim about the source. */
const HYPOTHETICAL = /\b(?:if|imagine|would|might|he'd|she'd|they'd|could say)\b/i;

const NONE: Attribution = { author: null };

/** Whether the words name one of the names: every word of it, "Karpathy's" as "Karpathy". */
function namesOne(context: string, names: string[]): boolean {
  const ws = new Set(quoteWords(context.replace(/['’]s\b/g, '')));
  return names.some((n) => quoteWords(n).length > 0 && quoteWords(n).every((w) => ws.has(w)));
}

/**
 * Whom the words around a quote (its sentence, and the one before when it opens its sentence)
 * attribute it to. `participants` finds the participants' names, when the quotes of a document
 * may be of their skills.
 */
export function attribution(
  context: string,
  authorNames: string[],
  participants?: NameIndex,
): Attribution {
  if (HYPOTHETICAL.test(context)) return NONE;
  if (namesOne(context, authorNames) || SOURCE_WORDS.test(context)) return { author: 'named' };
  const named = participants?.mentions(context)[0];
  if (named) return { author: null, participant: named.id };
  if (SPEECH.test(context) || HIS_WORDS.test(context)) return { author: 'implied' };
  return NONE;
}
