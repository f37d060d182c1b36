// npm run bench:verdicts [-- <corpus.yaml>] [--verbose]: runs the verdict reader on tests/corpus/verdicts.yaml (or the file given) and
// prints "N cases: R right, U null, W wrong"; exits non-zero when a verdict is wrong.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/lib/cli.ts';
import { parseCorpus, scoreCorpus } from '../tests/corpus/verdicts.ts';

async function main() {
  const given = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const file = given
    ? path.resolve(given)
    : path.resolve(import.meta.dirname, '../tests/corpus/verdicts.yaml');
  const { results, line, wrong } = scoreCorpus(parseCorpus(await fs.readFile(file, 'utf8'), file));
  if (process.argv.includes('--verbose'))
    for (const r of results.filter((x) => x.outcome !== 'right'))
      console.error(
        `${r.outcome}: ${r.c.id}: expected ${r.c.expect}, read ${r.read.winner} (${r.read.reason}) ${r.read.evidence.slice(0, 100)}`,
      );
  console.log(line);
  return wrong > 0 ? 1 : 0;
}

await runCli(main);
