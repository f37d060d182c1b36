import { COMPARE, PICK, PRAISED, STRONG_CUE } from '../cues.ts';
import { MENTION, STRONG, WEAK, type Strength } from '../decision.ts';

/** "Brevity: X wins.": a win on one criterion, not the verdict. */
const CRITERION = /^\s*[\p{L}][\p{L} ,&/'-]{0,40}:\s+\S/u;
/** "Overall: X", "On balance: X": a lead-in that sums up, not a criterion. */
const SUMMING_UP = /^\s*(?:overall|in short|in sum|all in all|final|on balance)\b/i;

/**
 * How strongly a sentence naming `named` participants decides: a pick or a decisive word ("wins",
 * "on balance") strongly, praise or a comparison of several weakly, else not at all; a sentence
 * about one criterion ("Brevity: X is better") weakly at most.
 */
export function cueStrength(text: string, named: number): Strength {
  const cue =
    STRONG_CUE.test(text) || PICK.test(text)
      ? STRONG
      : PRAISED.test(text) || (named > 1 && COMPARE.test(text))
        ? WEAK
        : MENTION;
  const criterion = CRITERION.test(text) && !SUMMING_UP.test(text);
  return criterion ? (Math.min(cue, WEAK) as Strength) : cue;
}
