// The experiments collection: every folder under content/experiments, read and validated by the
// same code (and zod schema) as the importer and the runner, first thing in a build. What the
// site derives from each (its analysis, its page's fragments, its social card) is started here, in
// worker threads, and the pages take the experiments and what was made of them from lib/site/prepare
// (entries.ts); the collection itself holds only their slugs, as Astro bundles what it holds.
import { defineCollection } from 'astro:content';
import { UserError, readAllExperiments } from './lib/content/experiment.ts';
import { experimentsDir } from './lib/content/paths.ts';
import { prepareExperiments } from './lib/site/prepare/index.ts';

/** Astro prints an error's stack under "Stack trace:"; a UserError (bad content) has none to show. */
const withoutStack = (err: unknown) => {
  if (err instanceof UserError) err.stack = '';
  return err;
};

const experiments = defineCollection({
  loader: async () => {
    const all = await readAllExperiments(experimentsDir()).catch((err) =>
      Promise.reject(withoutStack(err)),
    );
    await prepareExperiments(all);
    return all.map((experiment) => ({ id: experiment.slug }));
  },
});

export const collections = { experiments };
