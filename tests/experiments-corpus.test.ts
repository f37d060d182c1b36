// The experiments corpus (tests/corpus/experiments/), imported end to end through the import
// command as `npm run bench:experiments` does: no verdict may be wrong and nothing false may stand
// at the top of a page. (Open verdicts and missed findings are the bench's figures, not failures.)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the experiments corpus', () => {
  it('imports every case with no wrong verdict and no false alarm at the top', () => {
    let output = '';
    try {
      output = execFileSync(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/bench-experiments.ts', '--verbose'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    console.log(output.trim().split('\n').at(-1));
    expect(output).toMatch(/verdicts \d+ right, \d+ open, 0 wrong/);
    expect(output).toMatch(/ 0 false alarms/);
  }, 300_000);
});
