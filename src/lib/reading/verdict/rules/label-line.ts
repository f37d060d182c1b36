import { NEGATIVE } from '../cues.ts';
import { LABELLED, MENTION, type SentenceRule } from '../decision.ts';
import { readSeveral } from '../several.ts';

/**
 * A label line that names participants: "Winner: X" names the winner; "Winner: not X, ..." says
 * which is not; "Winner: X over Y" is read as a sentence naming several.
 */
export const labelLine: SentenceRule = {
  name: 'label-line',
  read(f, ctx) {
    if (!f.labelled) return undefined;
    const evidence = f.evidence;
    if (f.ids.length === 1 && !NEGATIVE.test(f.text.split(/[,;(—–]/)[0]))
      return { winner: f.ids[0], strength: LABELLED, evidence };
    if (f.ids.length === 1)
      return {
        winner: null,
        strength: MENTION,
        evidence,
        why: 'the label says which is not the winner',
      };
    const winner = readSeveral(f.subject, f.mentions, ctx);
    if (winner) return { winner, strength: LABELLED, evidence };
    return {
      winner: null,
      strength: LABELLED,
      evidence,
      why: 'the label names several skills without a clear winner',
    };
  },
};
