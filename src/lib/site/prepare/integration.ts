// In `astro build`, the work on the experiments (start.ts) starts as soon as Astro has read its
// configuration, with the workers (pool.ts) loading their code meanwhile when the code is new:
// Astro's own start-up (its code, the content's types) leaves a core idle for about a second. The
// content loader (content.config.ts) takes the same experiments, and finds their work under way.
// Folders unchanged since the last build are taken as it read them (remembered.ts).
// V8 is tuned for a short batch (INTERRUPT_BUDGET).
import type { AstroIntegration } from 'astro';
import v8 from 'node:v8';
import { readAllExperiments } from '../../content/experiment.ts';
import { experimentsDir } from '../../content/paths.ts';
import { prepareAtStart } from './start.ts';
import { readRemembered } from './remembered.ts';
import { newCode, startWorkers } from './pool.ts';

/**
 * How much a function runs before V8's optimizing compiler takes it up (its default: 132 KB of
 * bytecode run), in a build that makes something: a batch of seconds in three threads, each
 * compiling the same hot code. With the default, compiling was about a quarter of a cold build's
 * processor time; with this, a cold build of 60 experiments took 17 s of processor time instead of
 * 21 (docs/performance.md). A build with nothing to make keeps the default: its work is short, on
 * the main thread, and waits for its code to be optimized.
 */
const INTERRUPT_BUDGET = 1_000_000;

export function prepareEarly(): AstroIntegration {
  return {
    name: 'crossjudge:prepare-early',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        // new code makes everything again: the workers can start before the jobs are listed (not
        // otherwise: a build with little or nothing to make would only wait on their start)
        const early = newCode().then(
          (all) => all && startWorkers(),
          () => {},
        );
        // content that does not read is the content loader's to report, naming file and field
        prepareAtStart(
          early.then(() => readAllExperiments(experimentsDir(), readRemembered)),
          () => v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`),
        );
      },
    },
  };
}
