// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// CROSSJUDGE_SITE: the address the site is published at (used by the RSS feed and the sitemap).
// CROSSJUDGE_OUT: where the build goes (default dist/).
export default defineConfig({
  site: process.env.CROSSJUDGE_SITE ?? 'http://localhost:4321',
  outDir: process.env.CROSSJUDGE_OUT ?? './dist',
  trailingSlash: 'ignore',
  integrations: [sitemap()],
  devToolbar: { enabled: false },
  build: { format: 'directory' },
});
