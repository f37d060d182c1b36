// Characters that change how text looks without being seen. Printed raw, control characters (escape
// sequences, carriage returns) can clear a terminal's lines and draw fake output; on a page, the
// marks that reorder text show "rtl-\u202edm.exe" as "rtl-exe.md". Both are shown as what they are.

/** Bidirectional formatting characters: marks, embeddings, overrides, isolates. */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
// oxlint-disable-next-line no-control-regex -- the control characters are what it finds
const FOR_TERMINAL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const FOR_PAGE = new RegExp(`[${BIDI}]`, 'g');

const hex = (c: string, digits: number) =>
  c.charCodeAt(0).toString(16).padStart(digits, '0').toUpperCase();

/**
 * Text from outside as a terminal may print it: every control character but the line break and the
 * tab, and every bidirectional formatting character, written as an escape ("\x1B", "\u202E").
 */
export function forTerminal(text: string): string {
  return text.replace(FOR_TERMINAL, (c) =>
    c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`,
  );
}

/** Text for a page with each bidirectional formatting character shown as its code: "⟨U+202E⟩". */
export const visibleControls = (text: string) => text.replace(FOR_PAGE, (c) => `⟨U+${hex(c, 4)}⟩`);
