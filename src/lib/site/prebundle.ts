// In `astro build`, the pages take the modules of src/lib they import from a bundle esbuild makes
// (bundles.ts) instead of from Vite's: Rollup bundling them with the pages was seconds of every
// build's fixed cost (docs/performance.md). Vite still builds the pages, components and layouts;
// `astro dev` is untouched, so that a change to the code reloads as before.
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { pathToFileURL } from 'node:url';
import { bundleDir, bundled, isLib, outputOf } from './bundles.ts';

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

/** The Astro integration: adds the plugin to the build. */
export function prebundledLib(): AstroIntegration {
  return {
    name: 'crossjudge:prebundled-lib',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [plugin()] } });
      },
    },
  };
}
