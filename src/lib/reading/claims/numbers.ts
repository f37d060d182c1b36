// Pure logic: numbers, qualifiers and units as evaluations write them ("~250 lines", "seven
// steps", "over 100 lines", "a 70-line SKILL.md").
import { NUMBER_WORDS, RATIOS } from '../../text/words/numbers.ts';
import { anyOf } from '../../text/patterns.ts';
import type { Measure, Qualifier } from './types.ts';
import { QUALIFIER_WORDS, SECTION_ITEM_WORDS, UNIT_WORDS } from './vocabulary.ts';

const longestFirst = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length);

/** A number in figures ("1,200", "86") or words ("seven", "a dozen"). */
export const NUM = anyOf([
  '\\d{1,3}(?:,\\d{3})+',
  '\\d+',
  ...longestFirst(Object.keys(NUMBER_WORDS)),
]);
/** A number in words that can stand alone after a name: "Y is ninety" (not "no", "one"). */
export const COUNT_WORD = anyOf(
  longestFirst(Object.keys(NUMBER_WORDS).filter((w) => !/^(?:no|one|single|a single)$/.test(w))),
);
/** A qualifier before a number: "~", "about", "over", "at most". */
export const QUALIFIER = Object.values(QUALIFIER_WORDS).flat().join('|');
/** A ratio in words: "half", "twice", "a third". */
export const RATIO_WORD = anyOf(Object.keys(RATIOS));

const QUALIFIER_KINDS = Object.entries(QUALIFIER_WORDS).map(
  ([q, ws]) => [new RegExp(`^${anyOf(ws)}$`, 'i'), q as Qualifier] as const,
);
const UNITS = [
  ...Object.entries(UNIT_WORDS).map(([m, ws]) => [ws, m as Measure] as const),
  [SECTION_ITEM_WORDS, 'list-items'] as const,
].map(([ws, m]) => [new RegExp(`^${anyOf(ws)}$`, 'i'), m] as const);
const SECTION_ITEM = new RegExp(`^${anyOf(SECTION_ITEM_WORDS)}$`, 'i');

/** Every unit, longest first: "bullet points" before "bullets". */
export const UNIT = longestFirst([...Object.values(UNIT_WORDS).flat(), ...SECTION_ITEM_WORDS]).join(
  '|',
);

export const numberOf = (s: string): number =>
  NUMBER_WORDS[s.toLowerCase().replace(/\s+/g, ' ')] ?? Number(s.replace(/,/g, ''));

export const ratioOf = (s: string): number => RATIOS[s.toLowerCase()];

export const qualifierOf = (s: string | undefined): Qualifier =>
  s ? (QUALIFIER_KINDS.find(([re]) => re.test(s.trim()))?.[1] ?? 'exact') : 'exact';

/** The measure a unit counts: "lines" -> lines, "tips" -> list-items. */
export const unitOf = (word: string): Measure | null =>
  UNITS.find(([re]) => re.test(word))?.[1] ?? null;

/** A list noun that counts items only within a named section. */
export const isSectionItem = (word: string): boolean => SECTION_ITEM.test(word);
