// Pure logic: reads a review of one artifact (not a comparison): the reviewer's stance toward it
// (accepts, rejects, mixed; null when a careful reader could not tell) and the preference it
// implies between the reviewer's own artifact and the reviewed one, when it defends its own or
// concedes. An implied preference is a guess from the prose, never an explicit pick.
//
// Each sentence outside quotations and code is read by the rules in rules/: its names made plain
// (names.ts), its stance (sentence-stance.ts) and its preference (implied.ts); a line labelled
// "Verdict:" decides over the prose, and the last position counts where the review turns.
import { blocks } from '../../text/markdown.ts';
import { NameIndex, type Candidate } from '../../text/names.ts';
import { blankQuotations } from '../../text/quotations.ts';
import { sentences } from '../../text/sentences.ts';
import { wordPattern } from '../../text/patterns.ts';
import { plainNames } from './rules/names.ts';
import { sentenceStance, STRONG, type Stance } from './rules/sentence-stance.ts';
import { impliedBy, type Preference } from './rules/implied.ts';
import { STANCE_LABELS, TURN_WORDS } from './vocabulary.ts';

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
const TURN = new RegExp(wordPattern(TURN_WORDS), 'i');
const LABELLED = 3;

interface Read {
  /** As written, for evidence. */
  text: string;
  /** Names made plain, quotations blanked. */
  plain: string;
  third: boolean;
  /** The block's place, to tell the last paragraph. */
  block: number;
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
    .flatMap((b, block) => {
      const text = b.kind === 'row' ? (b.cells ?? []).join(': ') : b.text;
      return sentences(text).map((s) => {
        const one = s.text.replace(/\s*\n\s*/g, ' ');
        const named = plainNames(blankQuotations(one, 3), index, sides.reviewed.id, own);
        return { text: one, plain: named.text, third: named.third, block };
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

/** The stance the found ones settle on: labels first, then verdict words, then praise and fault. */
function settleStance(
  found: Found[],
  last: number,
): Pick<ReadReview, 'stance' | 'evidence' | 'reason'> {
  if (!found.length) return { stance: null, evidence: '', reason: 'no sentence takes a stance' };
  const top = Math.max(...found.map((f) => f.strength));
  const best = found.filter((f) => f.strength === top);
  const final = best[best.length - 1];
  const say = (f: Found, reason: string) => ({ stance: f.stance, evidence: f.read.text, reason });
  if (final.conditional)
    return { ...say(final, 'its verdict depends on a condition'), stance: null };
  const stances = new Set(best.map((f) => f.stance));
  if (stances.size === 1)
    return say(final, top >= STRONG ? 'read from the review' : 'read from its praise and faults');
  // it turns: the last position counts when it says it turns or closes the review
  if (top >= STRONG && (TURN.test(final.read.text) || final.read.block === last))
    return say(final, 'its last position');
  const weighed = top < STRONG ? weigh(best) : null;
  if (weighed) return say(weighed, 'read from its praise and faults, on balance');
  return { stance: 'mixed', evidence: final.read.text, reason: 'it comes down both ways' };
}

/** Praise and faults only: a sentence that sums up ("overall"), else a side that outweighs the other two to one. */
function weigh(found: Found[]): Found | null {
  const summing = found.filter((f) => TURN.test(f.read.text));
  if (summing.length) return summing[summing.length - 1];
  const count = (s: Stance) => found.filter((f) => f.stance === s).length;
  const [a, r] = [count('accepts'), count('rejects')];
  const side = a >= 2 * r + 1 ? 'accepts' : r >= 2 * a + 1 ? 'rejects' : null;
  return side ? found.filter((f) => f.stance === side).pop()! : null;
}

function settlePreference(reads: Read[]): Pick<ReadReview, 'preference' | 'preferenceEvidence'> {
  const found = reads
    .filter((r) => !r.third)
    .map((r) => ({ r, p: impliedBy(r.plain) }))
    .filter((x) => x.p !== null);
  const sides = new Set(found.map((x) => x.p).filter((p) => p !== 'none'));
  if (sides.has('both') || sides.size > 1)
    return { preference: null, preferenceEvidence: found.find((x) => x.p !== 'none')!.r.text };
  const side = found.find((x) => x.p !== 'none');
  if (side) return { preference: side.p as Preference, preferenceEvidence: side.r.text };
  return { preference: 'none', preferenceEvidence: '' };
}

/** Reads a review of one artifact: the reviewer's stance toward it, and what it implies. */
export function readReview(markdown: string, sides: ReviewSides): ReadReview {
  const reads = sentencesOf(markdown, sides);
  const last = Math.max(-1, ...reads.map((r) => r.block));
  return { ...settleStance(stancesOf(reads), last), ...settlePreference(reads) };
}
