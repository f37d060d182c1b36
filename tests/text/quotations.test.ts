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

  it('do not pair straight quotes across lines', () => {
    expect(quotations('a "b\nc" d')).toEqual([]);
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
