// Runs a command-line entry point: a UserError (bad input) prints its message alone, without a stack.
import { UserError } from './content/experiment.ts';

export async function runCli(main: () => Promise<number | void>): Promise<void> {
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
