// The experiments collection's loader (content.config.ts): every folder under content/experiments,
// read and validated by the same code (and zod schema) as the importer and the runner, first thing
// in a build, and again on every change in `astro dev` (loader.ts); a build read them as it started
// (prepare/integration.ts). What the site derives from each (its analysis, its page's fragments,
// its social card) is started then, in worker threads, and the pages take the experiments and what
// was made of them from prepare/ (entries.ts); the collection itself holds only their slugs and
// content hashes, as Astro bundles what it holds. In `astro build` this module comes with the
// configuration's bundle (config.ts), not through Vite.
import { readAllExperiments } from '../content/experiment.ts';
import { experimentsDir } from '../content/paths.ts';
import { prepareExperiments, readAtStart } from './prepare/start.ts';
import { experimentsLoader } from './loader.ts';

export const experimentsCollectionLoader = () =>
  experimentsLoader(experimentsDir, async () => {
    // a build read them as it started; `astro dev` and `astro sync` read them here
    const all = (await readAtStart()) ?? (await readAllExperiments(experimentsDir()));
    const hashes = await prepareExperiments(all);
    // the hash changes the entry when its files do, so that the dev server reloads its page
    return all.map((experiment, i) => ({ id: experiment.slug, hash: hashes[i] }));
  });
