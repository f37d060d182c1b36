import { MENTION, WEAK, type SentenceRule, type Strength } from '../decision.ts';
import { readSeveral } from '../several.ts';
import { cueStrength } from './cue-strength.ts';

/**
 * A sentence naming several participants picks the one the several-rules find ("X is better than
 * Y", "Y is fine, but X is stronger"), at least weakly; else it names no winner.
 */
export const severalNamed: SentenceRule = {
  name: 'several-named',
  read(f, ctx) {
    const winner = readSeveral(f.subject, f.mentions, ctx);
    if (winner) {
      const strength = Math.max(cueStrength(f.text, f.ids.length), WEAK) as Strength;
      return { winner, strength, evidence: f.evidence };
    }
    return {
      winner: null,
      strength: MENTION,
      evidence: f.evidence,
      why: 'the deciding sentence names several skills without a clear winner',
    };
  },
};
