// Pure logic: finds the passages a text presents as quotes and checks them against the texts they
// may come from. A quote attributed to the source's author that the source does not contain is a
// finding; an illustrative string ("User says "add auth."") is not. Markdown is read with remark
// (text/markdown.ts).
import { regions } from '../text/markdown.ts';
import { anyOf } from '../text/patterns.ts';
import { REPORTING_VERBS, SOURCE_KINDS, THEIR_WORDS } from './quote-words.ts';
import { quotations } from '../text/quotations.ts';
import { sentences } from '../text/sentences.ts';
import { words as wordsWithOffsets, type Word } from '../text/words.ts';

export interface QuoteCandidate {
  text: string;
  line: number;
  /** The sentence around the quote, as written. */
  context: string;
  attributed: boolean;
}

export interface Reference {
  /** Where the text lives: "source" or a file path such as "skills/opus/SKILL.md". */
  where: string;
  text: string;
}

export interface QuoteCheck {
  text: string;
  file: string;
  line: number;
  context: string;
  kind: 'attributed' | 'illustrative';
  /** Found word for word, ignoring case, whitespace, punctuation and quote styles. */
  found: boolean;
  /**
   * exact: found; close: the reference has a near copy (words changed or left out); none: nothing
   * like it.
   */
  match: 'exact' | 'close' | 'none';
  where?: string;
  /** For a close match, the reference's own words. */
  closest?: string;
}

export const MIN_WORDS = 4;

/** Words with where they stand: lowercase, apostrophes dropped ("don't" -> "dont"). */
const wordSpans = (s: string): Word[] => wordsWithOffsets(s, { joinApostrophes: true });
const words = (s: string) => wordSpans(s).map((x) => x.word);

/** Attribution: the author by name, the source itself, or a reporting verb about a person. */
const SOURCE_WORDS = new RegExp(
  `\\b(?:the|this|that|his|her|their|original) ${anyOf(SOURCE_KINDS)}\\b`,
  'i',
);
const SPEECH = new RegExp(
  `\\b(?:he|she|they|author|who) (?:also )?${anyOf(REPORTING_VERBS)}\\b`,
  'i',
);
const HIS_WORDS = new RegExp(
  `\\b(?:his|her|their) (?:own )?${anyOf(THEIR_WORDS)}\\b` +
    '|\\bin (?:his|her|their) words\\b|\\bquot(?:e|es|ed|ing)\\b',
  'i',
);

/** "If he were to review it, he'd say "..."": made-up words, not a claim about the source. */
const HYPOTHETICAL = /\b(?:if|imagine|would|might|he'd|she'd|they'd|could say)\b/i;

function isAttributed(context: string, names: string[]): boolean {
  if (HYPOTHETICAL.test(context)) return false;
  if (SOURCE_WORDS.test(context) || SPEECH.test(context) || HIS_WORDS.test(context)) return true;
  const ws = new Set(words(context.replace(/['’]s\b/g, '')));
  return names.some((n) => words(n).length > 0 && words(n).every((w) => ws.has(w)));
}

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

export function findQuotes(markdown: string, authorNames: string[] = []): QuoteCandidate[] {
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
    const lead = text.slice(from, start) + ' ' + after;
    out.push({
      text: clean,
      line: lineAt(start),
      context,
      attributed: isAttributed(lead, authorNames),
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

/** For each prefix b[0..j] of b, the longest common subsequence of a and that prefix. */
function lcsByPrefix(a: string[], b: string[]): number[] {
  const row = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j], row[j - 1]);
      prev = tmp;
    }
  }
  return row;
}

export class ReferenceIndex {
  private refs: {
    where: string;
    spans: ReturnType<typeof wordSpans>;
    words: string[];
    joined: string;
    raw: string;
  }[];
  constructor(refs: Reference[]) {
    this.refs = refs.map((r) => {
      const spans = wordSpans(r.text);
      const ws = spans.map((x) => x.word);
      return { where: r.where, spans, words: ws, joined: ` ${ws.join(' ')} `, raw: r.text };
    });
  }

  /** Where the words stand contiguously, or null. */
  exact(quote: string): string | null {
    const q = words(quote);
    if (!q.length) return null;
    const needle = ` ${q.join(' ')} `;
    return this.refs.find((r) => r.joined.includes(needle))?.where ?? null;
  }

  /** A quote found as a whole, in pieces around "…", or sentence by sentence (spliced quotes). */
  find(quote: string): string | null {
    const pieces = quote.split(/\.\.\.|…|\[\.\.\.\]/).filter((p) => words(p).length);
    const where = pieces.map((p) => this.exact(p));
    if (where.every(Boolean)) return where[0];
    const bySentence = pieces
      .flatMap((p) => sentences(p).map((s) => s.text))
      .filter((s) => words(s).length >= 2)
      .map((s) => this.exact(s));
    return bySentence.length > 1 && bySentence.every(Boolean) ? bySentence[0] : null;
  }

  /**
   * The most similar run of words in any reference: similarity 0..1 and that run as the reference
   * writes it.
   */
  closest(quote: string): { where: string; similarity: number; text: string } | null {
    const q = words(quote);
    let best: { where: string; similarity: number; text: string } | null = null;
    const first = new Set(q.slice(0, 4));
    for (const r of this.refs) {
      for (let i = 0; i < r.words.length; i++) {
        if (!first.has(r.words[i])) continue;
        const window = r.words.slice(i, i + q.length + 4);
        const byPrefix = lcsByPrefix(q, window);
        const common = byPrefix[window.length];
        const span = byPrefix.indexOf(common); // the shortest run of the window holding every match
        const similarity = (2 * common) / (q.length + span);
        if (!best || similarity > best.similarity)
          best = {
            where: r.where,
            similarity,
            text: r.raw.slice(r.spans[i].start, r.spans[i + span - 1].end),
          };
      }
    }
    return best;
  }
}

export const CLOSE_ENOUGH = 0.75;

export function checkQuotes(
  file: string,
  markdown: string,
  index: ReferenceIndex,
  authorNames: string[],
): QuoteCheck[] {
  return findQuotes(markdown, authorNames).map((q) => {
    const base = {
      text: q.text,
      file,
      line: q.line,
      context: q.context,
      kind: q.attributed ? ('attributed' as const) : ('illustrative' as const),
    };
    const where = index.find(q.text);
    if (where) return { ...base, found: true, match: 'exact' as const, where };
    const near = index.closest(q.text);
    if (near && near.similarity >= CLOSE_ENOUGH)
      return {
        ...base,
        found: false,
        match: 'close' as const,
        where: near.where,
        closest: near.text,
      };
    return { ...base, found: false, match: 'none' as const };
  });
}

/** A finding: an attributed quote that is not word for word in what it is attributed to. */
export const isFinding = (q: QuoteCheck) => q.kind === 'attributed' && !q.found;
