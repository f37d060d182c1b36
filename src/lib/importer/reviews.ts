// Pure logic: a review of one artifact rather than a comparison, told by its file or folder name
// ("gpt-reviews-gemini.md", "opus-on-gpt.md", "review-of-gemini-by-gpt.md") or declared in
// crossjudge.yaml (reviews: { <path>: <participant id> }), and the verdict it makes: no winner,
// the judge's stance toward the reviewed artifact, and the preference it implies (tentative).
import type { Verdict } from '../content/schema.ts';
import { UserError } from '../content/experiment.ts';
import { resolveName, type Candidate } from '../text/names.ts';
import { readReview } from '../reading/review/index.ts';
import { MAP_FILE, pinHint, type ImportMap } from './map.ts';

/** "<judge>-reviews-<reviewed>", "<judge>-on-<reviewed>", "<judge>_review_of_<reviewed>". */
const JUDGE_FIRST =
  /^(.+?)[-_ ]+(?:reviews|reviewing|reviewed|review[-_ ]of|reviews[-_ ]of|critiques|critique[-_ ]of|on)[-_ ]+(.+)$/i;
/** "review-of-<reviewed>-by-<judge>". */
const REVIEWED_FIRST = /^(?:review|critique)[-_ ]+of[-_ ]+(.+?)[-_ ]+by[-_ ]+(.+)$/i;

/** The names a review's file name gives its judge and the artifact it reviews, or null. */
export function reviewNames(name: string): { judge: string; reviewed: string } | null {
  const base = name
    .split('/')
    .pop()!
    .replace(/\.[a-z]+$/i, '');
  const late = REVIEWED_FIRST.exec(base);
  if (late) return { judge: late[2], reviewed: late[1] };
  const early = JUDGE_FIRST.exec(base);
  return early ? { judge: early[1], reviewed: early[2] } : null;
}

/** The participant an evaluation reviews: declared in the map, else named by its file name; null for a comparison. */
export function reviewedOf(path: string, named: Candidate[], map: ImportMap): string | null {
  const declared = map.reviews?.[path] ?? map.reviews?.[path + '/'];
  if (declared) {
    if (!named.some((n) => n.id === declared))
      throw new UserError(
        `${MAP_FILE}: reviews.${path} is "${declared}", not an artifact of the experiment (${named.map((n) => n.id).join(', ')})`,
      );
    return declared;
  }
  const names = reviewNames(path);
  if (!names) return null;
  const r = resolveName(names.reviewed, named);
  if (r.id === null)
    throw new UserError(
      `${path}: reads as a review, but cannot tell whose artifact "${names.reviewed}" is (${r.reason}); ${pinHint(`as "reviews: { ${path}: <participant id> }"`)}`,
    );
  return r.id;
}

const STANCE_WORDS = {
  accepts: 'it accepts it',
  rejects: 'it rejects it',
  mixed: 'its stance is mixed',
} as const;

/** A review's verdict: no winner, its stance, and the preference it implies when it defends its own or concedes. */
export function reviewVerdict(
  text: string,
  judge: string,
  reviewed: string,
  named: Candidate[],
): Verdict {
  const sides = {
    reviewed: named.find((n) => n.id === reviewed)!,
    own: named.find((n) => n.id === judge),
    others: named.filter((n) => n.id !== reviewed && n.id !== judge),
  };
  const r = readReview(text, sides);
  const implied =
    r.preference === 'own' && sides.own ? judge : r.preference === 'other' ? reviewed : undefined;
  return {
    judge,
    winner: null,
    evidence: r.evidence,
    reason: `a review of one artifact, not a comparison: ${r.stance ? STANCE_WORDS[r.stance] : `its stance could not be read (${r.reason})`}`,
    review: {
      of: reviewed,
      stance: r.stance,
      evidence: r.evidence,
      ...(implied ? { implied, impliedEvidence: r.preferenceEvidence } : {}),
    },
  };
}
