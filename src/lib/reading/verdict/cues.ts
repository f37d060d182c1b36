// Pure logic: the reader's regular expressions, built from the phrases in vocabulary.ts. Each says
// one thing a sentence can do: label a decision, pick, praise, compare, negate, tie, doubt.
import {
  COMPARE_WORDS,
  CONDITIONAL_WORDS,
  CONTRAST_WORDS,
  LABEL_WORDS,
  NEGATIVE_WORDS,
  PICK_WORDS,
  PRAISE_WORDS,
  STRONG_CUE_WORDS,
  TIE_WORDS,
  UNSURE_WORDS,
} from './vocabulary.ts';

const group = (words: readonly string[]) => `(${words.join('|')})`;

/** "Winner: X", "My final pick — X": group 1 the label, group 2 what it says. */
export const LABEL = new RegExp(
  `^\\s*(?:(?:my |the )?(?:overall|final|clear|declared) )?${group(LABEL_WORDS)}` +
    `\\s*[:：—–=-]\\s*(.+)$`,
  'is',
);
export const NEGATIVE = new RegExp(`\\b${group(NEGATIVE_WORDS)}\\b|n't\\b`, 'i');
/** A pick in words, or an imperative at the start: "Use X.", "Ship X." */
export const PICK = new RegExp(`\\b${group(PICK_WORDS)}\\b|^\\s*(?:use|install|ship)\\b`, 'i');
export const STRONG_CUE = new RegExp(`\\b${group(STRONG_CUE_WORDS)}\\b`, 'i');
/** Praise words as a pattern, for rules that place them around a name. */
export const PRAISE = PRAISE_WORDS.join('|');
export const PRAISED = new RegExp(`\\b(${PRAISE})\\b`, 'i');
export const COMPARE = new RegExp(`\\b${group(COMPARE_WORDS)}\\b`, 'i');
/** The turn of a sentence, with the punctuation around it: ", but ", "; however, ". */
export const CONTRAST = new RegExp(
  `(?:,|;|—|–)?\\s+\\b(?:${CONTRAST_WORDS.join('|')})\\b,?\\s+`,
  'gi',
);
/** A tie, unless nearly one ("very nearly a tie"). */
export const TIE = new RegExp(
  `(?<!\\b(?:nearly|almost|close to|near)(?: a)? )\\b${group(TIE_WORDS)}`,
  'i',
);
/** "If I had to pick one": a condition that forces the pick, not one it depends on. */
export const FORCED = /\bif (?:i|we) (?:had|have|were) to\b/i;
export const CONDITIONAL = new RegExp(`\\b${group(CONDITIONAL_WORDS)}\\b`, 'i');
/** Doubt in words, or a question. */
export const UNSURE = new RegExp(`\\b${group(UNSURE_WORDS)}\\b|\\?\\s*$`, 'i');
