// Pure logic: a starter post.md written from an experiment's data: the headline, the setup, the
// prompts, the figure, one pull-quote per judge chosen from its reasoning (not its label line), the
// skills side by side and the findings. Every quote in it passes the build's pull-quote check.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis } from '../analysis/analysis.ts';
import { displayName, nameById } from '../content/schema.ts';
import { locateQuote } from './pullquote.ts';
import { topFindings } from '../analysis/findings.ts';
import { blocks } from '../text/markdown.ts';
import { sentences } from '../text/sentences.ts';
import { countWords } from '../text/words.ts';
import { wordsRegExp } from '../text/patterns.ts';

/** Words of a sentence that states the verdict. */
const LABEL = wordsRegExp([
  'winner',
  'verdict',
  'decision',
  'prefer(?:red)?',
  'pick(?:ed)?',
  'choose',
  'chose',
  'better skill',
  'stronger skill',
  'skill [a-z0-9]+ (?:wins|is (?:the )?(?:better|stronger))',
]);
/** Words of a sentence that gives reasons. */
const REASONING = wordsRegExp([
  'because',
  'since',
  'while',
  'but',
  'whereas',
  'however',
  'more',
  'less',
  'better',
  'clearer',
  'keeps',
  'misses',
  'lacks',
  'instead',
  'rather',
  'than',
  'concrete',
  'specific',
  'faithful',
  'fidelity',
]);

/** The evaluation's sentences of plain prose: no headings, code, tables, quotes or label lines. */
function proseSentences(markdown: string): string[] {
  return blocks(markdown)
    .filter((b) => (b.kind === 'paragraph' || b.kind === 'item') && !b.quoted)
    .flatMap((b) => sentences(b.text).map((s) => s.text.replace(/\s+/g, ' ')));
}

/** The judge's most quotable sentence of reasoning, found word for word in its evaluation. */
export function pickQuote(evaluation: string): string | null {
  const lines = evaluation.split('\n');
  // not from the line that states the verdict
  const onLabelLine = (s: string) => {
    const at = locateQuote(s, evaluation);
    return !at || LABEL.test(lines[at.line - 1]);
  };
  const scored = proseSentences(evaluation)
    .filter((s) => !LABEL.test(s) && !onLabelLine(s))
    .map((s, i) => {
      const n = countWords(s);
      const score =
        (n >= 10 && n <= 40 ? 2 : n >= 6 && n <= 60 ? 1 : -5) +
        (REASONING.test(s) ? 2 : 0) -
        i * 0.01;
      return { s, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored[0]?.s ?? null;
}

export function draftPost(e: Experiment, a: Analysis, today: Date): string {
  const m = e.manifest;
  const name = nameById(m.participants);
  const yaml = (s: string) => JSON.stringify(s);
  const models = m.participants.map(displayName);
  const list = (xs: string[]) =>
    xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
  const out: string[] = [
    '---',
    `title: ${yaml(m.title)}`,
    `description: ${yaml(`${a.headline}.${m.summary ? ` ${m.summary}` : ''}`)}`,
    'author: "Your name"',
    `date: ${today.toISOString().slice(0, 10)}`,
    '---',
    '',
    `<!-- A draft written by \`npm run draft\` from the experiment's data. Every :::quote is checked against its file when the site builds. -->`,
    '',
    `${a.headline}.`,
    '',
    '::figure',
    '',
    '## The setup',
    '',
    `${list(models)} each wrote an agent skill from ${m.sourceTitle ? `“${m.sourceTitle}”` : 'the same source'}${m.sourceAuthor ? ` by ${m.sourceAuthor}` : ''}, then judged the skills${m.judging?.blind ? ' blind' : ''}${m.judging?.swap ? ', in every order' : ''}.`,
    '',
  ];
  for (const kind of ['generation', 'evaluation'] as const)
    if (m.prompts[kind]) out.push(`::prompt{kind="${kind}"}`, '');
  out.push('## What the judges said', '');
  for (const v of a.verdicts) {
    const ev = e.evaluations.find((x) => x.judge === v.judge);
    const pick =
      v.winner === null
        ? 'picked no skill'
        : v.winner === v.judge
          ? 'picked its own skill'
          : `picked ${name(v.winner)}’s skill`;
    out.push(`${name(v.judge)} ${pick}.`, '');
    const quote = ev && pickQuote(ev.content);
    if (quote) out.push(`:::quote{from="${ev.path}"}`, quote, ':::', '');
  }
  out.push('::matrix', '');
  if (e.skills.length >= 2)
    out.push(
      '## The skills side by side',
      '',
      `::compare{a="${e.skills[0].participant}" b="${e.skills[1].participant}"}`,
      '',
    );
  const findings = topFindings(e, a);
  if (findings.length) {
    out.push('## Findings', '');
    findings.forEach((_, i) => out.push(`::finding{n="${i + 1}"}`, ''));
  }
  return out.join('\n');
}
