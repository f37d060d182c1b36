// The experiments collection: every folder under content/experiments, read and validated by the
// same code (and zod schema) as the importer and the runner, with its analysis.
import { defineCollection } from 'astro:content';
import { readAllExperiments } from './lib/experiment.ts';
import { analyze } from './lib/analysis.ts';
import { experimentsDir } from './lib/paths.ts';

const experiments = defineCollection({
  loader: async () => (await readAllExperiments(experimentsDir())).map((experiment) => ({ id: experiment.slug, experiment, analysis: analyze(experiment) })),
});

export const collections = { experiments };
