// Pure logic: reads a review of one artifact (not a comparison): the reviewer's stance toward it
// (accepts, rejects, mixed; null when a careful reader could not tell) and the preference it
// implies between the reviewer's own artifact and the reviewed one, when it defends its own or
// concedes. An implied preference is a guess from the prose, never an explicit pick.
//
// Each sentence outside quotations and code is read by the rules in rules/: its names made plain
// (names.ts), its stance (sentence-stance.ts) and its preference (implied.ts). The reader is
// conservative: it answers only when every cue agrees and nothing hedges, turns, contrasts or makes
// an exception; otherwise it leaves the answer open (null), for a wrong answer is worse than none.
import { blocks } from '../../text/markdown.ts';
import { NameIndex, type Candidate } from '../../text/names.ts';
import { blankQuotations } from '../../text/quotations.ts';
import { sentences } from '../../text/sentences.ts';
import { wordPattern } from '../../text/patterns.ts';
import { plainNames } from './rules/names.ts';
import { sentenceStance, allCues, STRONG, type Stance } from './rules/sentence-stance.ts';
import { impliedBy, type Preference } from './rules/implied.ts';
import { STANCE_LABELS } from './vocabulary.ts';

export type { Stance } from './rules/sentence-stance.ts';
export type { Preference } from './rules/implied.ts';

export interface ReadReview {
  stance: Stance | null;
  /** The sentence the stance was read from. */
  evidence: string;
  reason: string;
  /** own, other or none; null when the review points both ways. */
  preference: Preference | null;
  preferenceEvidence: string;
}

export interface ReviewSides {
  /** The reviewed artifact, with the names the review may use for it. */
  reviewed: Candidate;
  /** The reviewer's own artifact (by its model's names), when it made one. */
  own?: Candidate;
  /** Every other artifact of the experiment. */
  others?: Candidate[];
}

const LABEL = new RegExp(`^\\s*${wordPattern(STANCE_LABELS)}\\s*[:\\-–—]\\s*(.+)$`, 'i');
const LABELLED = 3;

interface Read {
  /** As written, for evidence. */
  text: string;
  /** Names made plain, quotations blanked. */
  plain: string;
  third: boolean;
  /** From a table row. */
  row: boolean;
}

/** The review's sentences, outside quotations, blockquotes and code, with their names made plain. */
function sentencesOf(markdown: string, sides: ReviewSides): Read[] {
  const noCode = markdown.replace(/`[^`\n]+`/g, (m) => ' '.repeat(m.length));
  const index = new NameIndex([
    sides.reviewed,
    ...(sides.own ? [sides.own] : []),
    ...(sides.others ?? []),
  ]);
  const own = sides.own?.id ?? '\0';
  return blocks(noCode)
    .filter((b) => !b.quoted && (b.kind !== 'heading' || LABEL.test(b.text)))
    .flatMap((b) => {
      const text = b.kind === 'row' ? (b.cells ?? []).join(': ') : b.text;
      return sentences(text).map((s) => {
        const one = s.text.replace(/\s*\n\s*/g, ' ');
        const named = plainNames(blankQuotations(one, 3), index, sides.reviewed.id, own);
        return { text: one, plain: named.text, third: named.third, row: b.kind === 'row' };
      });
    });
}

interface Found {
  stance: Stance | null;
  strength: number;
  conditional?: boolean;
  read: Read;
}

function stancesOf(reads: Read[]): Found[] {
  return reads
    .filter((r) => !r.third)
    .map((read) => {
      const label = LABEL.exec(read.plain);
      const s = sentenceStance(label ? label[1] : read.plain);
      const strength = label && s.stance ? LABELLED : s.strength;
      return { ...s, strength, read };
    })
    .filter((f) => f.strength > 0);
}

/** Words that leave a reader unsure what the reviewer decided ("probably", "I suppose"). */
const DOUBT =
  /\b(?:oh (?:good|great|wonderful)|what a|wow|very reassuring|lovely|yeah right|score|\d+\s*\/\s*10|probably|perhaps|maybe|i suppose|i think|i guess|might|not sure|unsure|can't (?:judge|tell|say)|cannot (?:judge|tell|say)|hard to say|depends on|whether)\b/i;
/** A turn or concession: the review weighs one part against another ("but", "apart from that"). */
const CONTRAST = /\b(?:but|however|though|although|yet|whereas|while|where it|elsewhere)\b/i;
/** An exception or an aside whatever the verdict: "apart from that", "which I'd reject". */
const EXCEPTION =
  /\b(?:except|apart from|aside from|on the other hand|otherwise|(?:which|that) (?:i|we)(?:'d| would))\b/i;
const NEGATION = /\b(?:not|no|never|nothing|without)\b|n't\b/i;
/** Two negations in one sentence ("nothing I would not sign off on"). */
const DOUBLE_NEGATIVE =
  /\b(?:not|no|nothing|never|n't|without)\b.*\b(?:not|no|nothing|never|without)\b|n't\b.*n't\b/i;

/**
 * The stance the found ones settle on, only when nothing points elsewhere: every sentence that
 * takes a stance takes the same one, no doubt, condition, question or double negative stands in
 * the way; otherwise open (null).
 */
function settleStance(
  found: Found[],
  reads: Read[],
  markdown: string,
): Pick<ReadReview, 'stance' | 'evidence' | 'reason'> {
  const open = (reason: string) => ({ stance: null, evidence: '', reason });
  if (!found.length) return open('no sentence takes a stance');
  if (found.some((f) => f.conditional)) return open('a verdict depends on a condition');
  if (DOUBT.test(markdown) || reads.some((r) => DOUBT.test(r.plain))) return open('it hedges');
  if (reads.some((r) => EXCEPTION.test(r.plain))) return open('it makes an exception');
  // a contrast leaves it open unless a verdict in plain words (not negated) decides
  const plainVerdict = found.some((f) => f.strength >= STRONG && !NEGATION.test(f.read.plain));
  if (!plainVerdict && reads.some((r) => CONTRAST.test(r.plain)))
    return open('it weighs one part against another');
  if (reads.some((r) => r.row)) return open('a table of criteria, not a verdict');
  if (found.some((f) => DOUBLE_NEGATIVE.test(f.read.plain))) return open('a double negative');
  const stances = new Set(found.map((f) => f.stance));
  const cues = new Set(reads.flatMap((r) => allCues(r.plain).map((c) => c.stance)));
  if (stances.size !== 1 || cues.size !== 1) return open('it comes down more than one way');
  const final = found[found.length - 1];
  return {
    stance: final.stance,
    evidence: final.read.text,
    reason: 'every stance it takes agrees',
  };
}

/** The reviewer's own side, however named: "mine", "my first draft", "what we had", "the two". */
const OWN_SIDE =
  /\b(?:mine|ours|my|our|we|us|i (?:ended up|wrote|did|had|made|went|landed|took)|than i|the other (?:one|skill|version|report)|both|the two|either)\b/i;

/**
 * The preference the review implies, only when nothing points elsewhere: "none" when it never
 * touches the reviewer's own side; a side when the sentences that name it all point that way, and
 * none of them hedges or weighs; otherwise open (null).
 */
function settlePreference(reads: Read[]): Pick<ReadReview, 'preference' | 'preferenceEvidence'> {
  const touching = reads.filter((r) => OWN_SIDE.test(r.plain));
  if (!touching.length) return { preference: 'none', preferenceEvidence: '' };
  const open = { preference: null, preferenceEvidence: touching[0].text };
  if (reads.some((r) => DOUBT.test(r.plain))) return open;
  if (touching.some((r) => r.third || CONTRAST.test(r.plain) || EXCEPTION.test(r.plain)))
    return open;
  const found = touching.map((r) => ({ r, p: impliedBy(r.plain) }));
  const sides = new Set(found.map((x) => x.p));
  const side = found.find((x) => x.p === 'own' || x.p === 'other');
  if (sides.size !== 1 || !side) return open;
  return { preference: side.p as Preference, preferenceEvidence: side.r.text };
}

/** Reads a review of one artifact: the reviewer's stance toward it, and what it implies. */
export function readReview(markdown: string, sides: ReviewSides): ReadReview {
  const reads = sentencesOf(markdown, sides);
  return { ...settleStance(stancesOf(reads), reads, markdown), ...settlePreference(reads) };
}
