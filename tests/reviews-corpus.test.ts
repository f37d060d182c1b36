// The review stance corpus (tests/corpus/reviews/), read as `npm run bench:reviews` does: no stance
// and no implied preference may be wrong. (Open answers are the bench's figures, not failures.)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the review stance corpus', () => {
  it('reads every review with no wrong stance and no wrong implied preference', () => {
    let output = '';
    let failed = false;
    try {
      output = execFileSync(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/bench-reviews.ts'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    } catch (err) {
      failed = true;
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    console.log(output.trim().split('\n').at(-1));
    expect(output).toMatch(/stance \d+ right, \d+ open, 0 wrong/);
    expect(output).toMatch(/implied \d+ right, \d+ open, 0 wrong/);
    expect(failed).toBe(false);
  }, 120_000);
});
