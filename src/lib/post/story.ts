// Pure logic: a draft's findings told as prose, each with its evidence quoted word for word: a quote
// the source never says (the skill's line, the source's silence, and what each judge did with it),
// what a judge said about the sizes of the skills and what the fact check measured, a self-vote, a
// pick that followed the order. Every quote is checked against its file before it is written, as
// the build will check it again.
import type { Experiment } from '../content/experiment.ts';
import type { Analysis, LocatedClaim, LocatedQuote } from '../analysis/analysis.ts';
import { pathOf } from '../content/experiment/location.ts';
import { references } from '../analysis/quote-check.ts';
import { claimSubject, measuredText, topFindings } from '../analysis/findings.ts';
import { locateQuote } from './pullquote.ts';
import { claimPassage, proseSentences, verdictQuote, type Sentence } from './quotable.ts';
import { blindSpot } from './blind-spot.ts';
import { stem, wordList } from '../text/words.ts';
import { FREQUENT_WORDS, FUNCTION_WORDS } from '../text/words/function-words.ts';
import { wordsRegExp } from '../text/patterns.ts';

/** What a story needs: the experiment, its analysis, and a participant's display name. */
export interface Teller {
  e: Experiment;
  a: Analysis;
  name: (id: string) => string;
}

/** A text of the experiment by its path in the folder (as a pull-quote's from="..." names it). */
export function textAt(e: Experiment, from: string): string | undefined {
  if (e.manifest.source !== null && from === e.manifest.source) return e.source;
  const ev = e.evaluations.find((x) => x.path === from);
  if (ev) return ev.content;
  for (const s of e.skills)
    for (const f of s.files)
      if (pathOf({ kind: 'skill', participant: s.participant, file: f.path }, e.manifest) === from)
        return f.content ?? undefined;
  return undefined;
}

/**
 * Curly quotes in a pull-quote, which the page sets inside “ ”: an apostrophe ’, a quote inside it
 * ‘single’. The words stay the file's (the check takes every quote mark for one).
 */
export const typeset = (text: string) =>
  text
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/(^|[\s([—–-])["“]/gu, '$1‘')
    .replace(/["”]/g, '’')
    .replace(/(^|[\s([])'/gu, '$1‘')
    .replace(/'/g, '’');

/** Curly apostrophes in the draft's own prose: "Sonnet's" → "Sonnet’s". */
export const curly = (text: string) => text.replace(/(\p{L}|\d)'(\p{L})/gu, '$1’$2');

/** A pull-quote of `text` from the file `from`, when it is there word for word; else nothing. */
export function pullQuote(e: Experiment, from: string, text: string | null | undefined): string[] {
  const file = textAt(e, from);
  const clean = text?.replace(/^#{1,6}\s+/, '').trim();
  if (!file || !clean || !locateQuote(clean, file)) return [];
  return [`:::quote{from="${from}"}`, typeset(clean), ':::', ''];
}

/** Words that say a text doubts a quote: "not in the tweet", "fabricated", "misattributed". */
const DOUBT = wordsRegExp([
  'not in the (?:tweet|source|text|note|post)',
  'never (?:says|said|mentions|mentioned|uses|used)',
  "(?:doesn't|does not|didn't|did not) (?:say|mention|use)",
  'fabricat\\w*',
  'invent\\w*',
  'made[- ]up',
  'hallucinat\\w*',
  'misattribut\\w*',
  'misquot\\w*',
  'unsupported',
  'not supported',
  "(?:could not|couldn't|cannot|can't|did not|didn't) find",
  "(?:is not|isn't|does not appear|doesn't appear) (?:in|anywhere)",
  'nowhere in',
]);

/** Words that say little about an idea. */
const STOP = new Set<string>([...FUNCTION_WORDS, ...FREQUENT_WORDS]);
export const contentStems = (text: string) =>
  wordList(text)
    .filter((w) => w.length >= 4 && !STOP.has(w))
    .map(stem);

/** The quote's words the source does not have: what marks the idea as the skill's own. */
export function distinctiveStems(quote: string, source: string): string[] {
  const known = new Set(contentStems(source));
  return [...new Set(contentStems(quote).filter((w) => !known.has(w)))];
}

/** The nearest heading above a line of a file, as written. */
function headingAbove(file: string, line: number): string | null {
  const lines = file.split('\n').slice(0, line - 1);
  const heading = lines.reverse().find((l) => /^#{1,6}\s/.test(l));
  return heading ? heading.replace(/^#+\s*/, '').trim() : null;
}

/** What one judge's evaluation did with a quote: repeated it, took the idea up, questioned it, or nothing. */
type Reading =
  { kind: 'questions' | 'repeats' | 'takes-up'; sentence: Sentence } | { kind: 'silent' };

function readingOf(evaluation: string, quote: string, stems: string[]): Reading {
  const all = proseSentences(evaluation);
  const has = (s: Sentence) => contentStems(s.text).filter((w) => stems.includes(w)).length;
  const repeating = all.filter((s) => locateQuote(quote, s.block));
  const mentioning = stems.length ? all.filter((s) => has(s) > 0) : [];
  const doubting = [...repeating, ...mentioning].find((s) => DOUBT.test(s.text));
  if (doubting) return { kind: 'questions', sentence: doubting };
  if (repeating.length) return { kind: 'repeats', sentence: repeating[0] };
  const most = mentioning.sort((x, y) => has(y) - has(x))[0];
  return most ? { kind: 'takes-up', sentence: most } : { kind: 'silent' };
}

/** What the judges did with a quote found nowhere, each told with its evidence. */
function judgesOn(t: Teller, q: LocatedQuote, author: string | null): string[] {
  const { e, name } = t;
  const stems = distinctiveStems(q.text, e.source);
  const out: string[] = [];
  const silent: string[] = [];
  let questioned = false;
  for (const ev of e.evaluations) {
    const r = readingOf(ev.content, q.text, stems);
    const own = ev.judge === author;
    const who = own ? `${name(ev.judge)}’s own evaluation` : `${name(ev.judge)}’s evaluation`;
    if (r.kind === 'silent') {
      silent.push(who);
      continue;
    }
    questioned ||= r.kind === 'questions';
    const said = {
      questions: `${who} questions it:`,
      repeats: `${who} repeats the quote without questioning it:`,
      'takes-up': `${who}${own ? ', rather than catching it,' : ''} takes the idea up in its own words:`,
    }[r.kind];
    const quote = pullQuote(e, ev.path, r.sentence.text);
    if (quote.length) out.push(said, '', ...quote);
  }
  const unflagged = !questioned && e.evaluations.length > 0;
  if (silent.length)
    out.push(
      `${silent.join(' and ')} ${silent.length === 1 ? 'does' : 'do'} not mention it${unflagged ? ': no judge flagged it' : ''}.`,
      '',
    );
  else if (unflagged) out.push('No judge flagged it.', '');
  return out;
}

/** What the quote check searched, in words, from its own list of texts: never a text not recorded. */
function searched(t: Teller): string {
  const where = references(t.e).map((r) => r.where);
  const kinds = [
    where.includes('source') && 'the source',
    where.some((w) => w.startsWith('prompts/')) &&
      (where.filter((w) => w.startsWith('prompts/')).length > 1 ? 'the prompts' : 'the prompt'),
    where.some((w) => w.startsWith('skills/')) && `the ${t.a.noun.many}`,
    t.e.evaluations.length > 0 && 'the evaluations',
  ].filter((k): k is string => !!k);
  return kinds.length < 2 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

/** The participant whose skill or evaluation holds the quote, if any. */
const ownerOf = (q: LocatedQuote) =>
  q.at.kind === 'skill' ? q.at.participant : q.at.kind === 'evaluation' ? q.at.judge : null;

/** Whether the evaluation of the model that wrote the quote questions it. */
function ownerQuestions(t: Teller, q: LocatedQuote): boolean {
  const ev = t.e.evaluations.find((x) => x.judge === ownerOf(q));
  const stems = distinctiveStems(q.text, t.e.source);
  return !!ev && readingOf(ev.content, q.text, stems).kind === 'questions';
}

/** A quote given to the source's author that the source does not contain, told with its evidence. */
function fabrication(t: Teller, q: LocatedQuote): string[] {
  const { e, a, name } = t;
  const m = e.manifest;
  const author = m.sourceAuthor ?? 'the source’s author';
  const from = pathOf(q.at, m);
  const file = textAt(e, from) ?? '';
  const under = headingAbove(file, q.line);
  const owner = ownerOf(q);
  const whose = owner
    ? `${name(owner)}’s ${q.at.kind === 'skill' ? a.noun.one : 'evaluation'}`
    : 'A text';
  const quote = pullQuote(e, from, q.context).length
    ? pullQuote(e, from, q.context)
    : pullQuote(e, from, q.text);
  const source = m.sourceTitle ? `“${m.sourceTitle}”` : `The source (${m.source})`;
  return [
    `### A quote the source does not contain`,
    '',
    `${whose} gives these words to ${author}, in \`${q.at.kind === 'skill' ? q.at.file : from}\`${under ? ` under “${under}”` : ''}:`,
    '',
    ...quote,
    `${source} never says “${q.text.replace(/[.,;:]+$/, '')}”${q.where ? '' : `: these words are nowhere in ${searched(t)}`}.`,
    '',
    ...judgesOn(t, q, owner),
  ];
}

/** One claim as measured: "Opus 4.6’s skill has 248 lines (said: about 250 lines)". */
const measured = (c: LocatedClaim, name: (id: string) => string) =>
  `- “${c.phrase}”: ${claimSubject(c, name)} has ${measuredText(c)}${c.counted?.length ? ` (${c.counted.join(', ')})` : ''}${c.note ? `, ${c.note}` : ''}${c.holds ? '' : '; **it does not hold**'}.`;

/** The judge's sentence that says most about its own artifact, or any sentence of checked claims. */
function bestClaimSentence(a: Analysis): LocatedClaim[] {
  const bySentence = new Map<string, LocatedClaim[]>();
  for (const c of a.claims.filter((c) => c.holds !== null)) {
    const key = `${c.file}\n${c.sentence}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), c]);
  }
  const score = (cs: LocatedClaim[]) =>
    cs.filter((c) => c.holds === false && !c.tentative).length * 20 +
    cs.filter((c) => c.about === c.at.judge).length * 10 +
    cs.filter((c) => c.measure === 'lines').length * 3 +
    cs.length;
  return [...bySentence.values()].sort((x, y) => score(y) - score(x))[0] ?? [];
}

/** What a judge said about the sizes of the skills, quoted, and what the fact check measured. */
function sizes(t: Teller): string[] {
  const { e, name } = t;
  const claims = bestClaimSentence(t.a);
  if (!claims.length) return [];
  const c0 = claims[0];
  const judge = c0.at.judge;
  const self = claims.some((c) => c.about === judge);
  const ev = e.evaluations.find((x) => x.judge === judge)!;
  const quote = pullQuote(e, ev.path, undangled(claimPassage(ev.content, c0.sentence)));
  if (!quote.length) return [];
  const hold = claims.every((c) => c.holds);
  return [
    self
      ? `### ${name(judge)} sizes up its own ${t.a.noun.one}`
      : `### What ${name(judge)} counted`,
    '',
    `${name(judge)}’s evaluation says:`,
    '',
    ...quote,
    hold
      ? `Measured, ${claims.length === 1 ? 'it holds' : `each of the ${claims.length} holds`}:`
      : 'Measured:',
    '',
    ...claims.map((c) => measured(c, name)),
    '',
  ];
}

/** Self-votes and picks that followed the order, each with the judge's words. */
function verdictStories(t: Teller): string[] {
  const { e, a, name } = t;
  const out: string[] = [];
  for (const v of a.verdicts) {
    const ev = e.evaluations.find((x) => x.judge === v.judge);
    const words = ev ? pullQuote(e, ev.path, v.evidence) : [];
    // the judging already quotes the verdict in the judge's words when it can
    const told = !!ev && verdictQuote(ev.content, v.evidence) !== null;
    if (v.self && !v.doubt && !told)
      out.push(
        `### ${name(v.judge)} voted for itself`,
        '',
        `${name(v.judge)} judged its own ${a.noun.one} the better one${words.length ? ', in these words:' : '.'}`,
        '',
        ...words,
      );
    const order = topFindings(e, a).find((f) => f.kind === 'order' && f.anchor[1] === v.judge);
    if (order) out.push(`### ${name(v.judge)} followed the order`, '', `${order.text}.`, '');
  }
  return out;
}

/** A passage without the conjunction it opens with ("But the skill…" → "The skill…"): it reads alone. */
const undangled = (s: string) => {
  const rest = s.replace(/^(?:but|and|so|yet|however,?)\s+/i, '');
  return rest === s ? s : rest[0].toUpperCase() + rest.slice(1);
};

/** The findings, told: a quote found nowhere, sizes checked, self-votes and order. */
export function findingsStory(t: Teller): string[] {
  const { e, a } = t;
  const certain = topFindings(e, a);
  const quotes = certain
    .filter((f) => f.kind === 'quote')
    .map((f) => a.findings[Number(f.anchor[1]) - 1])
    .filter((q): q is LocatedQuote => !!q);
  // a skill's own model that missed the quote it made up, after what that model said of its skill
  const missed = quotes.flatMap((q) =>
    q.at.kind === 'skill' ? blindSpot(t, q.at.participant, ownerQuestions(t, q)) : [],
  );
  return [
    ...quotes.flatMap((q) => fabrication(t, q)),
    ...sizes(t),
    ...missed,
    ...verdictStories(t),
  ];
}
