import { TIE } from '../cues.ts';
import { STRONG, type SentenceRule } from '../decision.ts';

/**
 * A tie: "It is a tie", "neither is clearly better", "too close to call". A label line naming one
 * participant is no tie ("Winner: X (nearly a tie)"); "very nearly a tie" is none either.
 */
export const tie: SentenceRule = {
  name: 'tie',
  read: (f) =>
    TIE.test(f.text) && (f.ids.length !== 1 || !f.labelled)
      ? {
          winner: null,
          strength: STRONG,
          evidence: f.evidence,
          why: 'the evaluation calls it a tie',
        }
      : undefined,
};
