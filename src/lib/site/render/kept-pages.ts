// Experiment pages kept between builds: a build that finds a page built from the same inputs gives
// Astro the kept HTML instead of rendering it again. Rendering an experiment page (its source views
// and comparisons, 300 to 500 KB of HTML) was most of a rebuild's cost: 60 unchanged experiments
// took 1.5 to 2 s more than none (docs/performance.md). A page's inputs are all the site's code and
// packages (siteCodeHash), the address it is published at, and every experiment (a page links its
// neighbours): a change to any of them builds every experiment page again.
import { createHash } from 'node:crypto';
import fss from 'node:fs';
import path from 'node:path';
import type { Experiment } from '../../content/experiment.ts';
import { modelsFile } from '../../content/paths.ts';
import { siteAddress } from '../address.ts';
import { readExperiments } from '../prepare/index.ts';
import { hashOf, isBuild } from '../prepare/start.ts';
import { cacheDir, cacheKey, siteCodeHash } from './cache.ts';
import { offer } from '../handoff.ts';

const KIND = 'page';
const folder = () => path.join(cacheDir(), KIND);
const fileOf = (key: string) => path.join(folder(), `${key}.html`);
/** Where Astro writes an experiment's page in the built site. */
const builtPage = (dir: string, slug: string) =>
  path.join(dir, 'experiments', encodeURI(slug), 'index.html');

let generation: Promise<string> | null = null;
/** A hash of what every experiment page of this build depends on. */
const inputs = () =>
  (generation ??= (async () => {
    const all = await readExperiments();
    const hashes = await Promise.all(all.map(hashOf));
    const experiments = all
      .map((e, i) => [e.slug, hashes[i]])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const models = fss.existsSync(modelsFile()) ? fss.readFileSync(modelsFile(), 'utf8') : '';
    return createHash('sha256')
      .update(JSON.stringify([await siteCodeHash(), siteAddress().href, models, experiments]))
      .digest('hex');
  })());

const keyOf = async (e: Experiment) => cacheKey(KIND, [await inputs(), e.slug]);

/** The page built from the same inputs by an earlier build, or undefined (always in `astro dev`). */
export async function keptPage(e: Experiment): Promise<Buffer | undefined> {
  if (!isBuild()) return undefined;
  try {
    return fss.readFileSync(fileOf(await keyOf(e)));
  } catch {
    return undefined; // none, or not readable: rendered again
  }
}

/**
 * When the build is done (prebundle.ts): keeps each experiment page it rendered, and removes the
 * pages kept for other inputs. A cache that cannot be written only costs speed.
 */
export async function keepPages(dir: string): Promise<void> {
  const keep = new Set<string>();
  for (const e of await readExperiments()) {
    const file = fileOf(await keyOf(e));
    keep.add(path.basename(file));
    if (fss.existsSync(file)) continue;
    try {
      fss.mkdirSync(folder(), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fss.copyFileSync(builtPage(dir, e.slug), tmp);
      fss.renameSync(tmp, file);
    } catch {
      // not built (a failed build does not get here) or not writable
    }
  }
  for (const name of fss.existsSync(folder()) ? fss.readdirSync(folder()) : [])
    if (!keep.has(name)) fss.rmSync(path.join(folder(), name), { force: true });
}

offer('keepPages', keepPages);
