// The verdict reader on the corpus of evaluation passages (tests/corpus/verdicts.yaml): no case may
// be read wrong, and at most a tenth may stay open. `npm run bench:verdicts` prints the same figures.
import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { judgeCase, parseCorpus, scoreCorpus } from './corpus/verdicts.ts';
import { tempDir } from './support/helpers.ts';

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

describe('npm run bench:verdicts', () => {
  const bench = (file: string) =>
    promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/bench-verdicts.ts',
      file,
    ]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e) => ({ code: e.code as number, out: e.stdout as string }),
    );
  const corpus = (expect: string) =>
    `- id: one\n  participants:\n    a: { folder: a-model-tidy, model: A Model }\n    b: { folder: b-model-neat, model: B Model }\n  text: "**Winner:** tidy"\n  expect: ${expect}\n`;

  it('prints one line and exits non-zero when a verdict is wrong', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'right.yaml'), corpus('a'));
    await fs.writeFile(path.join(dir, 'wrong.yaml'), corpus('b'));
    expect(await bench(path.join(dir, 'right.yaml'))).toEqual({
      code: 0,
      out: '1 cases: 1 right, 0 null, 0 wrong\n',
    });
    expect(await bench(path.join(dir, 'wrong.yaml'))).toEqual({
      code: 1,
      out: '1 cases: 0 right, 0 null, 1 wrong\n',
    });
  });
});
