// The pages' bundle and the build's integrations are loaded apart in one process (Node loads the
// one, Vite the other): what the pages' code offers the integrations passes through globalThis.
import type { writeOutputs } from './outputs.ts';
import type { keepPages } from './render/kept-pages.ts';

/** What runs when the pages are done, each in the built site's folder. */
interface Offered {
  writeOutputs: typeof writeOutputs;
  keepPages: typeof keepPages;
}

const OFFERED = Symbol.for('crossjudge.offered');
const shared = globalThis as { [OFFERED]?: Partial<Offered> };

/** Offered by outputs.ts and kept-pages.ts when the pages load them. */
export const offer = <K extends keyof Offered>(name: K, fn: Offered[K]) =>
  ((shared[OFFERED] ??= {})[name] = fn);

/** For the integration, once the pages are done (prebundle.ts). */
export function offered<K extends keyof Offered>(name: K): Offered[K] {
  const fn = shared[OFFERED]?.[name];
  if (!fn) throw new Error(`the pages did not load the module that offers ${name}`);
  return fn as Offered[K];
}
