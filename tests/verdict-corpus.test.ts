// The verdict reader on the corpus of evaluation passages (tests/corpus/verdicts.yaml): no case may
// be read wrong, and at most a tenth may stay open. `npm run bench:verdicts` prints the same figures.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { judgeCase, parseCorpus, scoreCorpus } from '../src/lib/verdict-corpus.ts';

const file = path.join(import.meta.dirname, 'corpus/verdicts.yaml');
const cases = parseCorpus(await fs.readFile(file, 'utf8'), file);

describe('verdict corpus', () => {
  it('has at least 60 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
  for (const c of cases)
    it(`${c.id}: ${c.expect ?? 'no winner'}`, () => {
      const { outcome, read } = judgeCase(c);
      expect(outcome, `read ${read.winner} (${read.reason})`).not.toBe('wrong');
    });
  it('leaves at most a tenth of the cases open', () => {
    const { open } = scoreCorpus(cases);
    expect(open).toBeLessThanOrEqual(Math.floor(cases.length / 10));
  });
});
