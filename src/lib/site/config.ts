// The site's Astro configuration. astro.config.mjs gives it to Astro, bundled by esbuild: Node
// cannot import TypeScript, and Astro then loaded the configuration through a Vite server of its
// own, about 0.7 s of every build and every `astro dev` start (docs/performance.md).
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { rehypeAccessible } from './render/accessible.ts';
import { searchIndex } from './search-index.ts';
import { prebundledLib } from './prebundle.ts';
import { siteAddress } from './address.ts';
import { prepareEarly } from './prepare/integration.ts';
import { outDirMovedAside } from './out-dir.ts';

/**
 * The configuration; `collection` is the bundled collection.ts, which content.config.ts takes in
 * `astro build` (prebundle.ts).
 */
export function siteConfig({ collection }: { collection: string }) {
  // CROSSJUDGE_SITE: the address the site is published at (see address.ts); its path is the
  // site's base, and every page, link and asset lives under it.
  // CROSSJUDGE_OUT: where the build goes (default dist/). CROSSJUDGE_CACHE: where rendered pages
  // are kept between builds (default node_modules/.cache/crossjudge); Astro's own cache goes there too.
  const site = siteAddress();
  // A BASE_URL in the environment (vitest sets one) would override the base where Astro's own code
  // reads import.meta.env.BASE_URL (the pages' links come from address.ts).
  delete process.env.BASE_URL;

  return defineConfig({
    site: site.href,
    base: site.pathname,
    outDir: process.env.CROSSJUDGE_OUT ?? './dist',
    cacheDir: process.env.CROSSJUDGE_CACHE ? `${process.env.CROSSJUDGE_CACHE}/astro` : undefined,
    trailingSlash: 'ignore',
    // the experiments' analyses, fragments and cards are started first, and the last build's files
    // removed in the background; the pages' code of src/lib is bundled by esbuild; the search index
    // (Pagefind) is made when the build is done
    integrations: [
      prepareEarly(),
      outDirMovedAside(),
      sitemap(),
      searchIndex(),
      prebundledLib(collection),
    ],
    // the site's own markdown pages (src/pages/*.md): wide tables scroll in their own region
    markdown: { rehypePlugins: [rehypeAccessible] },
    devToolbar: { enabled: false },
    // pages read what workers made and write their files: several at a time, so that they do not
    // wait on the disk one by one
    build: { format: 'directory', concurrency: 16 },
    vite: {
      // native and wasm modules of the social cards load from node_modules, not the bundle
      ssr: { external: ['@resvg/resvg-js', 'satori'] },
      // the bundle runs on the server only, once: its size does not matter, and tree-shaking it was
      // half a second of every build
      build: { rollupOptions: { treeshake: false } },
    },
  });
}
