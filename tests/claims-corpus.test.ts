// The claims corpus (tests/corpus/claims.yaml), table-driven: no case may be wrong (see the scoring
// in tests/claims-corpus.ts); `npm run bench:claims` prints the same figures.
import { describe, expect, it } from 'vitest';
import { readCorpus, runCase, scoreCase } from './corpus/claims.ts';

const cases = await readCorpus();

describe('the claims corpus', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const { score, notes } = scoreCase(c, runCase(c));
    expect(score, notes.join('\n')).not.toBe('wrong');
  });

  it('finds most of the claims it expects', () => {
    const scores = cases.map((c) => scoreCase(c, runCase(c)).score);
    const right = scores.filter((s) => s === 'right').length;
    console.log(
      `${cases.length} cases: ${right} right, ${scores.filter((s) => s === 'open').length} open, ${scores.filter((s) => s === 'wrong').length} wrong`,
    );
    expect(right / cases.length).toBeGreaterThan(0.9);
  });
});
