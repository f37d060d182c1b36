// Pure logic: finds a post's pull-quote in the file it names, ignoring case, whitespace, quote marks
// (single, double, straight or curly: a nested quote may be typeset with single marks)
// and markdown marks (emphasis, code ticks, blockquote and list markers); "…" or "..." in the quote
// stands for words left out. Gives the line the quote starts on, so a link can land on it.

/** The text with one character per kept character, and where each came from in the original. */
function normalize(text: string): { chars: string; from: number[] } {
  let chars = '';
  const from: number[] = [];
  let space = true; // collapse leading and repeated whitespace
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    if (c === '\n') lineStart = true;
    if (/\s/.test(c)) {
      if (!space) {
        chars += ' ';
        from.push(i);
        space = true;
      }
      continue;
    }
    // markers at the start of a line: blockquote ">", list "-", "*", "+", "1."
    if (lineStart) {
      const marker = text
        .slice(i)
        .match(/^(?:>\s*)+(?:[-*+]\s+|\d+[.)]\s+)?|^(?:[-*+]\s+|\d+[.)]\s+)/);
      lineStart = false;
      if (marker) {
        i += marker[0].length - 1;
        continue;
      }
    }
    if (c === '*' || c === '_' || c === '`') continue;
    // every quote mark is one: a nested quote typeset ‘so’ matches the file's "so"
    if (/[“”„‟″«»"‘’‚‛′`´]/.test(c)) c = "'";
    chars += c.toLowerCase();
    from.push(i);
    space = false;
  }
  return { chars, from };
}

const ELLIPSIS = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;

export interface QuoteLocation {
  /** 1-based line of the file the quote starts on. */
  line: number;
  /** Offsets in the file of the quote's first and last character. */
  start: number;
  end: number;
}

/** Where the quote stands in the text (its pieces in order, when elided), or null. */
export function locateQuote(quote: string, text: string): QuoteLocation | null {
  const pieces = quote
    .split(ELLIPSIS)
    .map((p) => normalize(p).chars.trim())
    .filter(Boolean);
  if (!pieces.length) return null;
  const hay = normalize(text);
  // every start of the first piece, with the rest following in order
  for (
    let at = hay.chars.indexOf(pieces[0]);
    at !== -1;
    at = hay.chars.indexOf(pieces[0], at + 1)
  ) {
    let end = at + pieces[0].length;
    let ok = true;
    for (const p of pieces.slice(1)) {
      const next = hay.chars.indexOf(p, end);
      if (next === -1) {
        ok = false;
        break;
      }
      end = next + p.length;
    }
    if (!ok) break; // a later start cannot find what this one could not
    const start = hay.from[at];
    return { line: text.slice(0, start).split('\n').length, start, end: hay.from[end - 1] };
  }
  return null;
}
