// The content loader of the experiments collection, live in `astro dev`: it reads every experiment
// at startup and, in dev, again whenever a file under the experiments folder changes (post.md,
// experiment.yaml, an evaluation, a skill), so that the page shows the edit when it is saved. In
// dev, bad content does not stop the server: the error is kept and the pages throw it (see
// throwContentError), so the browser shows the same message as a build, naming the file and line.
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { UserError } from '../content/errors.ts';

/** One entry of the collection: its id (the slug) and whatever the site keeps of it. */
export type LoadedEntry = { id: string } & Record<string, unknown>;

// The loader runs in Astro's content layer and the pages in Vite's module graph: they may load
// this module apart, so what they share lives on globalThis.
const STATE = Symbol.for('crossjudge.content-state');
interface State {
  /** Bumped on every reload: caches of what the pages derive from the entries are kept by it. */
  generation: number;
  /** The error of the last reload, when it failed. */
  error: Error | null;
}
const state = ((globalThis as unknown as Record<symbol, State>)[STATE] ??= {
  generation: 0,
  error: null,
});

/** How many times the content was read: 0 in a build (read once), more in dev after edits. */
export const contentGeneration = () => state.generation;

/** The pages call this first: the content's error in dev, thrown where the browser shows it. */
export function throwContentError(): void {
  if (state.error) throw state.error;
}

/** Astro prints an error's stack under "Stack trace:"; a UserError (bad content) has none to show. */
export function withoutStack(err: unknown): unknown {
  if (err instanceof UserError) err.stack = '';
  return err;
}

async function sync(read: () => Promise<LoadedEntry[]>, ctx: LoaderContext, dev: boolean) {
  try {
    const entries = await read();
    ctx.store.clear();
    for (const data of entries) ctx.store.set({ id: data.id, data });
    state.error = null;
  } catch (err) {
    if (!dev) throw withoutStack(err);
    // a change to the store is what makes the dev server reload the page, which shows the error
    ctx.store.clear();
    state.error = withoutStack(err) as Error;
    ctx.logger.error(state.error.message);
  }
  state.generation++;
}

/** Calls `run` once after a burst of events (an editor's save is often several), one run at a time. */
function debounced(run: () => Promise<void>, ms = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(run)), ms);
  };
}

/** A loader reading `dir` with `read`, and again on every change under `dir` in dev. */
export function experimentsLoader(dir: () => string, read: () => Promise<LoadedEntry[]>): Loader {
  return {
    name: 'crossjudge-experiments',
    async load(ctx) {
      const watcher = ctx.watcher;
      await sync(read, ctx, !!watcher);
      if (!watcher) return;
      const root = path.resolve(dir());
      const reload = debounced(() => sync(read, ctx, true));
      watcher.add(root);
      watcher.on('all', (_event, file) => {
        if (path.resolve(file).startsWith(root + path.sep)) reload();
      });
    },
  };
}
