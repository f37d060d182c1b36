// Rule: the stance one sentence of a review takes toward the artifact it reviews, from its cue
// words: a verdict word ("I would reject it", "LGTM", "request changes") decides strongly, a word
// of praise or fault ("sound", "unsupported") weakly; a word just after a negation turns round
// ("would not ship it"); a verdict under a condition ("approve once it is fixed") is none.
import { wordPattern } from '../../../text/patterns.ts';
import {
  ACCEPT_WORDS,
  BAD_WORDS,
  CONDITIONS,
  GOOD_WORDS,
  MIXED_WORDS,
  NEGATORS,
  REJECT_WORDS,
} from '../vocabulary.ts';

export type Stance = 'accepts' | 'rejects' | 'mixed';

/** A verdict word decides; a word of praise or fault leans. */
export const STRONG = 2;
export const WEAK = 1;

export interface SentenceStance {
  stance: Stance | null;
  strength: number;
  /** A verdict made under a condition: no stance by itself. */
  conditional?: boolean;
}

/** Verbs a reviewer decides with, counted when "I", a modal or the sentence's start comes before. */
const VERDICT_VERBS = [
  'accept',
  'approve',
  'reject',
  'recommend',
  'endorse',
  'ship',
  'merge',
  'adopt',
  'use',
  'trust',
  'discard',
];
const REJECTING_VERBS = new Set(['reject', 'discard']);
const VERB = new RegExp(
  `(?:^|\\b(?:i|we|would|will|should|could|can|must|to|i'd|we'd|i'll)\\s+(?:(?:not|never|happily|gladly|probably|certainly|still|also|only|therefore|thus)\\s+)*)(${VERDICT_VERBS.join('|')})\\b`,
  'gi',
);
const ACCEPT = new RegExp(wordPattern(ACCEPT_WORDS), 'gi');
const REJECT = new RegExp(wordPattern(REJECT_WORDS), 'gi');
const MIXED = new RegExp(wordPattern(MIXED_WORDS), 'gi');
const GOOD = new RegExp(wordPattern(GOOD_WORDS), 'gi');
const BAD = new RegExp(wordPattern(BAD_WORDS), 'gi');
const NEGATED = new RegExp(`(?:${wordPattern(NEGATORS)}|n't\\b)`, 'i');
/** Negations that do not negate what follows ("no doubt it holds up", "not only"). */
const NOT_NEGATING = /\b(?:no doubt|no question|not only|not just|no wonder|nothing but)\b/i;
const CONDITION = new RegExp(wordPattern(CONDITIONS), 'i');
/** Faults the sentence itself calls small ("but that's a nit"). */
const MINOR = /\b(?:nit|nits|nitpick|minor|small|quibble|trivial|cosmetic)\b/i;

/** Whether the few words before `at` negate what stands there. */
function negated(text: string, at: number): boolean {
  const before = text
    .slice(0, at)
    .split(/[,;:()–—]| but /)
    .pop()!;
  const window = before.split(/\s+/).slice(-4).join(' ');
  return NEGATED.test(window) && !NOT_NEGATING.test(window);
}

const flip = (s: Stance): Stance =>
  s === 'accepts' ? 'rejects' : s === 'rejects' ? 'accepts' : 'mixed';

interface Cue {
  stance: Stance;
  strength: number;
  at: number;
}

function cuesOf(text: string, re: RegExp, stance: Stance, strength: number): Cue[] {
  return [...text.matchAll(re)].map((m) => ({
    stance: negated(text, m.index) ? flip(stance) : stance,
    strength,
    at: m.index,
  }));
}

function verbCues(text: string): Cue[] {
  // "we would keep ours": a verdict on the reviewer's own, not on the reviewed
  const onMine = (m: RegExpMatchArray) =>
    /^\s+(?:mine|ours)\b/i.test(text.slice(m.index! + m[0].length));
  return [...text.matchAll(VERB)]
    .filter((m) => !onMine(m))
    .map((m) => {
      const verb = m[1].toLowerCase();
      const at = m.index + m[0].length - m[1].length;
      const stance: Stance = REJECTING_VERBS.has(verb) ? 'rejects' : 'accepts';
      return { stance: NEGATED.test(m[0]) ? flip(stance) : stance, strength: STRONG, at };
    });
}

/** The cues of a sentence whose quotations are already blanked. */
export function stanceCues(text: string): Cue[] {
  const mixed = [...text.matchAll(MIXED)].map((m) => ({
    stance: 'mixed' as const,
    strength: STRONG,
    at: m.index,
  }));
  const strong = [
    ...mixed,
    // a phrase before a bare verb: "recommend against" is no "recommend"
    ...cuesOf(text, ACCEPT, 'accepts', STRONG),
    ...cuesOf(text, REJECT, 'rejects', STRONG),
    ...verbCues(text),
  ].filter((c, i, all) => all.findIndex((d) => d.at === c.at) === i);
  if (strong.length) return strong.sort((a, b) => a.at - b.at);
  const faults = MINOR.test(text) ? [] : cuesOf(text, BAD, 'rejects', WEAK);
  return [...cuesOf(text, GOOD, 'accepts', WEAK), ...faults].sort((a, b) => a.at - b.at);
}

/** Every cue of a sentence, strong and weak alike: what a careful reader weighs before deciding. */
export function allCues(text: string): Cue[] {
  const weak = [...cuesOf(text, GOOD, 'accepts', WEAK), ...cuesOf(text, BAD, 'rejects', WEAK)];
  return [...stanceCues(text), ...weak];
}

/** The stance of one sentence (its quotations blanked): strong cues first, else weak ones. */
export function sentenceStance(text: string): SentenceStance {
  // a question takes no stance ("Would I use it as it stands?")
  if (/\?\s*$/.test(text)) return { stance: null, strength: 0 };
  const cues = stanceCues(text);
  if (!cues.length) return { stance: null, strength: 0 };
  const strength = Math.max(...cues.map((c) => c.strength));
  const stances = new Set(cues.filter((c) => c.strength === strength).map((c) => c.stance));
  const stance: Stance = stances.size > 1 || stances.has('mixed') ? 'mixed' : [...stances][0];
  if (strength === STRONG && CONDITION.test(text))
    return { stance: null, strength, conditional: true };
  return { stance, strength };
}
