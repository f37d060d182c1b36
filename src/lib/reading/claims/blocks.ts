// Pure logic: the evaluation's own prose as the claim finder reads it, from the blocks of
// text/markdown.ts: paragraphs, list items and headings, and a table's cells with the skill of
// their column and the measure their row names. Quotations and blockquotes (other people's words)
// and code stay out.
import type { Block } from '../../text/markdown.ts';
import { blankQuotations } from '../../text/quotations.ts';
import { wordList } from '../../text/words.ts';
import { unitOf } from './numbers.ts';
import type { ClaimContext, Measure } from './types.ts';

export interface ClaimBlock {
  /** As written. */
  text: string;
  /** With quotations blanked. */
  blanked: string;
  line: number;
  /** Headings: their depth; they scope what follows to the skill they name. */
  heading: number | null;
  /** A bold lead line ("**Opus: thorough**"): its paragraph goes on in the next block. */
  leads?: boolean;
  /** A table cell: the skill of its column and the measure its row names. */
  cell?: { about: string | null; measure: Measure | null };
}

const block = (text: string, line: number, more: Partial<ClaimBlock> = {}): ClaimBlock => ({
  text,
  blanked: blankQuotations(text),
  line,
  heading: null,
  ...more,
});

/** A table row's cells but the first: the header names each column's skill, the first a measure. */
function cells(row: Block, mentions: ClaimContext['mentions']): ClaimBlock[] {
  const columns = (row.header ?? []).map((h) => {
    const ids = [...new Set(mentions(h).flatMap((m) => (m.id ? [m.id] : [])))];
    return ids.length === 1 ? ids[0] : null;
  });
  const [label = '', ...rest] = row.cells ?? [];
  const measure =
    wordList(label)
      .map(unitOf)
      .find((x) => x) ?? null;
  return rest.map((c, i) =>
    block(c, row.line, { cell: { about: columns[i + 1] ?? null, measure } }),
  );
}

/** The paragraphs, headings and table cells of a document, in order, outside code and quotes. */
export function claimBlocks(bs: Block[], mentions: ClaimContext['mentions']): ClaimBlock[] {
  return bs.flatMap((b) => {
    if (b.quoted) return [];
    if (b.kind === 'row') return b.row === 0 ? [] : cells(b, mentions);
    // a bold line is a heading to the verdict reader, a sentence here
    if (b.kind === 'heading' && !b.bold) return [block(b.text, b.line, { heading: b.depth! })];
    return [block(b.text, b.line, b.bold === 'lead' ? { leads: true } : {})];
  });
}
