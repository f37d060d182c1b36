import { anyOf } from '../../../text/patterns.ts';
import { BLIND_LABEL_KINDS } from '../vocabulary.ts';

const capitalised = (w: string) => w[0].toUpperCase() + w.slice(1);
/** "Response B", "Skill 2", "Statblock IV" in the text. */
const BLIND = new RegExp(`\\b${anyOf(BLIND_LABEL_KINDS.map(capitalised))} (?:[A-Z]|\\d|[IVX]+)\\b`);

/**
 * Why an evaluation has no verdict: blind labels that no label table maps to participants, or no
 * sentence naming a winner.
 */
export function noVerdictReason(markdown: string, labels: Record<string, string>): string {
  return Object.keys(labels).length === 0 && BLIND.test(markdown)
    ? 'the evaluation names blind labels that no label table maps to participants ' +
        '(give one as labels: in crossjudge.yaml)'
    : 'no sentence of the evaluation names a winner';
}
