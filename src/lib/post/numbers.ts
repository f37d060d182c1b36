// Pure logic: the close of a drafted post, the experiment's checked numbers in a list: the verdicts
// and self-votes, the quotes attributed to the source's author and how many the source lacks, the
// size claims checked and how many hold, and each artifact's size.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function closingNumbers(e: Experiment, a: Analysis, name: (id: string) => string): string[] {
  const read = a.verdicts.filter((v) => v.winner !== null && !v.doubt).length;
  const self = a.verdicts.filter((v) => v.self).length;
  const changed = a.verdicts.filter((v) => v.consistent === false).length;
  const ordered = a.verdicts.some((v) => (v.runs?.length ?? 0) > 1);
  const attributed = a.quotes.filter((q) => q.kind === 'attributed').length;
  const author = e.manifest.sourceAuthor ?? 'the source';
  const checked = a.claims.filter((c) => c.holds !== null);
  const hold = checked.filter((c) => c.holds).length;
  const items = [
    `${plural(a.verdicts.length, 'verdict')}, ${read} read from the judges’ own words; ${plural(self, 'self-vote')}.`,
    ...(ordered ? [`${plural(changed, 'judge')} changed its pick when the order changed.`] : []),
    ...(e.manifest.source !== null
      ? [
          `${plural(attributed, 'quote')} attributed to ${author} checked against the source; ${a.findings.length} not found there.`,
        ]
      : []),
    `${plural(checked.length, 'size claim')} in the evaluations checked against the files; ${hold} ${hold === 1 ? 'holds' : 'hold'}.`,
    ...a.skills.map(
      (s) =>
        `${name(s.participant)}’s ${a.noun.one}: ${plural(s.totals.files, 'file')}, ${plural(s.totals.lines, 'line')}, ${plural(s.totals.words, 'word')}.`,
    ),
  ];
  return [
    '## The numbers',
    '',
    ...items.map((i) => `- ${i}`),
    '',
    'Every file of the experiment follows in the appendix: the source, each skill and evaluation, the quote check and the fact check.',
    '',
  ];
}
