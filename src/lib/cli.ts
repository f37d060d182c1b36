// Runs a command-line entry point: a UserError (bad input) prints its message alone, without a stack,
// and everything the command prints passes forTerminal(): file names, model text and server errors
// come from outside, and escape sequences in them would act on the terminal.
import { UserError } from './content/experiment.ts';
import { forTerminal } from './text/controls.ts';

const printable = (value: unknown) =>
  typeof value === 'string'
    ? forTerminal(value)
    : value instanceof Error
      ? forTerminal(value.stack ?? String(value))
      : value;

/** console.log, .error, .warn and .info with forTerminal() applied to what they print. */
function printSafely(): void {
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    const print = console[method].bind(console);
    console[method] = (...args: unknown[]) => print(...args.map(printable));
  }
}

export async function runCli(main: () => Promise<number | void>): Promise<void> {
  printSafely();
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (err) {
    if (err instanceof UserError) console.error(`error: ${err.message}`);
    else if (process.env.DEBUG) console.error(err);
    else
      console.error(
        `error: ${(err as Error)?.message ?? err}\n(set DEBUG=1 to see where it came from)`,
      );
    process.exitCode = 1;
  }
}
