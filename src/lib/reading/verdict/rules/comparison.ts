import { COMPARE } from '../cues.ts';
import { unique, type SeveralRule } from '../decision.ts';

/**
 * A comparison: "X is better than Y", "X beats Y" name the winner first; "over Y, X ..." names it
 * after.
 */
export const comparison: SeveralRule = {
  name: 'comparison',
  read(s, ms) {
    const text = s.text;
    const cmp = text.match(COMPARE);
    if (!cmp || cmp.index === undefined) return null;
    const at = cmp.index;
    const before = unique(ms.filter((m) => m.end <= at));
    const after = unique(ms.filter((m) => m.start >= at));
    const lead = text.slice(0, at).trim();
    if (lead && before.length === 1 && after.length >= 1 && !after.includes(before[0]))
      return before[0];
    if (before.length === 0 && after.length === 2 && /^over\b/i.test(text.slice(at).trim())) {
      const [loser, winner] = ms.filter((m) => m.start >= at);
      if (loser.id !== winner.id) return winner.id;
    }
    return null;
  },
};
