// Pure logic: a text cut into sentences, with where each stands. A sentence ends after . ! ? before
// what can start one (not after an abbreviation such as "e.g."), at a line break after . ! ? : ),
// before a line of its own ("Winner: X", a list item, a quote, a table row, a heading), and at a
// blank line.
import { ABBREVIATIONS } from './words/abbreviations.ts';
import { anyOf, literal } from './patterns.ts';

export interface Span {
  /** Offsets in the text: where the sentence starts and ends, white space left out. */
  start: number;
  end: number;
  text: string;
}

/** After . ! ? (and a closing quote or bracket), before a letter, a figure, a mark or a quote. */
const AFTER_STOP = '(?<=[.!?]["”’)]?)\\s+(?=[\\p{L}`*"“([0-9])';
/** A line break after . ! ? : ) or a closing bold mark. */
const AFTER_LINE_END = '(?<=[.!?:)*])[ \\t]*\\n\\s*';
/** A line break before "Label: ..." or a list item, quote, table row or heading. */
const BEFORE_OWN_LINE = '\\n(?=\\s*(?:[\\p{Lu}\\p{Emoji_Presentation}][\\p{L} ]{0,30}:|[-*>|#]))';
const BLANK_LINE = '\\n\\s*\\n';
const BOUNDARY = new RegExp(
  [AFTER_STOP, AFTER_LINE_END, BEFORE_OWN_LINE, BLANK_LINE].join('|'),
  'gu',
);

const ABBREVIATED = new RegExp(`\\b${anyOf(ABBREVIATIONS.map(literal))}\\.$`, 'i');

/** A boundary that is only an abbreviation's period: "e.g. the", "approx. 80". */
const isAbbreviation = (before: string, boundary: string) =>
  ABBREVIATED.test(before) && !/\n\s*\n/.test(boundary);

/** The sentences of a text, in order, trimmed, empty ones left out. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  const cut = (to: number) => {
    const raw = text.slice(from, to);
    const trimmed = raw.trim();
    if (!trimmed) return;
    const start = from + raw.length - raw.trimStart().length;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    if (isAbbreviation(text.slice(from, m.index), m[0])) continue;
    cut(m.index);
    from = m.index + m[0].length;
  }
  cut(text.length);
  return out;
}
