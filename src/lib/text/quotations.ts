// Pure logic: the passages of a text in quotation marks, which are someone else's words (the skill
// says "X is the winner"): found, or blanked out with every offset kept.

export interface Quotation {
  /** Offsets of the opening and after the closing mark. */
  start: number;
  end: number;
  /** The words between the marks. */
  inner: string;
}

/** Straight quotes on one line (they pair up badly across lines), or curly ones. */
const QUOTATION = /"([^"\n]+)"|“([^”]+)”/g;

/** Every quotation of the text, in order. */
export function quotations(text: string): Quotation[] {
  return [...text.matchAll(QUOTATION)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    inner: m[1] ?? m[2],
  }));
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
