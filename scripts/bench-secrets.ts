// npm run bench:secrets: times redactSecrets and stripCredentials on hostile texts of 1 and 4 MB
// and prints, for each, the time at 4 MB over the time at 1 MB: about 4 when the time grows
// linearly with the length, about 16 when it grows with its square (as it once did: 80 KB took 5.7 s).
// The reference is work known to take linear time (the text to base64) on the same texts: memory
// and the machine's load bend both alike.
import { redactSecrets, stripCredentials } from '../src/lib/content/secrets.ts';

/** Texts built to make backtracking patterns slow, each `n` characters long or about. */
const INPUTS: Record<string, (n: number) => string> = {
  'a-a-a- (word boundaries everywhere)': (n) => 'a-'.repeat(n / 2),
  'a-a-a- then ://': (n) => `${'a-'.repeat(n / 2)}://`,
  ':// then a:a:a: (no @)': (n) => `://${'a:'.repeat(n / 2)}`,
  'a://a://': (n) => 'a://'.repeat(n / 4),
  'Bearer then dots': (n) => `Bearer ${'.'.repeat(n)}`,
  'Bearer then spaces': (n) => `Bearer${' '.repeat(n)}x`,
  'sk-sk-sk-': (n) => 'sk-'.repeat(n / 3),
  '0a0a0a (one long run)': (n) => '0a'.repeat(n / 2),
  'an error page with a key at the end': (n) =>
    `${'<div class="x">error 500 a-b-c-d</div>\n'.repeat(n / 40)}sk-live-0123456789abcdef`,
};

const SIZES = [1_000_000, 4_000_000];

/** The fastest of five runs, in milliseconds. */
function time(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const functions: Record<string, (s: string) => string> = {
  redactSecrets: (s) => redactSecrets(s, ['sk-known-key-123']),
  stripCredentials,
  reference: (s) => Buffer.from(s).toString('base64'),
};

/** "12.0 ms -> 50.1 ms (4.2x)": the time at the smallest and largest size, and their ratio. */
function growth(
  f: (s: string) => string,
  make: (n: number) => string,
): { text: string; ratio: number } {
  const first = time(() => f(make(SIZES[0])));
  const last = time(() => f(make(SIZES[SIZES.length - 1])));
  // under 2 ms at 1 MB the ratio is noise, and the time no concern
  const ratio = first >= 2 ? last / first : 0;
  const shown = `${first.toFixed(1)} -> ${last.toFixed(1)} ms${ratio ? ` (${ratio.toFixed(1)}x)` : ''}`;
  return { text: shown.padEnd(26), ratio };
}

console.log(`time at ${SIZES[0] / 1e6} MB -> ${SIZES[SIZES.length - 1] / 1e6} MB (ratio)`);
console.log(['input'.padEnd(38), ...Object.keys(functions).map((f) => f.padEnd(26))].join(' '));
let worst = 0;
for (const [name, make] of Object.entries(INPUTS)) {
  const cells = Object.entries(functions).map(([f, run]) => ({ f, ...growth(run, make) }));
  for (const c of cells) if (c.f !== 'reference') worst = Math.max(worst, c.ratio);
  console.log([name.padEnd(38), ...cells.map((c) => c.text)].join(' '));
}
console.log(
  `the largest ratio: ${worst.toFixed(1)}x (4x the size: linear takes about 4x the time, quadratic about 16x; see the reference for how far this machine's load bends it)`,
);
