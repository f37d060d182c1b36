import { FORCED } from '../cues.ts';
import { LABELLED, STRONG, type SentenceRule } from '../decision.ts';

/** After a label, the name negated: "Winner: not X", "Winner: definitely not the X". */
const NOT_BEFORE = /^\s*(?:(?:definitely|certainly|surely) )?not\s+(?:the\s+)?$/i;
/** After a forced pick, the name ruled out: "..., it wouldn't be X". */
const RULED_OUT =
  /\bit\s+(?:wouldn't|would not|won't|will not|isn't|is not)\s+(?:be\s+)?(?:the\s+)?$/i;
/** The clause ends with the name: "X, despite ...", "X skill.", "X". */
const CLAUSE_ENDS = /^\s*(?:skill\b)?\s*(?:[,;.(—–!]|$)/i;

/**
 * Of two participants, the one a decision rules out leaves the other: "Winner: not X, despite
 * ...", "If I had to ship one of these today, it wouldn't be X." The name must close the clause
 * that negates it ("it wouldn't be X's examples that decide" rules nothing out).
 */
export const otherOne: SentenceRule = {
  name: 'other-one',
  read(f, ctx) {
    if (f.ids.length !== 1 || ctx.participants.length !== 2) return undefined;
    const m = f.mentions[0];
    const before = f.text.slice(0, m.start);
    const label = f.labelled && NOT_BEFORE.test(before);
    const forced = !f.labelled && FORCED.test(before) && RULED_OUT.test(before);
    if (!(label || forced) || !CLAUSE_ENDS.test(f.text.slice(m.end))) return undefined;
    const other = ctx.participants.find((p) => p !== m.id)!;
    return { winner: other, strength: label ? LABELLED : STRONG, evidence: f.evidence };
  },
};
