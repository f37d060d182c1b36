// Pure logic: the close of a drafted post, a short paragraph of what was checked: who picked whom,
// where each quote given to the source's author was found (and the ones found nowhere), which size
// claims held and which did not. Nothing in it is an opinion; every number is one the checks made.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis, LocatedQuote } from '../analysis/analysis.ts';
import { claimSubject, measuredText } from '../analysis/findings.ts';
import { listInWords } from '../text/lists.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = listInWords;

/** Who picked whom, in one sentence. */
function picks(a: Analysis, name: (id: string) => string): string {
  const each = a.verdicts.map((v) =>
    v.winner === null
      ? `${name(v.judge)} picked neither`
      : v.self
        ? `${name(v.judge)} picked its own ${a.noun.one}`
        : `${name(v.judge)} picked ${name(v.winner)}’s ${a.noun.one}`,
  );
  const unsure = a.verdicts.filter((v) => v.doubt).length;
  return `${list(each)}${unsure ? ` (${plural(unsure, 'pick')} read by a model where the words left it open)` : ''}.`;
}

/** Where the quotes given to the author were found: the source, a skill's words, nowhere. */
function quotesFound(e: Experiment, a: Analysis, name: (id: string) => string): string {
  const attributed = a.quotes.filter((q) => q.kind === 'attributed');
  if (!attributed.length || e.manifest.source === null) return '';
  const author = e.manifest.sourceAuthor ?? 'the source’s author';
  const inSource = attributed.filter((q) => q.where === 'source');
  const abridged = inSource.filter((q) => q.match === 'abridged').length;
  const inSkill = attributed.filter((q) => q.where?.startsWith('skills/'));
  const nowhere = attributed.filter((q) => a.findings.includes(q as LocatedQuote));
  const whose = (q: LocatedQuote) =>
    q.at.kind === 'skill'
      ? `${name(q.at.participant)}’s ${a.noun.one}`
      : q.at.kind === 'evaluation'
        ? `${name(q.at.judge)}’s evaluation`
        : 'a text';
  const parts = [
    inSource.length &&
      `${inSource.length} ${inSource.length === 1 ? 'is' : 'are'} in the source${abridged ? ` (${abridged} with words left out)` : ''}`,
    inSkill.length &&
      `${inSkill.length} ${inSkill.length === 1 ? 'is' : 'are'} the words of ${list([...new Set(inSkill.map((q) => `${name(q.where!.split('/')[1])}’s ${a.noun.one}`))])}`,
    nowhere.length &&
      `${nowhere.length}, in ${list([...new Set(nowhere.map(whose))])}, ${nowhere.length === 1 ? 'is' : 'are'} nowhere`,
  ].filter((p): p is string => !!p);
  return parts.length
    ? `Of the ${plural(attributed.length, 'quote')} given to ${author}, ${list(parts)}.`
    : '';
}

/** The size claims: how many held, and each that did not. */
function sizesHeld(a: Analysis, name: (id: string) => string): string {
  const checked = a.claims.filter((c) => c.holds !== null);
  if (!checked.length) return '';
  const failed = checked.filter((c) => c.holds === false);
  const judges = [...new Set(checked.map((c) => c.at.judge))];
  const by = judges.map(
    (j) => `${checked.filter((c) => c.at.judge === j).length} in ${name(j)}’s evaluation`,
  );
  const lead = `The evaluations make ${plural(checked.length, 'size claim')} about the ${a.noun.many} the files can settle (${list(by)})`;
  if (!failed.length)
    return `${lead}; ${checked.length === 1 ? 'it holds' : `all ${checked.length} hold`}.`;
  return `${lead}; ${checked.length - failed.length} hold, and ${list(failed.map((c) => `“${c.phrase}” does not (${claimSubject(c, name)} has ${measuredText(c)})`))}.`;
}

export function closingNumbers(e: Experiment, a: Analysis, name: (id: string) => string): string[] {
  const changed = a.verdicts.filter((v) => v.consistent === false);
  const sentences = [
    picks(a, name),
    ...changed.map((v) => `${name(v.judge)} changed its pick when the order changed.`),
    quotesFound(e, a, name),
    sizesHeld(a, name),
  ].filter(Boolean);
  return [
    '## In short',
    '',
    sentences.join(' '),
    '',
    'Every file of the experiment follows in the appendix: the source, each skill and evaluation, the quote check and the fact check.',
    '',
  ];
}
