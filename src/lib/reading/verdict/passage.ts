// Pure logic: what a passage (a section, a label line, the whole text) decides: its strongest
// sentences, which must agree.
import { readSentence } from './sentence.ts';
import {
  MENTION,
  STRONG,
  type Decision,
  type Sentence,
  type Strength,
  type VerdictContext,
} from './decision.ts';

/** Two picks each under its own condition: "if you want A, X; if you want B, Y". */
function conditions(ds: Decision[]): Decision | null {
  const ifs = ds.filter((d) => d.conditional);
  if (new Set(ifs.map((d) => d.conditional)).size <= 1) return null;
  return {
    winner: null,
    strength: STRONG,
    evidence: ifs[0].evidence,
    why: 'the evaluation makes its pick depend on a condition',
  };
}

/** The strongest decisions; an open one among them, or two winners, leave no winner. */
function strongest(ds: Decision[]): Decision {
  const top = Math.max(...ds.map((d) => d.strength)) as Strength;
  const best = ds.filter((d) => d.strength === top);
  const open = best.find((d) => d.winner === null);
  if (open) return open;
  const other = best.find((d) => d.winner !== best[0].winner);
  if (!other) return best[0];
  const quote = (d: Decision) => `"${d.evidence.slice(0, 80)}"`;
  return {
    winner: null,
    strength: top,
    evidence: best[0].evidence,
    why: `it names different winners (${quote(best[0])} and ${quote(other)})`,
  };
}

/**
 * The decision of a passage's sentences, leaving out those weaker than `floor`. A section that
 * opens by naming one participant ("## Decision / The guidelines one.") answers with it.
 */
export function readPassage(
  sentences: Sentence[],
  ctx: VerdictContext,
  floor: Strength = MENTION,
): Decision | null {
  const ds = sentences
    .map((s) => readSentence(s, ctx))
    .filter((d): d is Decision => d !== null && d.strength >= floor);
  if (!ds.length) return null;
  const depends = conditions(ds);
  if (depends) return depends;
  const top = Math.max(...ds.map((d) => d.strength));
  const opening = ds[0].winner !== null && ds[0].evidence === sentences[0]?.text;
  if (top === MENTION && opening && floor === MENTION) return ds[0];
  return strongest(ds);
}
