// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { rehypeAccessible } from './src/lib/site/render/accessible.ts';
import { searchIndex } from './src/lib/site/search-index.ts';

// CROSSJUDGE_SITE: the address the site is published at, e.g. https://someone.github.io/crossjudge/
// for a GitHub Pages project site. Its path becomes the site's base: every page, link and asset
// lives under it (pages and components build links with link() from src/lib/site.ts).
// CROSSJUDGE_OUT: where the build goes (default dist/). CROSSJUDGE_CACHE: where rendered pages are
// kept between builds (default node_modules/.cache/crossjudge); Astro's own cache goes there too.
function siteAddress(value = 'http://localhost:4321/') {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `CROSSJUDGE_SITE=${value}: give the full address the site is published at, like https://someone.github.io/crossjudge/`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = url.hash = '';
  return url;
}
const site = siteAddress(process.env.CROSSJUDGE_SITE || undefined);
// A BASE_URL in the environment (vitest sets one) would override the base in every page's links.
delete process.env.BASE_URL;

export default defineConfig({
  site: site.href,
  base: site.pathname,
  outDir: process.env.CROSSJUDGE_OUT ?? './dist',
  cacheDir: process.env.CROSSJUDGE_CACHE ? `${process.env.CROSSJUDGE_CACHE}/astro` : undefined,
  trailingSlash: 'ignore',
  // the search index (Pagefind) is made when the build is done
  integrations: [sitemap(), searchIndex()],
  // the site's own markdown pages (src/pages/*.md): wide tables scroll in their own region
  markdown: { rehypePlugins: [rehypeAccessible] },
  devToolbar: { enabled: false },
  // pages read what workers made and write their files: several at a time, so that they do not wait
  // on the disk one by one
  build: { format: 'directory', concurrency: 16 },
  // native and wasm modules of the social cards load from node_modules, not the bundle
  vite: { ssr: { external: ['@resvg/resvg-js', 'satori'] } },
});
