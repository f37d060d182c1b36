// npm run experiment -- <slug or folder> [--dry-run] [--concurrency N] [--only generate|evaluate] [--fresh]
// Runs an experiment defined in content/experiments/<slug>/experiment.yaml and writes its results there.
import { Command, Option } from 'commander';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { runCli } from '../src/lib/cli.ts';
import { num, seconds, usd } from '../src/lib/text/format.ts';
import { UserError, findExperimentDir } from '../src/lib/content/experiment.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { readPrices } from '../src/lib/content/prices.ts';
import { dryRunTable, planRun } from '../src/lib/runner/dry-run.ts';
import { missingSandboxPackages, sandboxProblem } from '../src/lib/agents/sandbox.ts';
import { runExperiment, type Progress } from '../src/lib/runner/run.ts';
import type { Stage } from '../src/lib/runner/plan.ts';

const program = new Command()
  .name('npm run experiment --')
  .description(
    'Run an experiment: every model writes a skill, then every judge judges them all, blind and in every order',
  )
  .argument('<experiment>', 'a slug under content/experiments/, or an experiment folder')
  .option(
    '--dry-run',
    'print every call it would make, with estimated tokens and cost; needs no key',
  )
  .option('--concurrency <n>', 'calls in flight at once', '4')
  .addOption(new Option('--only <stage>', 'run one stage').choices(['generate', 'evaluate']))
  .option('--fresh', 'set the stored calls aside (runs/calls-<time>/) and make every call again')
  .option(
    '--max-cost <usd>',
    'stop before a call that could take the cost of the run over this (estimated as the dry run does)',
  )
  .showHelpAfterError();

function progressDisplay(): Progress {
  if (!process.stderr.isTTY) {
    return {
      start: (total) => console.log(`${total} calls`),
      update: (call, outcome, t, record) =>
        console.log(
          `[${t.done}/${t.total}] ${call.kind} ${call.participant}${record?.order ? ` (order ${record.order.join(', ')})` : ''}: ${outcome}` +
            (record?.usage && outcome !== 'stored'
              ? `, ${num(record.usage.input + record.usage.output)} tokens, ${usd(record.cost)}`
              : '') +
            ` · total ${num(t.tokens)} tokens, ${usd(t.cost)}`,
        ),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'calls {value}/{total} [{bar}] {tokens} tokens · {cost} · {failed} failed · {last}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { tokens: 0, cost: '$0', failed: 0, last: '' }),
    update: (call, outcome, t) =>
      bar.update(t.done, {
        tokens: num(t.tokens),
        cost: usd(t.cost),
        failed: t.failed,
        last: `${call.kind} ${call.participant} ${outcome}`,
      }),
    stop: () => bar.stop(),
  };
}

async function main() {
  program.parse();
  const opts = program.opts<{
    dryRun?: boolean;
    concurrency: string;
    only?: Stage;
    fresh?: boolean;
    maxCost?: string;
  }>();
  const maxCost = opts.maxCost === undefined ? undefined : Number(opts.maxCost);
  if (maxCost !== undefined && !(maxCost >= 0))
    throw new UserError(`--max-cost ${opts.maxCost}: give an amount in USD, e.g. 2.50`);
  const dir = await findExperimentDir(program.args[0]);
  const concurrency = Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UserError(`--concurrency ${opts.concurrency}: give a whole number of 1 or more`);
  const stages: Stage[] = opts.only ? [opts.only] : ['generate', 'evaluate'];
  const pricesFile = path.join(contentDir(), 'prices.yaml');
  const prices = await readPrices(pricesFile);
  const pricesName = path.relative(process.cwd(), pricesFile) || pricesFile;

  if (opts.dryRun) {
    const calls = await planRun(dir, stages, prices, process.env);
    console.log(
      `Dry run of ${path.relative(process.cwd(), dir) || dir}: ${calls.length} calls, none made.\n`,
    );
    for (const line of dryRunTable(calls)) console.log(line);
    const sum = (f: (c: (typeof calls)[number]) => number | null) =>
      calls
        .filter((c) => !c.stored)
        .reduce<number | null>((a, c) => (a === null || f(c) === null ? null : a + f(c)!), 0);
    console.log(
      `\nTo make: ${calls.filter((c) => !c.stored).length} calls, ~${num(calls.filter((c) => !c.stored).reduce((a, c) => a + c.inputTokens, 0))} input tokens; estimated cost ${usd(sum((c) => c.inputCost))} for input plus at most ${usd(sum((c) => c.maxOutputCost))} for output (prices: ${pricesName}).`,
    );
    const bash = new Set(calls.filter((c) => c.spec.agent?.bash).map((c) => c.spec.participant));
    const sandbox = sandboxProblem([...bash], missingSandboxPackages());
    if (sandbox) console.log(`A run would stop: ${sandbox}`);
    return 0;
  }

  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error(
      '\nstopping: no new calls; what returned is saved (Ctrl-C again to quit at once)',
    );
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const result = await runExperiment({
    dir,
    stages,
    concurrency,
    fresh: opts.fresh,
    maxCost,
    env: process.env,
    prices,
    progress: progressDisplay(),
    signal: controller.signal,
  });
  const t = result.totals;
  for (const note of result.notes) console.log(note);
  if (result.setAside)
    console.log(`earlier calls set aside in ${path.relative(process.cwd(), result.setAside)}`);
  const cost =
    t.made && t.unpriced === t.made
      ? `cost unknown (no price in ${pricesName} for these models)`
      : `${usd(t.cost)}${t.unpriced ? ` (+ ${t.unpriced} calls without a price in ${pricesName})` : ''}`;
  console.log(
    `\n${t.made} calls made, ${t.reused} taken from earlier runs, ${t.failed} failed · ${num(t.tokens)} tokens · ${cost} · ${seconds(result.wallMs)}`,
  );
  for (const f of result.failures) console.log(`  failed: ${f.kind} ${f.participant}: ${f.error}`);
  if (result.interrupted) {
    console.log('interrupted: run the same command again to make only the calls not yet done');
    return 130;
  }
  if (result.failures.length) {
    console.log('some calls failed: run the same command again to retry only those');
    return 1;
  }
  console.log(`written to ${path.relative(process.cwd(), dir) || dir}/ · then: npm run build`);
  return 0;
}

await runCli(main);
