// Pure logic: the texts a quote may come from (the source, the prompts, the skills, the
// evaluations), indexed by their words, and the ways a quote is found in them: word for word, in
// pieces around "…", with words left out (abridged), or only something like it (closest).
import { blankQuotations } from '../text/quotations.ts';
import { sentences } from '../text/sentences.ts';
import { words as wordsWithOffsets, type Word } from '../text/words.ts';

export interface Reference {
  /** Where the text lives: "source", "prompt" or a file path such as "skills/opus/SKILL.md". */
  where: string;
  text: string;
}

/**
 * How a reference may answer for the quotes of one file: `any` of its words; only its `own` words
 * (what it quotes itself is not where a quote comes from: an evaluation that quotes a skill's
 * made-up quote is no source of it); or `skip` it (the file itself).
 */
export type Use = 'any' | 'own' | 'skip';
export type Policy = (where: string) => Use;
const ANY: Policy = () => 'any';

/** Words with where they stand: lowercase, apostrophes dropped ("don't" -> "dont"). */
export const wordSpans = (s: string): Word[] => wordsWithOffsets(s, { joinApostrophes: true });
export const quoteWords = (s: string) => wordSpans(s).map((x) => x.word);

interface Indexed {
  spans: Word[];
  words: string[];
  joined: string;
}

function indexed(text: string): Indexed {
  const spans = wordSpans(text);
  const words = spans.map((x) => x.word);
  return { spans, words, joined: ` ${words.join(' ')} ` };
}

/** A line of a blockquote. */
const BLOCKQUOTE_LINE = /^[ \t]{0,3}>.*$/gm;

/** The text with its quotations and blockquote lines blanked, offsets kept: its own words. */
const ownWords = (text: string): string =>
  blankQuotations(text).replace(BLOCKQUOTE_LINE, (line) => ' '.repeat(line.length));

class Indexes {
  private own: Indexed | null = null;
  readonly all: Indexed;
  constructor(
    readonly where: string,
    readonly raw: string,
  ) {
    this.all = indexed(raw);
  }
  get(use: Use): Indexed {
    return use === 'own' ? (this.own ??= indexed(ownWords(this.raw))) : this.all;
  }
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

/** How many words an abridged quote may leave out: half its length, and at least two. */
const leftOutAllowed = (n: number) => Math.max(2, Math.ceil(n / 2));

/**
 * Where, from `i` on, every word of `q` stands in order with at most `allowed` words between
 * them: the index after the last, or -1.
 */
function subsequenceEnd(ws: string[], i: number, q: string[], allowed: number): number {
  let k = 0;
  for (let j = i; j < ws.length && j - i - k <= allowed; j++) {
    if (ws[j] === q[k]) k++;
    if (k === q.length) return j + 1;
  }
  return -1;
}

export interface Near {
  where: string;
  /** The run of the reference's words, as the reference writes them. */
  text: string;
}

export class ReferenceIndex {
  private refs: Indexes[];
  constructor(refs: Reference[]) {
    this.refs = refs.map((r) => new Indexes(r.where, r.text));
  }

  has(where: string): boolean {
    return this.refs.some((r) => r.where === where);
  }

  private *usable(policy: Policy) {
    for (const r of this.refs) {
      const use = policy(r.where);
      if (use !== 'skip') yield { ref: r, ix: r.get(use) };
    }
  }

  /** Where the words stand contiguously, or null. */
  exact(quote: string, policy: Policy = ANY): string | null {
    const q = quoteWords(quote);
    if (!q.length) return null;
    const needle = ` ${q.join(' ')} `;
    for (const { ref, ix } of this.usable(policy)) if (ix.joined.includes(needle)) return ref.where;
    return null;
  }

  /** A quote found as a whole, in pieces around "…", or sentence by sentence (spliced quotes). */
  find(quote: string, policy: Policy = ANY): string | null {
    const pieces = quote.split(/\.\.\.|…|\[\.\.\.\]/).filter((p) => quoteWords(p).length);
    const where = pieces.map((p) => this.exact(p, policy));
    if (where.every(Boolean)) return where[0];
    const bySentence = pieces
      .flatMap((p) => sentences(p).map((s) => s.text))
      .filter((s) => quoteWords(s).length >= 2)
      .map((s) => this.exact(s, policy));
    return bySentence.length > 1 && bySentence.every(Boolean) ? bySentence[0] : null;
  }

  /**
   * A run of a reference holding every word of the quote in order, with a few words left out
   * between them (at most half as many as the quote has): the quote abridged.
   */
  abridged(quote: string, policy: Policy = ANY): Near | null {
    const q = quoteWords(quote);
    if (!q.length) return null;
    const allowed = leftOutAllowed(q.length);
    for (const { ref, ix } of this.usable(policy))
      for (let i = 0; i < ix.words.length; i++) {
        if (ix.words[i] !== q[0]) continue;
        const end = subsequenceEnd(ix.words, i, q, allowed);
        if (end > 0)
          return {
            where: ref.where,
            text: ref.raw.slice(ix.spans[i].start, ix.spans[end - 1].end),
          };
      }
    return null;
  }

  /**
   * The most similar run of words in any reference: similarity 0..1 and that run as the reference
   * writes it.
   */
  closest(quote: string, policy: Policy = ANY): (Near & { similarity: number }) | null {
    const q = quoteWords(quote);
    let best: (Near & { similarity: number }) | null = null;
    const first = new Set(q.slice(0, 4));
    for (const { ref, ix } of this.usable(policy)) {
      for (let i = 0; i < ix.words.length; i++) {
        if (!first.has(ix.words[i])) continue;
        const window = ix.words.slice(i, i + q.length + 4);
        const byPrefix = lcsByPrefix(q, window);
        const common = byPrefix[window.length];
        const span = byPrefix.indexOf(common); // the shortest run of the window holding every match
        const similarity = (2 * common) / (q.length + span);
        if (!best || similarity > best.similarity)
          best = {
            where: ref.where,
            similarity,
            text: ref.raw.slice(ix.spans[i].start, ix.spans[i + span - 1].end),
          };
      }
    }
    return best;
  }
}
