// Pure logic: the winner of a sentence that names several participants, read by the rules in
// rules/ in order; the first that answers decides.
import type { Mention } from '../../text/names.ts';
import type { Sentence, SeveralRule, VerdictContext } from './decision.ts';
import { comparison } from './rules/comparison.ts';
import { contrast } from './rules/contrast.ts';
import { loserFirst } from './rules/loser-first.ts';
import { negative } from './rules/negative.ts';
import { pick } from './rules/pick.ts';
import { praised } from './rules/praised.ts';

export const SEVERAL_RULES: readonly SeveralRule[] = [
  contrast,
  loserFirst,
  pick,
  negative,
  praised,
  comparison,
];

/** "X is better than Y", "pick X over Y", "Y is fine, but X is stronger": the winner, or null. */
export function readSeveral(s: Sentence, ms: Mention[], ctx: VerdictContext): string | null {
  for (const rule of SEVERAL_RULES) {
    const winner = rule.read(s, ms, ctx);
    if (winner !== undefined) return winner;
  }
  return null;
}
