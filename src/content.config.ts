// The experiments collection: every folder under content/experiments, read and validated by the
// same code (and zod schema) as the importer and the runner, with its analysis and its post; read
// again on every change in `astro dev` (lib/site/loader.ts).
import { defineCollection } from 'astro:content';
import { readAllExperiments } from './lib/content/experiment.ts';
import { analyzeCached } from './lib/analysis/cache.ts';
import { experimentsDir } from './lib/content/paths.ts';
import { planPost } from './lib/post/plan.ts';
import { topFindings } from './lib/analysis/findings.ts';
import { experimentsLoader } from './lib/site/loader.ts';

const experiments = defineCollection({
  loader: experimentsLoader(experimentsDir, async () => {
    const all = await readAllExperiments(experimentsDir());
    return Promise.all(
      all.map(async (experiment) => {
        const analysis = await analyzeCached(experiment);
        // a post whose pull-quote is not in its file stops the build here, naming post.md and the line
        const post = planPost(
          experiment,
          topFindings(experiment, analysis).map((f) => f.kind),
        );
        // a placeholder left in a post is published only with a warning
        for (const w of post?.warnings ?? []) console.warn(`warning: ${w}`);
        return { id: experiment.slug, experiment, analysis, post };
      }),
    );
  }),
});

export const collections = { experiments };
