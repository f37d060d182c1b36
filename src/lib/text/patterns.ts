// Pure logic: regular expressions built from named parts and word lists, so that no pattern is one
// long line.

/** `(?:a|b|c)`: any one of the patterns. */
export const anyOf = (patterns: readonly string[]): string => `(?:${patterns.join('|')})`;

/** A word or phrase as a pattern that matches it literally. */
export const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `\b(?:a|b|c)\b`: one of the words or phrases (given as patterns), standing whole. */
export const wordPattern = (phrases: readonly string[]): string => `\\b${anyOf(phrases)}\\b`;

/** A regular expression of one of the words or phrases, standing whole, in any case. */
export const wordsRegExp = (phrases: readonly string[], flags = 'i'): RegExp =>
  new RegExp(wordPattern(phrases), flags);
