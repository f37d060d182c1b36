import { NUM, QUALIFIER, numberOf, qualifierOf } from '../numbers.ts';
import type { ClaimRule } from '../sentence.ts';

const NUMBER_ALONE = new RegExp(`^\\s*(?:(?<qual>${QUALIFIER})\\s*)?(?<num>${NUM})\\s*$`, 'i');

/** A table cell holding a number alone ("| Lines | 86 | 120 |"): the row says what it counts. */
export const tableCell: ClaimRule = {
  name: 'table-cell',
  find(s) {
    const measure = s.block.cell?.measure;
    const m = measure ? s.plain.match(NUMBER_ALONE) : null;
    if (!measure || !m) return [];
    const { num, qual } = m.groups!;
    return s.claims(m.index ?? 0, m[0].trim(), measure, numberOf(num), qualifierOf(qual));
  },
};
