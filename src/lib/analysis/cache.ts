// An experiment's analysis, kept by content hash across builds as rendered HTML is (render/cache.ts):
// analyzing every experiment again on every build costs a warm rebuild more than its rendering. The
// key holds the code too (every file of src/lib), so a change to the analysis analyzes again.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../content/files.ts';
import { cached } from '../site/render/cache.ts';
import { analyze, type Analysis } from './analysis.ts';
import type { Experiment } from '../content/experiment.ts';

let code: Promise<string> | null = null;
const codeHash = () =>
  (code ??= (async () => {
    const dir = path.resolve('src/lib');
    const hash = createHash('sha256');
    for (const f of await listFiles(dir))
      hash.update(f).update(await fs.readFile(path.join(dir, f)));
    return hash.digest('hex');
  })());

export async function analyzeCached(experiment: Experiment): Promise<Analysis> {
  return cached('analysis', [await codeHash(), experiment], async () => analyze(experiment));
}
