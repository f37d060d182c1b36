// Pure logic: what the verdict rules read and what they answer. A Decision is one place's answer (a
// winner, or null with why) and how strongly that place decides; a Sentence is a sentence of the
// evaluation with the ranges it set apart (bold, backticks, links), where names stand out.
import type { Block } from '../../text/markdown.ts';
import type { Mention, NameIndex } from '../../text/names.ts';
import { blankQuotations } from '../../text/quotations.ts';
import { sentences } from '../../text/sentences.ts';

/** How strongly a place decides: a label line, a decisive sentence, a weak one, a mere mention. */
export type Strength = 0 | 1 | 2 | 3;
export const LABELLED: Strength = 3;
export const STRONG: Strength = 2;
export const WEAK: Strength = 1;
export const MENTION: Strength = 0;

export interface Decision {
  winner: string | null;
  strength: Strength;
  evidence: string;
  why?: string;
  /** "If you want A, pick X": the pick under a condition, which is no verdict by itself. */
  conditional?: string;
}

/** What every rule may ask: which participant a text names, and the blind labels in play. */
export interface VerdictContext {
  index: NameIndex;
  /** Blind label -> participant id ("Response B": "opus-4-6"). */
  labels: Record<string, string>;
  /** The participants judged, by id. */
  participants: string[];
  /** The participant the evaluation says its judge wrote ("Evaluator: X"), or null. */
  self: string | null;
}

export interface Sentence {
  text: string;
  marked: [number, number][];
}

/** The sentences of a block (text/sentences.ts), on one line each, keeping what was set apart. */
export function sentencesOf(b: Sentence): Sentence[] {
  return sentences(b.text).map((s) => ({
    text: s.text.replace(/\s*\n\s*/g, ' '),
    marked: b.marked
      .filter(([a, z]) => a >= s.start && z <= s.end)
      .map(([a, z]) => [a - s.start, z - s.start]),
  }));
}

/** Quoted words are someone else's ("the skill says "X is the winner""): blanked, offsets kept. */
export const unquoted = (s: Sentence): Sentence => ({ ...s, text: blankQuotations(s.text, 3) });

/** The part of a sentence from `from` to `to`. */
export const sub = (s: Sentence, from: number, to = s.text.length): Sentence => ({
  text: s.text.slice(from, to),
  marked: s.marked.filter(([a, z]) => a >= from && z <= to).map(([a, z]) => [a - from, z - from]),
});

/** The participants mentioned, in order, each once. */
export const unique = (ms: Mention[]): string[] => [...new Set(ms.map((m) => m.id))];

/** The one participant a text names, or null. */
export function oneNamed(
  index: NameIndex,
  text: string,
  marked: [number, number][] = [],
): string | null {
  const ids = unique(index.mentions(text, marked));
  return ids.length === 1 ? ids[0] : null;
}

/** A sentence as the sentence rules see it. */
export interface SentenceFacts {
  /** The sentence as written: the evidence of what it decides. */
  evidence: string;
  /** What decides: the words after a label ("Winner: X"), else the sentence; quotations blanked. */
  subject: Sentence;
  /** The subject's text. */
  text: string;
  /** Whether the sentence is a label line ("Winner: X"). */
  labelled: boolean;
  /** The names in the subject, and the participants they name, in order, each once. */
  mentions: Mention[];
  ids: string[];
}

/**
 * A rule that reads one sentence: a decision, null when the sentence decides nothing, or undefined
 * to leave the sentence to the rules after it.
 */
export interface SentenceRule {
  name: string;
  read(f: SentenceFacts, ctx: VerdictContext): Decision | null | undefined;
}

/**
 * A rule that reads a sentence naming several participants: the winner's id, null when the
 * sentence names no winner, or undefined to leave it to the rules after it.
 */
export interface SeveralRule {
  name: string;
  read(s: Sentence, ms: Mention[], ctx: VerdictContext): string | null | undefined;
}

/** An evaluation as the document rules see it. */
export interface VerdictDocument {
  blocks: Block[];
  ctx: VerdictContext;
  /** How many participants were judged. */
  count: number;
}

/** A rule that reads decisions from the whole document, given those found before it. */
export interface DocumentRule {
  name: string;
  read(doc: VerdictDocument, found: readonly Decision[]): Decision[];
}

/** Participants best first, and the words that rank them. */
export interface Ranking {
  ids: string[];
  evidence: string;
}

/** A rule that finds the rankings of one form ("1. X", "X > Y", "| 1 | X |"). */
export interface RankingRule {
  name: string;
  find(doc: VerdictDocument): Ranking[];
}

/** A ranking: two places or more, each naming one participant, none twice. */
export const isRanking = (ids: (string | null)[]): ids is string[] =>
  ids.length >= 2 && ids.every(Boolean) && new Set(ids).size === ids.length;
