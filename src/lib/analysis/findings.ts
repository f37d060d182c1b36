// Pure logic: an experiment's notable findings, each a short sentence with the anchor of its
// evidence on the experiment page: a self-vote, a judge that changed its pick with the order (and
// which position it followed), an attributed quote found nowhere, a claim about a skill that does
// not hold. Each is certain (measured or found beyond doubt: a quote attributed to the author by
// name and found nowhere, a size measured on what the claim names, a pick read from the judge's
// own words) or tentative (resolved by a guess: a pronoun, a number reference, a model's reading,
// a count that reads the words one way, a quote with words changed). Only certain ones stand at
// the top of the page, on its card in the index and in the feed (topFindings); the tentative ones
// stay in the appendix, marked.
import { nameById, type Verdict } from '../content/schema.ts';
import type { Experiment } from '../content/experiment.ts';
import type { Location } from '../content/experiment/location.ts';
import type { Analysis, LocatedQuote } from './analysis.ts';
import type { Claim } from './fact-check.ts';

export type FindingKind = 'self-vote' | 'order' | 'quote' | 'claim';

export interface Finding {
  kind: FindingKind;
  text: string;
  /** The parts of the evidence's anchor id on the experiment page, for Anchors.id(...parts) (anchors.ts). */
  anchor: string[];
  /** Measured or found beyond doubt; else tentative, and kept to the appendix. */
  certain: boolean;
  /** For a tentative finding: what was guessed. */
  doubt?: string;
}

/** A finding, certain unless there is a doubt. */
const finding = (kind: FindingKind, text: string, anchor: string[], doubt?: string): Finding => ({
  kind,
  text,
  anchor,
  certain: !doubt,
  ...(doubt ? { doubt } : {}),
});

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
  const files = c.files?.join(' and ');
  return `${name(c.about)}’s ${c.target ?? files ?? c.section?.file ?? 'skill'}`;
}

/** Who wrote a text of the experiment: "Opus 4.6’s skill", "Codex 5.3’s evaluation". */
function authorOf(at: Location | undefined, name: (id: string) => string, noun: string): string {
  if (at?.kind === 'skill') return `${name(at.participant)}’s ${noun}`;
  if (at?.kind === 'evaluation') return `${name(at.judge)}’s evaluation`;
  return 'the source';
}

function verdictFindings(exp: Experiment, a: Analysis, name: (id: string) => string): Finding[] {
  const hasEvaluation = (judge: string) => exp.evaluations.some((e) => e.judge === judge);
  return a.verdicts.flatMap((v) => {
    const out: Finding[] = [];
    if (v.self)
      out.push(
        finding(
          'self-vote',
          `${name(v.judge)} voted for its own ${a.noun.one}`,
          hasEvaluation(v.judge) ? ['evaluation', v.judge, 'decision'] : ['verdict'],
          v.doubt,
        ),
      );
    if (v.consistent === false) {
      const at = followedPosition(v);
      const n = v.runs![0].order.length;
      const how =
        at === null
          ? 'its picks followed no single position'
          : `it picked whichever ${a.noun.one} was shown ${positionName(at, n)}`;
      out.push(
        finding('order', `${name(v.judge)} changed its pick when the order changed: ${how}`, [
          'runs',
          v.judge,
        ]),
      );
    }
    return out;
  });
}

/** Why a quote finding is only tentative, if it is. */
export function quoteDoubt(q: LocatedQuote): string | undefined {
  if (q.match === 'close')
    return 'a passage has these words with others changed: a paraphrase, or a misquote';
  if (q.attribution === 'implied')
    return 'the quote is given to the author by a pronoun or a reporting word, not by name';
  return undefined;
}

function quoteFindings(exp: Experiment, a: Analysis, name: (id: string) => string): Finding[] {
  const author = exp.manifest.sourceAuthor ?? 'the source';
  return a.findings.map((q, i) => {
    const where = q.where?.startsWith('prompts/')
      ? 'the prompt'
      : authorOf(q.foundAt, name, a.noun.one);
    const what =
      q.match === 'close' ? `${where} has different words` : 'the source does not contain it';
    return finding(
      'quote',
      `${authorOf(q.at, name, a.noun.one)} quotes ${author} “${q.text.replace(/[.,;:]+$/, '')}”; ${what}`,
      ['quote', String(i + 1)],
      quoteDoubt(q),
    );
  });
}

function claimFindings(a: Analysis, name: (id: string) => string): Finding[] {
  return a.claims.flatMap((c, i) => {
    if (c.holds !== false) return [];
    const judge = name(c.at.judge);
    // a count of files names them, so that a reader sees what was counted
    const files = c.measure === 'files' ? (c.counted ?? []) : [];
    const which = files.length && files.length <= 4 ? ` (${files.join(', ')})` : '';
    // "Gemini’s SKILL.md and examples.md have about 40 lines; they have 96 lines"
    const several = (c.files?.length ?? 0) > 1;
    const [has, they] = several ? ['have', 'they have'] : ['has', 'it has'];
    return [
      finding(
        'claim',
        `${judge}’s evaluation says ${claimSubject(c, name)} ${has} ${claimedText(c)}; ${they} ${measuredText(c)}${which}`,
        ['claim', String(i + 1)],
        c.tentative,
      ),
    ];
  });
}

/** Every finding of an experiment, certain and tentative, in the order the page shows them. */
export function findingsOf(exp: Experiment, a: Analysis): Finding[] {
  const name = nameById(exp.manifest.participants);
  return [
    ...verdictFindings(exp, a, name),
    ...quoteFindings(exp, a, name),
    ...claimFindings(a, name),
  ];
}

/** The findings that stand at the top of the page, on its card and in the feed: the certain ones. */
export const topFindings = (exp: Experiment, a: Analysis): Finding[] =>
  findingsOf(exp, a).filter((f) => f.certain);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the verdicts were checked for: "no self-vote", or in how many of them. */
function verdictsChecked(a: Analysis): string {
  const all = a.verdicts.length;
  const read = a.verdicts.filter((v) => v.winner !== null && !v.doubt).length;
  if (!all) return 'no verdict recorded';
  if (!read) return 'no verdict could be read';
  if (read === all) return 'no self-vote';
  const none = all - read;
  return `no self-vote in the ${plural(read, 'verdict')} with a winner (${none} of ${all} ${none === 1 ? 'has' : 'have'} none that could be read from the judge’s words)`;
}

/** What the quotes were checked for, when the check could be made. */
function quotesChecked(exp: Experiment, a: Analysis): string | null {
  const author = exp.manifest.sourceAuthor ?? 'the source';
  if (exp.manifest.source === null || !exp.source.trim())
    return 'no source to check quotes against';
  const attributed = a.quotes.filter((q) => q.kind === 'attributed');
  if (a.findings.length) return null;
  return attributed.length
    ? `every quote attributed to ${author} was found (${plural(attributed.length, 'quote')} checked)`
    : `no quote is attributed to ${author}`;
}

/**
 * The lead when nothing certain was found: the checks that were made and what they found, and
 * nothing about a check that was not made (no order was changed, no source, a verdict not read).
 */
export function nothingFlagged(exp: Experiment, a: Analysis): string {
  const ordered = a.verdicts.some((v) => (v.runs?.length ?? 0) > 1);
  const checked = a.claims.filter((c) => c.holds !== null).length;
  const failing = a.claims.some((c) => c.holds === false);
  const parts = [
    verdictsChecked(a),
    ...(ordered ? ['no judge changed its pick with the order'] : []),
    quotesChecked(exp, a),
    checked && !failing
      ? `the ${plural(checked, 'checked claim')} about the ${a.noun.many} ${checked === 1 ? 'holds' : 'hold'}`
      : null,
  ].filter((p): p is string => !!p);
  const last = parts.length > 1 ? `, and ${parts.pop()}` : '';
  return `Nothing flagged: ${parts.join(', ')}${last}.`;
}

/** The tentative findings, in a line for the top: how many, and that they are in the appendix. */
export function tentativeNote(findings: Finding[]): string | null {
  const n = findings.filter((f) => !f.certain).length;
  if (!n) return null;
  return `${plural(n, 'tentative finding')}, resting on a guess, ${n === 1 ? 'is' : 'are'} in the appendix, marked.`;
}
