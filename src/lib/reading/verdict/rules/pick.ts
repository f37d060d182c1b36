import { NEGATIVE, PICK } from '../cues.ts';
import { unique, type SeveralRule } from '../decision.ts';

/** "... it over Y": the pick stands before the verb ("X is the one I'd pick over Y"). */
const OVER = /^\s*(?:it|that one|this one)?\s*(?:over|instead of|rather than|ahead of)\b/i;

/**
 * A pick: "I pick X over Y", "I'd pick X: Y invented a feature" (what follows the pick may be
 * negative), "X is the one I'd pick over Y". Negated before the name, it is no pick.
 */
export const pick: SeveralRule = {
  name: 'pick',
  read(s, ms) {
    const text = s.text;
    const m = text.match(PICK);
    if (!m || m.index === undefined) return undefined;
    const at = m.index + m[0].length;
    const before = unique(ms.filter((x) => x.end <= m.index!));
    if (OVER.test(text.slice(at)) && before.length === 1 && !NEGATIVE.test(text)) return before[0];
    const after = ms.find((x) => x.start >= at);
    if (
      after &&
      after.start - at <= 40 &&
      !NEGATIVE.test(text.slice(0, after.end)) &&
      !NEGATIVE.test(text.slice(after.end).split(/[:;—–]/)[0])
    )
      return after.id;
    return undefined;
  },
};
