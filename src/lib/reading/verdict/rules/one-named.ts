import { NEGATIVE } from '../cues.ts';
import { WEAK, type SentenceRule } from '../decision.ts';
import { cueStrength } from './cue-strength.ts';

/**
 * A sentence naming one participant picks it, as strongly as its words decide ("X wins", "X is
 * better", "X has examples"); in a negative sentence ("X is not the better skill") it picks none.
 */
export const oneNamed: SentenceRule = {
  name: 'one-named',
  read(f) {
    if (f.ids.length !== 1) return undefined;
    if (NEGATIVE.test(f.text))
      return {
        winner: null,
        strength: WEAK,
        evidence: f.evidence,
        why: 'the deciding sentence names one skill but in a negative way',
      };
    return { winner: f.ids[0], strength: cueStrength(f.text, 1), evidence: f.evidence };
  },
};
