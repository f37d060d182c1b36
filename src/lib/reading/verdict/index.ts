// Pure logic: reads which participant a prose evaluation picked, and its ranking when it ranks
// them.
// The markdown is read with remark (text/markdown.ts). The decision is looked for where people
// write it: a "Winner:"/"Verdict:" label, a ranking, a Decision/Verdict/Conclusion section, else
// the first sentence or an explicit pick anywhere (document.ts); each sentence is read by the rules
// in rules/ (sentence.ts, several.ts). Names are resolved as text/names.ts resolves them, blind
// labels ("Response B") through a label table found in the evaluation or given. The answer is null,
// with the reason, for a tie, a conditional, a contradiction or anything unclear: a wrong verdict
// is worse than none.
import { blocks } from '../../text/markdown.ts';
import { NameIndex, type Candidate } from '../../text/names.ts';
import type { VerdictDocument } from './decision.ts';
import { decisionsOf, settle } from './document.ts';
import { jsonVerdict } from './json.ts';
import { noVerdictReason } from './rules/blind-labels.ts';
import { labelTable } from './rules/label-table.ts';
import { evaluatorOf } from './rules/own-skill.ts';
import { revisionStart } from './rules/revision.ts';

export type Named = Candidate;

export interface ReadVerdict {
  winner: string | null;
  evidence: string;
  reason: string;
  /** Best first, when the evaluation ranks the participants. */
  ranking?: string[];
}

export interface ReadOptions {
  /** Blind label -> participant id ("Response B": "opus-4-6"), e.g. from crossjudge.yaml. */
  labels?: Record<string, string>;
}

/** The participants, each also named by its blind labels. */
const withLabels = (named: Named[], labels: Record<string, string>) =>
  named.map((n) => ({
    id: n.id,
    aliases: [
      ...n.aliases,
      ...Object.entries(labels)
        .filter(([, id]) => id === n.id)
        .map(([l]) => l),
    ],
  }));

/** The evaluation as the rules read it, with the labels it maps itself added to those given. */
function documentOf(markdown: string, named: Named[], given: Record<string, string>) {
  const bs = blocks(markdown);
  const plainIndex = new NameIndex(withLabels(named, given));
  const labels = { ...given, ...labelTable(bs, plainIndex, given) };
  const grew = Object.keys(labels).length > Object.keys(given).length;
  const index = grew ? new NameIndex(withLabels(named, labels)) : plainIndex;
  const ctx = { index, labels, participants: named.map((n) => n.id), self: evaluatorOf(bs, index) };
  return { blocks: bs, ctx, count: named.length } satisfies VerdictDocument;
}

/** Reads an evaluation's verdict. `named` lists the participants whose work was judged. */
export function readVerdict(
  markdown: string,
  named: Named[],
  options: ReadOptions = {},
): ReadVerdict {
  const doc = documentOf(markdown, named, options.labels ?? {});
  // structure before prose: a JSON judgment's ranking, scores or winner field decide
  const structured = jsonVerdict(markdown, doc.ctx.index);
  if (structured) return structured;
  // a verdict revised further down ("Edit: I'm revising my verdict") replaces what came before
  const revised = revisionStart(doc.blocks);
  const later =
    revised > 0
      ? settle(decisionsOf({ ...doc, blocks: doc.blocks.slice(revised) }).decisions)
      : null;
  const { decisions, ranking } = decisionsOf(doc);
  const v = later?.winner ? later : settle(decisions);
  if (!v) return { winner: null, evidence: '', reason: noVerdictReason(markdown, doc.ctx.labels) };
  return ranking && v.winner === ranking[0] ? { ...v, ranking } : v;
}
