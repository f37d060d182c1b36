import { NEGATIVE, PICK, PRAISED, STRONG_CUE } from '../cues.ts';
import { STRONG, unique, type SentenceRule } from '../decision.ts';

/**
 * "Between X and Y, the latter is the one I would install": two participants named, then "the
 * former" or "the latter" picked or praised, with nothing negative after it.
 */
export const formerLatter: SentenceRule = {
  name: 'former-latter',
  read(f, ctx) {
    const m = f.ids.length === 2 ? f.text.match(/\bthe (former|latter)\b/i) : null;
    if (!m) return undefined;
    const before = unique(f.mentions.filter((x) => x.end <= m.index!));
    const rest = f.text.slice(m.index! + m[0].length);
    if (before.length !== 2 || unique(ctx.index.mentions(rest)).length || NEGATIVE.test(rest))
      return undefined;
    if (!(PICK.test(rest) || STRONG_CUE.test(rest) || PRAISED.test(rest))) return undefined;
    const winner = before[m[1].toLowerCase() === 'former' ? 0 : 1];
    return { winner, strength: STRONG, evidence: f.evidence };
  },
};
