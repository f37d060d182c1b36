// Quotations: found in straight or curly marks, and blanked with offsets kept.
import { describe, expect, it } from 'vitest';
import { blankQuotations, quotations } from '../../src/lib/text/quotations.ts';

describe('quotations', () => {
  it('are found in straight quotes on one line and in curly quotes', () => {
    const text = 'He says "keep it short" and “never\nguess”.';
    expect(quotations(text).map((q) => q.inner)).toEqual(['keep it short', 'never\nguess']);
    expect(quotations(text).map((q) => text.slice(q.start, q.end))).toEqual([
      '"keep it short"',
      '“never\nguess”',
    ]);
  });

  it('pair straight quotes across the line breaks of a paragraph (hard-wrapped prose)', () => {
    const text =
      'The one that matters: "Subject under 60 chars, body only\nwhen someone will thank you." Yes.';
    expect(quotations(text).map((q) => q.inner)).toEqual([
      'Subject under 60 chars, body only\nwhen someone will thank you.',
    ]);
    // in a blockquote, whose lines go on with ">"
    expect(quotations('> She wrote "keep it\n> short" once.').map((q) => q.inner)).toEqual([
      'keep it\n> short',
    ]);
  });

  it('do not pair straight quotes across paragraphs, list items, or an odd count of marks', () => {
    expect(quotations('a "b\n\nc" d')).toEqual([]);
    expect(quotations('- a "b\n- c" d')).toEqual([]);
    expect(quotations('| a "b |\n| c" d |')).toEqual([]);
    // a 5" screen: the marks do not pair up, so only a quotation on one line counts
    expect(quotations('A 5" screen\nand "a quote" here').map((q) => q.inner)).toEqual(['a quote']);
  });

  it('are blanked with every offset and line break kept', () => {
    const text = 'X says "Y is the winner" but “I\npick” X.';
    const blanked = blankQuotations(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked).toBe(`X says ${' '.repeat(17)} but ${' '.repeat(2)}\n${' '.repeat(5)} X.`);
  });

  it('keep short ones when asked: a quoted letter names', () => {
    expect(blankQuotations('Winner: "B", not "the other one"', 3)).toBe(
      `Winner: "B", not ${' '.repeat(15)}`,
    );
  });
});
