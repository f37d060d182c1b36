import { NO_CALL } from '../cues.ts';
import { STRONG, type SentenceRule } from '../decision.ts';

/** No overall call, on purpose: "I'm leaving the overall call to the editor", "no overall pick". */
export const noCall: SentenceRule = {
  name: 'no-call',
  read: (f) =>
    NO_CALL.test(f.text)
      ? {
          winner: null,
          strength: STRONG,
          evidence: f.evidence,
          why: 'the evaluation makes no overall call',
        }
      : undefined,
};
