// In `astro build`, the pages take the modules of src/lib they import from a bundle esbuild makes
// (bundles.ts) instead of from Vite's: Rollup bundling them with the pages was seconds of every
// build's fixed cost (docs/performance.md). Vite still builds the pages, components and layouts;
// `astro dev` is untouched, so that a change to the code reloads as before. When the pages are
// done, the site's other files are written by the bundle's outputs.ts, from what the pages used.
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleDir, bundled, isLib, outputOf } from './bundles.ts';
import { offered } from './handoff.ts';

function plugin(): Plugin {
  const entries = new Set<string>();
  return {
    name: 'crossjudge:prebundled-lib',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // the server side only: what a page ships to the browser is bundled as usual
      if (!importer || !options.ssr || isLib(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !isLib(resolved.id)) return null;
      entries.add(resolved.id);
      return {
        id: pathToFileURL(outputOf(await bundleDir('pages'), resolved.id)).href,
        external: true,
      };
    },
    // before the pages are rendered, which load it
    async buildEnd(error) {
      if (!error && entries.size) await bundled('pages', [...entries]);
    },
  };
}

/** The content collection's loader (by the project's path: this module runs from a bundle). */
const COLLECTION = path.resolve('src/lib/site/collection.ts');

/**
 * The server Astro starts to load the content configuration takes the collection's loader from the
 * configuration's bundle (`bundled`), instead of loading its modules one by one.
 */
function bundledCollection(bundled: string): Plugin {
  let serving = false; // Astro gives a build's servers its plugins, but not `apply: 'serve'`
  return {
    name: 'crossjudge:bundled-collection',
    enforce: 'pre',
    configResolved: (config) => void (serving = config.command === 'serve'),
    async resolveId(source, importer, options) {
      if (!serving || !importer || importer.includes('/node_modules/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === COLLECTION ? { id: bundled, external: true } : null;
    },
  };
}

/**
 * The Astro integration: adds the plugins to the build (`collection`: the bundled collection.ts),
 * and, when it is done, writes the outputs and keeps the experiment pages (kept-pages.ts).
 */
export function prebundledLib(collection: string): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'crossjudge:prebundled-lib',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build')
          updateConfig({ vite: { plugins: [plugin(), bundledCollection(collection)] } });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      // the pages' routes loaded the bundle's outputs.ts and kept-pages.ts, which offered these
      // (handoff.ts)
      'astro:build:done': async ({ dir }) => {
        await offered('writeOutputs')(fileURLToPath(dir), site);
        await offered('keepPages')(fileURLToPath(dir));
      },
    },
  };
}
