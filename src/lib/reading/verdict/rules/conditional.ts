import { CONDITIONAL, FORCED, NEGATIVE } from '../cues.ts';
import { MENTION, STRONG, type SentenceRule } from '../decision.ts';

/** "For small teams: X": a pick for some readers. */
const FOR_SOME = /^\s*for [\w\s-]{3,60}:/i;

/**
 * A pick under a condition: "if you need speed, X", "for small teams: X". Naming several, the
 * pick depends on the condition; naming one, it is that one's pick under the condition only, which
 * a passage with another such pick turns into "it depends".
 */
export const conditional: SentenceRule = {
  name: 'conditional',
  read(f) {
    if (!((CONDITIONAL.test(f.text) && !FORCED.test(f.text)) || FOR_SOME.test(f.text)))
      return undefined;
    if (f.ids.length > 1)
      return {
        winner: null,
        strength: STRONG,
        evidence: f.evidence,
        why: 'the evaluation makes its pick depend on a condition',
      };
    return {
      winner: null,
      strength: MENTION,
      evidence: f.evidence,
      why: 'the evaluation picks only under a condition',
      ...(NEGATIVE.test(f.text) ? {} : { conditional: f.ids[0] }),
    };
  },
};
