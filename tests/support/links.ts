// Follows every internal link and asset reference of a built site, as a reader (or GitHub Pages)
// would: each href, src and srcset of every HTML page, and the addresses in the RSS feed, the
// sitemap and the JSON twins, resolved against the page's published address, mapped to the built
// folder. A reference is broken when its file is missing, it leaves the site's base, or its #id is
// not on the target page. HTML is parsed by the browser's own parser (DOMParser, no loading).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export interface LinkReport {
  /** "page: reference (why)" for each broken one. */
  broken: string[];
  /** Every internal reference checked, as "page -> resolved address". */
  checked: string[];
}

interface Parsed {
  refs: string[];
  ids: string[];
}

async function files(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The published address of a built file; 404.html is served at any missing address, so a deep one. */
function addressOf(file: string, site: URL): URL {
  if (file === '404.html') return new URL('no/such/page/', site);
  return new URL(file.replace(/(^|\/)index\.html$/, '$1'), site);
}

export async function checkLinks(
  dist: string,
  siteAddress: string,
  browser: Browser,
): Promise<LinkReport> {
  const site = new URL(siteAddress);
  const all = await files(dist);
  const page = await browser.newPage({ javaScriptEnabled: false });
  const parsed = new Map<string, Parsed>();
  for (const file of all.filter((f) => f.endsWith('.html'))) {
    const html = await fs.readFile(path.join(dist, file), 'utf8');
    parsed.set(
      file,
      await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        const refs: string[] = [];
        for (const el of doc.querySelectorAll('[href], [src], [srcset]')) {
          for (const a of ['href', 'src']) if (el.hasAttribute(a)) refs.push(el.getAttribute(a)!);
          const srcset = el.getAttribute('srcset');
          if (srcset)
            refs.push(
              ...srcset
                .split(',')
                .map((s) => s.trim().split(/\s+/)[0])
                .filter(Boolean),
            );
        }
        const ids = [...doc.querySelectorAll('[id], a[name]')].map(
          (el) => el.getAttribute('id') ?? el.getAttribute('name')!,
        );
        return { refs, ids };
      }, html),
    );
  }
  await page.close();
  // addresses published in the feed, the sitemaps and the JSON twins
  for (const file of all.filter((f) => /\.(xml|json)$/.test(f))) {
    const text = await fs.readFile(path.join(dist, file), 'utf8');
    const refs = file.endsWith('.json')
      ? [...text.matchAll(/"url": "([^"]+)"/g)].map((m) => m[1])
      : [...text.matchAll(/<(?:link|guid[^>]*|loc)>([^<]+)</g)].map((m) => m[1]);
    parsed.set(file, { refs, ids: [] });
  }

  const report: LinkReport = { broken: [], checked: [] };
  const present = new Set(all);
  for (const [file, { refs }] of parsed) {
    for (const ref of refs) {
      const here = addressOf(file, site);
      const url = new URL(ref, here);
      if (url.origin !== site.origin || !/^https?:$/.test(url.protocol)) continue;
      report.checked.push(`${file} -> ${url.href}`);
      if (!url.pathname.startsWith(site.pathname)) {
        report.broken.push(`${file}: ${ref} (outside the site's base ${site.pathname})`);
        continue;
      }
      const rel = decodeURIComponent(url.pathname.slice(site.pathname.length));
      const samePage = url.href.replace(/#.*/, '') === here.href;
      const target = samePage
        ? file
        : [rel, `${rel}/index.html`.replace(/^\//, ''), `${rel}index.html`].find(
            (f) => f !== '' && !f.endsWith('/') && present.has(f),
          );
      if (!target) {
        report.broken.push(`${file}: ${ref} (no ${rel || 'index.html'} in the build)`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !parsed.get(target)?.ids.includes(id))
        report.broken.push(`${file}: ${ref} (no id "${id}" on ${target})`);
    }
  }
  return report;
}
