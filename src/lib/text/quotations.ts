// Pure logic: the passages of a text in quotation marks, which are someone else's words (the skill
// says "X is the winner"): found, or blanked out with every offset kept.

export interface Quotation {
  /** Offsets of the opening and after the closing mark. */
  start: number;
  end: number;
  /** The words between the marks. */
  inner: string;
}

const CURLY = /“([^”]+)”/g;
/** Straight quotes on one line. */
const STRAIGHT_ON_A_LINE = /"([^"\n]+)"/g;
/**
 * Where a paragraph ends: a blank line (in a blockquote too), or a line break before a list item,
 * a heading or a table row.
 */
const PARAGRAPH_END = /\n[ \t>]*\n|\n[ \t>]*(?=[-*+][ \t]|\d{1,3}[.)][ \t]|#|\|)/g;

/** Straight quotes within one paragraph: across its line breaks when they pair up evenly. */
function straight(text: string, from: number, to: number): Quotation[] {
  const part = text.slice(from, to);
  const marks = [...part.matchAll(/"/g)].map((m) => m.index);
  // an odd count pairs badly across lines (an inch mark, a quote left open): one line at a time
  if (marks.length % 2)
    return [...part.matchAll(STRAIGHT_ON_A_LINE)].map((m) => ({
      start: from + m.index,
      end: from + m.index + m[0].length,
      inner: m[1],
    }));
  const out: Quotation[] = [];
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const inner = part.slice(marks[i] + 1, marks[i + 1]);
    if (inner.trim()) out.push({ start: from + marks[i], end: from + marks[i + 1] + 1, inner });
  }
  return out;
}

/**
 * Every quotation of the text, in order: curly ones, and straight ones paired within a paragraph
 * (across its line breaks only when its straight quotes pair up evenly).
 */
export function quotations(text: string): Quotation[] {
  const ends = [...text.matchAll(PARAGRAPH_END)].map((m) => [m.index, m.index + m[0].length]);
  const found: Quotation[] = [];
  let from = 0;
  for (const [end, next] of [...ends, [text.length, text.length]]) {
    found.push(...straight(text, from, end));
    from = next;
  }
  for (const m of text.matchAll(CURLY))
    found.push({ start: m.index, end: m.index + m[0].length, inner: m[1] });
  // the first to open wins where two overlap ("a “b” c" in straight quotes)
  found.sort((a, b) => a.start - b.start);
  const kept: Quotation[] = [];
  for (const q of found) if (q.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(q);
  return kept;
}

/**
 * The text with its quotations turned to spaces (line breaks kept), so offsets still point to the
 * same words. Quotations shorter than `minLength` characters stay: a quoted letter ("B") names.
 */
export function blankQuotations(text: string, minLength = 1): string {
  let out = '';
  let at = 0;
  for (const q of quotations(text)) {
    if (q.inner.length < minLength) continue;
    out += text.slice(at, q.start) + text.slice(q.start, q.end).replace(/[^\n]/g, ' ');
    at = q.end;
  }
  return out + text.slice(at);
}
