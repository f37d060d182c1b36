import { COMPARE, PICK, PRAISED, STRONG_CUE } from '../cues.ts';
import { MENTION, STRONG, WEAK, type Strength } from '../decision.ts';

/** "Brevity: X wins.": a win on one criterion (named in four words at most), not the verdict. */
const CRITERION = /^\s*[\p{L}][\p{L},&/'-]*(?:\s+[\p{L},&/'-]+){0,3}:\s+\S/u;
/** "To be fair to X, …", "Admittedly, X …": a concession to the one not picked, not a verdict. */
const CONCESSION =
  /^\s*(?:to be fair|in fairness|granted|admittedly|credit where (?:it's )?due)\b/i;
/** "Overall: X", "On balance: X": a lead-in that sums up, not a criterion. */
const SUMMING_UP = /^\s*(?:overall|in short|in sum|all in all|final|on balance)\b/i;

/**
 * How strongly a sentence naming `named` participants decides: a pick or a decisive word ("wins",
 * "on balance") strongly, praise or a comparison of several weakly, else not at all; a sentence
 * about one criterion ("Brevity: X is better") or a concession ("To be fair to X, …") weakly at
 * most.
 */
export function cueStrength(text: string, named: number): Strength {
  const cue =
    STRONG_CUE.test(text) || PICK.test(text)
      ? STRONG
      : PRAISED.test(text) || (named > 1 && COMPARE.test(text))
        ? WEAK
        : MENTION;
  const criterion = CRITERION.test(text) && !SUMMING_UP.test(text);
  return criterion || CONCESSION.test(text) ? (Math.min(cue, WEAK) as Strength) : cue;
}
