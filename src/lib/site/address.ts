// Where the site is published: CROSSJUDGE_SITE, e.g. https://someone.github.io/crossjudge/ for a
// GitHub Pages project site. Its path is the site's base: every page, link and asset lives under
// it. Read here for the configuration (config.ts) and for the pages' links alike.

/** The address the site is published at (default: the dev server's), ending in "/". */
export function siteAddress(value = process.env.CROSSJUDGE_SITE || 'http://localhost:4321/'): URL {
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

let base: string | undefined;
/** The site's base path ("/", or "/crossjudge/"), read once. */
export const basePath = () => (base ??= siteAddress().pathname);
