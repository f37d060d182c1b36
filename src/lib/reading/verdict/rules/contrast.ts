import { CONDITIONAL, CONTRAST, NEGATIVE, PICK, PRAISED, STRONG_CUE } from '../cues.ts';
import { sub, unique, type SeveralRule } from '../decision.ts';

/**
 * The last turn of a sentence decides when its clause names one participant and picks or praises
 * it: "Y has nicer examples, but X is the stronger skill".
 */
export const contrast: SeveralRule = {
  name: 'contrast',
  read(s, _ms, ctx) {
    const last = [...s.text.matchAll(CONTRAST)].pop();
    if (!last) return undefined;
    const clause = sub(s, last.index + last[0].length);
    const named = unique(ctx.index.mentions(clause.text, clause.marked));
    const decisive =
      STRONG_CUE.test(clause.text) || PICK.test(clause.text) || PRAISED.test(clause.text);
    const plain = !NEGATIVE.test(clause.text) && !CONDITIONAL.test(clause.text);
    return named.length === 1 && decisive && plain ? named[0] : undefined;
  },
};
