// Pure logic: every decision an evaluation holds, strongest places first (label lines, tables,
// rankings, decisive and concluding sections, the first sentence, a pick anywhere), and the verdict
// they settle on.
import {
  LABELLED,
  STRONG,
  WEAK,
  type Decision,
  type DocumentRule,
  type Ranking,
  type RankingRule,
  type VerdictDocument,
} from './decision.ts';
import { labelLines } from './rules/label-lines.ts';
import { taskList } from './rules/task-list.ts';
import { totalRow } from './rules/total-row.ts';
import { winnerRow } from './rules/winner-row.ts';
import { rankingLine } from './rules/ranking-line.ts';
import { rankedList } from './rules/ranked-list.ts';
import { rankTable } from './rules/rank-table.ts';
import { ordinalProse } from './rules/ordinal-prose.ts';
import { placeLines } from './rules/place-lines.ts';
import { concludingSections, decisiveSections } from './rules/sections.ts';
import { anywhere, firstSentence } from './rules/opening.ts';

export const RANKING_RULES: readonly RankingRule[] = [
  rankingLine,
  rankedList,
  rankTable,
  ordinalProse,
  placeLines,
];

/** The rankings' decision: their winner, unless they rank differently. */
function rankingDecision(rankings: Ranking[]): Decision[] {
  if (!rankings.length) return [];
  const orders = new Set(rankings.map((r) => r.ids.join()));
  return [
    orders.size > 1
      ? {
          winner: null,
          strength: LABELLED,
          evidence: rankings[0].evidence,
          why: 'the evaluation ranks differently in different places',
        }
      : { winner: rankings[0].ids[0], strength: LABELLED, evidence: rankings[0].evidence },
  ];
}

const BEFORE_RANKINGS: readonly DocumentRule[] = [labelLines, taskList, totalRow, winnerRow];
const AFTER_RANKINGS: readonly DocumentRule[] = [
  decisiveSections,
  concludingSections,
  firstSentence,
  anywhere,
];

/** Every decision of the document, in the order of the rules; the ranking, when all agree. */
export function decisionsOf(doc: VerdictDocument): { decisions: Decision[]; ranking?: string[] } {
  const decisions: Decision[] = [];
  for (const rule of BEFORE_RANKINGS) decisions.push(...rule.read(doc, decisions));
  const rankings = RANKING_RULES.flatMap((rule) => rule.find(doc));
  decisions.push(...rankingDecision(rankings));
  for (const rule of AFTER_RANKINGS) decisions.push(...rule.read(doc, decisions));
  const agreed = new Set(rankings.map((r) => r.ids.join())).size === 1;
  return { decisions, ...(agreed ? { ranking: rankings[0].ids } : {}) };
}

export interface Settled {
  winner: string | null;
  evidence: string;
  reason: string;
}

/** The verdict of the decisions: the strongest, unless a strong one disagrees. */
export function settle(decisions: Decision[]): Settled | null {
  if (!decisions.length) return null;
  const top = Math.max(...decisions.map((d) => d.strength));
  if (top < WEAK) {
    const why = decisions[0].why ?? 'no sentence says which is better';
    return { winner: null, evidence: decisions[0].evidence, reason: why };
  }
  const best = decisions.filter((d) => d.strength === top);
  const lead = best.find((d) => d.winner === null) ?? best[0];
  if (lead.winner === null)
    return { winner: null, evidence: lead.evidence, reason: lead.why ?? 'undecided' };
  const conflict = decisions.find(
    (d) => d.winner !== null && d.winner !== lead.winner && d.strength >= Math.min(top, STRONG),
  );
  if (!conflict)
    return { winner: lead.winner, evidence: lead.evidence, reason: 'read from the evaluation' };
  const quote = (d: Decision) => `"${d.evidence.slice(0, 80)}"`;
  const places = `${quote(lead)} and ${quote(conflict)}`;
  return {
    winner: null,
    evidence: lead.evidence,
    reason: `the evaluation names different winners in different places (${places})`,
  };
}
