// Pure logic: an experiment's notable findings, each a short sentence with the anchor of its
// evidence on the experiment page: a self-vote, a judge that changed its pick with the order (and
// which position it followed), an attributed quote the source does not contain, a claim about a
// skill that does not hold.
import { nameById, type Verdict } from '../content/schema.ts';
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from './analysis.ts';
import type { Claim } from './fact-check.ts';

export type FindingKind = 'self-vote' | 'order' | 'quote' | 'claim';

export interface Finding {
  kind: FindingKind;
  text: string;
  /** The parts of the evidence's anchor id on the experiment page, for Anchors.id(...parts) (anchors.ts). */
  anchor: string[];
}

/** "first", "second", "third" or "last" for a 0-based position among n. */
export function positionName(index: number, n: number): string {
  if (index === n - 1 && n > 2) return 'last';
  return ['first', 'second', 'third', 'fourth'][index] ?? `position ${index + 1}`;
}

/**
 * For a judge that did not keep its pick across orders: the 0-based position whose skill it picked in
 * every order, or null when its picks followed no single position (or it kept its pick).
 */
export function followedPosition(v: Pick<Verdict, 'runs'>): number | null {
  const runs = v.runs ?? [];
  if (runs.length < 2 || runs.some((r) => r.winner === null)) return null;
  if (new Set(runs.map((r) => r.winner)).size === 1) return null;
  const positions = new Set(runs.map((r) => r.order.indexOf(r.winner!)));
  return positions.size === 1 ? [...positions][0] : null;
}

const UNIT: Record<Claim['measure'], [string, string]> = {
  lines: ['line', 'lines'],
  files: ['file', 'files'],
  words: ['word', 'words'],
  'list-items': ['list item', 'list items'],
  headings: ['heading', 'headings'],
  steps: ['numbered step', 'numbered steps'],
};

const count = (n: number, c: Claim) =>
  `${n} ${UNIT[c.measure][n === 1 ? 0 : 1]}${c.section ? ` in “${c.section.heading}”` : ''}`;
const QUALIFIER: Record<Claim['qualifier'], string> = {
  exact: '',
  approx: 'about ',
  more: 'over ',
  less: 'under ',
  'at-least': 'at least ',
  'at-most': 'at most ',
};

/** What was measured, in words: "2 files", "7 list items in “What Good Looks Like”". */
export const measuredText = (c: Claim) =>
  c.measured === null ? 'not checkable' : count(c.measured, c);

/** What was claimed, in words: "about 250 lines", "7 numbered steps in “Default Workflow”". */
export const claimedText = (c: Claim) => QUALIFIER[c.qualifier] + count(c.claimed, c);

/** What a claim is about, in words: "Codex 5.3’s skill", "Opus 4.6’s references/philosophy.md". */
export function claimSubject(c: Claim, name: (id: string) => string): string {
  if (!c.about) return 'a skill';
  return `${name(c.about)}’s ${c.target ?? c.section?.file ?? 'skill'}`;
}

export function findingsOf(exp: Experiment, a: Analysis): Finding[] {
  const name = nameById(exp.manifest.participants);
  const hasEvaluation = (judge: string) => exp.evaluations.some((e) => e.judge === judge);
  const out: Finding[] = [];
  for (const v of a.verdicts) {
    if (v.self)
      out.push({
        kind: 'self-vote',
        text: `${name(v.judge)} voted for its own ${a.noun.one}`,
        anchor: hasEvaluation(v.judge) ? ['evaluation', v.judge, 'decision'] : ['verdict'],
      });
    if (v.consistent === false) {
      const at = followedPosition(v);
      const n = v.runs![0].order.length;
      const how =
        at === null
          ? 'its picks followed no single position'
          : `it picked whichever ${a.noun.one} was shown ${positionName(at, n)}`;
      out.push({
        kind: 'order',
        text: `${name(v.judge)} changed its pick when the order changed: ${how}`,
        anchor: ['runs', v.judge],
      });
    }
  }
  a.findings.forEach((q, i) => {
    const who =
      q.at.kind === 'skill'
        ? `${name(q.at.participant)}’s ${a.noun.one}`
        : q.at.kind === 'evaluation'
          ? `${name(q.at.judge)}’s evaluation`
          : 'the source';
    const author = exp.manifest.sourceAuthor ?? 'the source';
    const what =
      q.match === 'close' ? 'the source has different words' : 'the source does not contain it';
    out.push({
      kind: 'quote',
      text: `${who} quotes ${author} “${q.text.replace(/[.,;:]+$/, '')}”; ${what}`,
      anchor: ['quote', String(i + 1)],
    });
  });
  a.claims.forEach((c, i) => {
    if (c.holds !== false) return;
    const judge = name(c.at.judge);
    // a count of files names them, so that a reader sees what was counted
    const files =
      c.measure === 'files'
        ? (exp.skills.find((s) => s.participant === c.about)?.files ?? []).map((f) => f.path)
        : [];
    const which = files.length && files.length <= 4 ? ` (${files.join(', ')})` : '';
    out.push({
      kind: 'claim',
      text: `${judge}’s evaluation says ${claimSubject(c, name)} has ${claimedText(c)}; it has ${measuredText(c)}${which}`,
      anchor: ['claim', String(i + 1)],
    });
  });
  return out;
}
