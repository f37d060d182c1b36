// The pages' bundle and the build's integrations are loaded apart in one process (Node loads the
// one, Vite the other): what the pages' code offers the integrations passes through globalThis.
import type { writeOutputs } from './outputs.ts';

const OUTPUTS = Symbol.for('crossjudge.write-outputs');
const shared = globalThis as { [OUTPUTS]?: typeof writeOutputs };

/** Offered by outputs.ts when the pages load it. */
export const offerOutputs = (write: typeof writeOutputs) => (shared[OUTPUTS] = write);

/** For the integration, once the pages are done (prebundle.ts). */
export function outputsWriter(): typeof writeOutputs {
  const write = shared[OUTPUTS];
  if (!write) throw new Error('the pages did not load src/lib/site/outputs.ts');
  return write;
}
