import { NEGATIVE } from '../cues.ts';
import type { SeveralRule } from '../decision.ts';

/**
 * Past the rules that read a negative word right (a loser named first, a pick), a negative
 * sentence names no winner: "X is not as good as Y" is no praise of X.
 */
export const negative: SeveralRule = {
  name: 'negative',
  read: (s) => (NEGATIVE.test(s.text) ? null : undefined),
};
