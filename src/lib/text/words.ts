// Pure logic: the words of a text, with where each stands, and their stems. One tokenizer for the
// name index, the quote check, the claim finder and the comparison of skills.
import { stemmer } from 'stemmer';
import { FUNCTION_WORDS } from './words/function-words.ts';

export interface Word {
  /** Lowercase. */
  word: string;
  /** Offsets in the text: where the word starts and ends. */
  start: number;
  end: number;
}

const LETTERS_AND_DIGITS = /[\p{L}\p{N}]+/gu;
const WITH_APOSTROPHES = /[\p{L}\p{N}’‘`´']+/gu;
const APOSTROPHE = /[’‘`´']/g;

/**
 * The runs of letters and digits of a text, lowercase. An apostrophe splits a word ("Opus's" ->
 * "opus", "s") unless `joinApostrophes`, which drops it ("don't" -> "dont"), so that "its" and
 * "it's" read the same.
 */
export function words(text: string, { joinApostrophes = false } = {}): Word[] {
  const pattern = joinApostrophes ? WITH_APOSTROPHES : LETTERS_AND_DIGITS;
  return [...text.matchAll(pattern)]
    .map((m) => ({
      word: m[0].toLowerCase().replace(APOSTROPHE, ''),
      start: m.index,
      end: m.index + m[0].length,
    }))
    .filter((w) => w.word);
}

/** The words alone. */
export const wordList = (text: string, options?: { joinApostrophes?: boolean }): string[] =>
  words(text, options).map((w) => w.word);

/** Words as `wc -w` counts them: runs of anything but white space. */
export const countWords = (s: string): number => (s.match(/\S+/g) ?? []).length;

/** "codings" and "code" both give "code"; numbers stay as they are. */
export const stem = (word: string): string => (/\d/.test(word) ? word : stemmer(word));

const FUNCTION = new Set<string>(FUNCTION_WORDS);

/** Whether a (lowercase) word only carries grammar: "the", "of", "with". */
export const isFunctionWord = (word: string): boolean => FUNCTION.has(word);
