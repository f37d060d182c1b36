// Pure logic: a starter post.md written from an experiment's data, telling its story in order: the
// headline (its strongest certain finding) as the title, the setup (the flow figure, the prompts
// folded, or a placeholder asking for them), what each model made (a paragraph and a pull-quote
// from its artifact), the judging (the verdict figure, a pull-quote of each judge's reasoning), the
// findings told with their evidence quoted (story.ts), and a close with the checked numbers. Every
// quote in it passes the build's pull-quote check.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';
import { displayName, nameById } from '../content/schema.ts';
import { modelsOf } from '../content/model-of.ts';
import { topFindings, type Finding } from '../analysis/findings.ts';
import { pickQuote, verdictQuote } from './quotable.ts';
import { curly, findingsStory, pullQuote, type Teller } from './story.ts';
import { closingNumbers } from './numbers.ts';
import { made } from './made.ts';
import { experimentCredit } from './credit.ts';
import { pickSourceSentence } from './source-quote.ts';
import { PLACEHOLDER_AUTHOR } from './placeholders.ts';
import { listInWords } from '../text/lists.ts';

export { pickQuote } from './quotable.ts';

export interface DraftOptions {
  /** The post's date: the experiment's last commit, its newest file, its import or its run. */
  date: Date;
  /** The author (the user's git identity); a placeholder the build warns about when absent. */
  author?: string;
}

/**
 * The date of the experiment: for a run, the day its last call started; else the manifest's (for an
 * import, its last commit's, else its newest file's, else the import's).
 */
export function experimentDate(e: Experiment): Date {
  const starts = e.calls.map((c) => Date.parse(c.startedAt)).filter((t) => !Number.isNaN(t));
  return e.manifest.provenance.kind === 'run' && starts.length
    ? new Date(Math.max(...starts))
    : e.manifest.date;
}

/** The findings in order of strength: a quote found nowhere, a size that does not hold, a self-vote, the order. */
const STRENGTH: Finding['kind'][] = ['quote', 'claim', 'self-vote', 'order'];

/** The headline: the strongest certain finding, or who voted for whom when nothing was found. */
export function draftHeadline(e: Experiment, a: Analysis): string {
  const strongest = topFindings(e, a).sort(
    (x, y) => STRENGTH.indexOf(x.kind) - STRENGTH.indexOf(y.kind),
  )[0];
  const text = strongest?.text ?? a.headline;
  return text[0].toUpperCase() + text.slice(1);
}

const list = listInWords;
const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');

/** The lede: who made what from what (who voted for whom is said once, in the body). */
function lede(e: Experiment, a: Analysis): string {
  const m = e.manifest;
  const source = `${m.sourceTitle ? `“${m.sourceTitle}”` : 'the same source'}${m.sourceAuthor ? ` by ${m.sourceAuthor}` : ''}`;
  return `${list(modelsOf(m.participants).map(displayName))} each wrote ${article(a.noun.one)} ${a.noun.one}${m.source !== null ? ` from ${source}` : ''}, then judged them.`;
}

/** A sentence of the source, quoted: what the models were given. */
function sourceQuote(e: Experiment, a: Analysis): string[] {
  const m = e.manifest;
  if (m.source === null) return [];
  const quote = pullQuote(e, m.source, pickSourceSentence(e, a));
  if (!quote.length) return [];
  const what = m.sourceTitle ? `“${m.sourceTitle}”` : 'The source';
  return [
    `${what}${m.sourceAuthor ? `, by ${m.sourceAuthor},` : ''} reads, in part:`,
    '',
    ...quote,
  ];
}

/** The setup: generation, then cross-evaluation, as a figure; the prompts folded, or asked for. */
function setup(e: Experiment, a: Analysis): string[] {
  const m = e.manifest;
  const { one, many } = a.noun;
  const prompts = (['generation', 'evaluation'] as const).filter((k) => m.prompts[k]);
  const missing = (['generation', 'evaluation'] as const).filter((k) => !m.prompts[k]);
  const how = [m.judging?.blind && 'blind', m.judging?.swap && 'in every order'].filter(Boolean);
  const credit = experimentCredit(m);
  return [
    '## The setup',
    '',
    ...(credit ? [credit, ''] : []),
    `First, generation: each model was given ${[prompts.includes('generation') && 'the same prompt', m.source !== null && 'the source'].filter(Boolean).join(' and ') || 'the same task'} and wrote ${article(one)} ${one}. Then, cross-evaluation: each judge read the ${many}${how.length ? ` (${how.join(', ')})` : ''} and picked the one it found better.`,
    '',
    '::flow',
    '',
    ...sourceQuote(e, a),
    ...prompts.flatMap((k) => [`::prompt{kind="${k}"}`, '']),
    ...(missing.length
      ? [
          `::todo[The ${missing.join(' and ')} prompt${missing.length > 1 ? 's are' : ' is'} not recorded: add ${missing.map((k) => `prompts.${k}`).join(' and ')} to experiment.yaml, then put ${missing.map((k) => `::prompt{kind="${k}"}`).join(' and ')} here in place of this line.]`,
          '',
        ]
      : []),
  ];
}

/** The judging: the verdict figure, each judge's pick with its words, and who voted for whom (unless the title says it). */
function judging(t: Teller, title: string): string[] {
  const { e, a, name } = t;
  const out = ['## The judging', '', '::figure', ''];
  for (const v of a.verdicts) {
    const ev = e.evaluations.find((x) => x.judge === v.judge);
    const pick =
      v.winner === null
        ? 'picked no skill'
        : v.self
          ? `picked its own ${a.noun.one}`
          : `picked ${name(v.winner)}’s ${a.noun.one}`;
    const quote = ev
      ? pullQuote(e, ev.path, verdictQuote(ev.content, v.evidence) ?? pickQuote(ev.content))
      : [];
    out.push(`${name(v.judge)} ${pick}${quote.length ? ':' : '.'}`, '', ...quote);
  }
  if (!title.startsWith(a.headline)) out.push(`${a.headline}.`, '');
  return out;
}

/** The findings' heading: what a reader wants to know, by what was found. */
const storyHeading = (a: Analysis) =>
  a.findings.length || a.claims.some((c) => c.holds === false)
    ? 'What the models got wrong'
    : 'What the models said of each other';

/** A change to each line of prose, leaving the pull-quotes (typeset already) as they are. */
function outsideQuotes(change: (line: string) => string) {
  let inQuote = false;
  return (line: string) => {
    if (line.startsWith(':::quote')) inQuote = true;
    else if (line === ':::') inQuote = false;
    return inQuote || line.startsWith(':::') ? line : change(line);
  };
}

export function draftPost(e: Experiment, a: Analysis, options: DraftOptions): string {
  const m = e.manifest;
  const t: Teller = { e, a, name: nameById(m.participants) };
  const yaml = (s: string) => JSON.stringify(s);
  const title = curly(draftHeadline(e, a));
  // a sentence the findings quote is not quoted again as what its model made
  const avoid = a.findings.map((q) => q.context);
  const story = findingsStory(t);
  return [
    '---',
    `title: ${yaml(title)}`,
    `description: ${yaml(lede(e, a))}`,
    `author: ${yaml(options.author?.trim() || PLACEHOLDER_AUTHOR)}`,
    `date: ${options.date.toISOString().slice(0, 10)}`,
    '---',
    '',
    `<!-- A draft written by \`npm run draft\` from the experiment's data. Every :::quote is checked against its file when the site builds; the build warns while a placeholder is left. -->`,
    '',
    ...setup(e, a),
    ...made(t, avoid),
    ...judging(t, title),
    ...(story.length ? [`## ${storyHeading(a)}`, '', ...story] : []),
    ...closingNumbers(e, a, t.name),
  ]
    .map(outsideQuotes(curly))
    .join('\n');
}
