import { UNSURE } from '../cues.ts';
import { STRONG, type SentenceRule } from '../decision.ts';

/** Doubt about a named participant: "maybe X", "merge them", "X or Y?". */
export const unsure: SentenceRule = {
  name: 'unsure',
  read: (f) =>
    UNSURE.test(f.text)
      ? { winner: null, strength: STRONG, evidence: f.evidence, why: 'the evaluation is not sure' }
      : undefined,
};
