// npm run bench:reviews: reads every review of the review stance corpus (tests/corpus/reviews/)
// with the review reader and prints stance and implied preference right / open / wrong; exits
// non-zero when any is wrong. `--heldout` reads heldout.yaml instead: cases written later by a
// writer who had seen neither the reader nor cases.yaml, kept out of the reader's tuning.
import {
  readReviewCases,
  runReviewCase,
  scoreAnswer,
  type Score,
} from '../tests/corpus/reviews.ts';

const verbose = process.argv.includes('--verbose');
const cases = await readReviewCases(
  process.argv.includes('--heldout') ? 'heldout.yaml' : 'cases.yaml',
);
const counts = {
  stance: { right: 0, open: 0, wrong: 0 },
  implied: { right: 0, open: 0, wrong: 0 },
};
for (const c of cases) {
  const r = runReviewCase(c);
  const scores: Record<'stance' | 'implied', Score> = {
    stance: scoreAnswer(c.expected.stance, r.stance),
    implied: scoreAnswer(c.expected.implied, r.preference),
  };
  for (const k of ['stance', 'implied'] as const) {
    counts[k][scores[k]]++;
    if (scores[k] !== 'right' && (verbose || scores[k] === 'wrong'))
      console.log(
        `${scores[k].padEnd(5)} ${k.padEnd(7)} ${c.id}: expected ${c.expected[k]}, read ${(k === 'stance' ? r.stance : r.preference) ?? 'open'} (${(k === 'stance' ? r.evidence : r.preferenceEvidence).slice(0, 100)})`,
      );
  }
}
const line = (k: 'stance' | 'implied') =>
  `${k} ${counts[k].right} right, ${counts[k].open} open, ${counts[k].wrong} wrong`;
console.log(`${cases.length} reviews: ${line('stance')}; ${line('implied')}`);
process.exitCode = counts.stance.wrong + counts.implied.wrong ? 1 : 0;
