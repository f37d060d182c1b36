// Pure logic: finds the passages a text presents as quotes and checks them against the texts they
// may come from (references.ts): the source, the prompts, the skills, the evaluations. A finding is
// only a quote attributed to the source's author (attribution.ts) that is found nowhere; a quote
// found in another text is that text's ("quotes the other model's skill"); one with words left out
// is abridged; an illustrative string ("User says "add auth."") is no finding. Markdown is read
// with remark (text/markdown.ts).
import { regions } from '../text/markdown.ts';
import type { NameIndex } from '../text/names.ts';
import { quotations } from '../text/quotations.ts';
import { sentences } from '../text/sentences.ts';
import { attribution, type Attribution } from './attribution.ts';
import { quoteWords as words, type Policy, type ReferenceIndex } from './references.ts';

export { ReferenceIndex, type Reference } from './references.ts';

export interface QuoteCandidate {
  text: string;
  line: number;
  /** The sentence around the quote, as written. */
  context: string;
  /** Attributed to the source's author. */
  attributed: boolean;
  attribution: Attribution;
}

export interface QuoteCheck {
  text: string;
  file: string;
  line: number;
  context: string;
  kind: 'attributed' | 'illustrative';
  /**
   * How the words around it attribute an `attributed` quote to the author: by name or the source
   * itself (named), or by a pronoun or a reporting word alone (implied: a guess).
   */
  attribution?: 'named' | 'implied';
  /** The participant the words attribute it to instead (a quote of its skill). */
  attributedTo?: string;
  /** Found word for word (or abridged), ignoring case, whitespace, punctuation and quote styles. */
  found: boolean;
  /**
   * exact: found (whole, or in pieces around "…"); abridged: found with words left out; close: a
   * reference has a near copy with words changed; none: nothing like it anywhere; unchecked: found
   * nowhere, and there is no source to check it against.
   */
  match: 'exact' | 'abridged' | 'close' | 'none' | 'unchecked';
  where?: string;
  /** For an abridged or close match, the reference's own words. */
  closest?: string;
}

export const MIN_WORDS = 4;

/**
 * The markdown with code (fenced with ``` or ~~~, indented, inline), HTML and comments, and front
 * matter masked as remark reads them, keeping line numbers and offsets; and its blockquotes.
 */
function prose(markdown: string): { text: string; blockquotes: [number, number][] } {
  const { nonProse, blockquotes } = regions(markdown);
  let text = '';
  let at = 0;
  for (const [a, b] of nonProse.sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    text += markdown.slice(at, a) + markdown.slice(a, b).replace(/[^\n]/g, ' ');
    at = b;
  }
  return { text: text + markdown.slice(at), blockquotes };
}

/** Where the sentence holding offset i starts; a paragraph break ends every sentence. */
function sentenceStart(text: string, i: number): number {
  const para = text.lastIndexOf('\n\n', i - 1);
  const from = para < 0 ? 0 : para + 2;
  // up to and with the character at i, so that a sentence starting there is seen to
  const spans = sentences(text.slice(from, i + 1));
  return from + (spans[spans.length - 1]?.start ?? 0);
}

/** Start of the sentence before offset i; when the quote opens its sentence, the one before too. */
function contextBefore(text: string, i: number): number {
  const start = sentenceStart(text, i);
  const opens = !text.slice(start, i).replace(/[\s>*_-]/g, '');
  return opens && start > 0 ? sentenceStart(text, start - 2) : start;
}

/** The rest of the sentence after the quotation ending at `end`. */
function restOfSentence(text: string, end: number): string {
  // from the closing mark on, so that a sentence ending right after it is seen to
  const first = sentences(text.slice(end - 1, end + 120))[0];
  return first ? text.slice(end, end - 1 + first.end) : '';
}

/**
 * The passages a markdown text presents as quotes, each with whom its words attribute it to
 * (`participants`: the names of the participants, for a text that may quote their skills).
 */
export function findQuotes(
  markdown: string,
  authorNames: string[] = [],
  participants?: NameIndex,
): QuoteCandidate[] {
  const { text, blockquotes } = prose(markdown);
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const out: QuoteCandidate[] = [];
  const add = (quote: string, start: number, end: number) => {
    const clean = quote.replace(/\s+/g, ' ').trim();
    if (words(clean).length < MIN_WORDS) return;
    const from = contextBefore(text, start);
    // the rest of the sentence, unless the quote closed it ("... instead?")
    const after = /[.!?]["”]?$/.test(text.slice(start, end)) ? '' : restOfSentence(text, end);
    const context = (markdown.slice(from, start) + markdown.slice(start, end) + after)
      .replace(/\s+/g, ' ')
      .trim();
    const said = attribution(text.slice(from, start) + ' ' + after, authorNames, participants);
    out.push({
      text: clean,
      line: lineAt(start),
      context,
      attributed: said.author !== null,
      attribution: said,
    });
  };
  for (const q of quotations(text)) add(q.inner, q.start, q.end);
  // blockquotes, as remark finds them (nested ones within their parent)
  for (const [start, end] of blockquotes) {
    const body = text
      .slice(start, end)
      .replace(/^[ \t]*(?:> ?)+/gm, '')
      .trim();
    if (!/"|“/.test(body)) add(body, start, end);
  }
  return out.sort((a, b) => a.line - b.line);
}

export const CLOSE_ENOUGH = 0.75;

type Match = Pick<QuoteCheck, 'found' | 'match' | 'where' | 'closest'>;

/** Where a quote is found, abridged, or nearly, by the references the policy lets answer. */
function matchOf(quote: string, index: ReferenceIndex, policy?: Policy): Match {
  const where = index.find(quote, policy);
  if (where) return { found: true, match: 'exact', where };
  const abridged = index.abridged(quote, policy);
  if (abridged)
    return { found: true, match: 'abridged', where: abridged.where, closest: abridged.text };
  const near = index.closest(quote, policy);
  if (near && near.similarity >= CLOSE_ENOUGH)
    return { found: false, match: 'close', where: near.where, closest: near.text };
  return { found: false, match: index.has('source') ? 'none' : 'unchecked' };
}

export interface QuoteOptions {
  /** The participants' names: a quote whose words name one is of its skill. */
  participants?: NameIndex;
  /** Which references may answer for this file's quotes, and how (references.ts). */
  policy?: Policy;
}

export function checkQuotes(
  file: string,
  markdown: string,
  index: ReferenceIndex,
  authorNames: string[],
  options: QuoteOptions = {},
): QuoteCheck[] {
  return findQuotes(markdown, authorNames, options.participants).map((q) => {
    const { author, participant } = q.attribution;
    return {
      text: q.text,
      file,
      line: q.line,
      context: q.context,
      kind: author ? 'attributed' : 'illustrative',
      ...(author ? { attribution: author } : {}),
      ...(participant ? { attributedTo: participant } : {}),
      ...matchOf(q.text, index, options.policy),
    };
  });
}

/**
 * A finding: a quote attributed to the source's author that is not in the source nor anywhere
 * else, word for word or abridged (a close copy with words changed is one too).
 */
export const isFinding = (q: QuoteCheck) =>
  q.kind === 'attributed' && !q.found && q.match !== 'unchecked';
