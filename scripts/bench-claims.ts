// npm run bench:claims: runs the fact check over the claims corpus (tests/corpus/claims.yaml) and
// prints how it scores (see tests/claims-corpus.ts); exits non-zero when any case is wrong.
import { readCorpus, runCase, scoreCase, type Score } from '../tests/corpus/claims.ts';

const cases = await readCorpus();
const counts: Record<Score, number> = { right: 0, open: 0, wrong: 0 };
for (const c of cases) {
  const { score, notes } = scoreCase(c, runCase(c));
  counts[score]++;
  if (score !== 'right')
    console.log(`${score.padEnd(5)} ${c.id}\n${notes.map((n) => `      ${n}`).join('\n')}`);
}
console.log(
  `${cases.length} cases: ${counts.right} right, ${counts.open} open, ${counts.wrong} wrong`,
);
process.exitCode = counts.wrong ? 1 : 0;
