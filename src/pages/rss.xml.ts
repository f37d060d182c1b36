import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { absolute, allEntries, titleOf } from '../lib/site/entries.ts';
import { Anchors } from '../lib/site/anchors.ts';
import { topFindings } from '../lib/analysis/findings.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: 'crossjudge experiments',
    description: 'Model cross-evaluation experiments: models write skills, then judge each other.',
    site: site!,
    items: (await allEntries()).map((entry) => {
      const { experiment: e, analysis: a, post } = entry;
      const page = absolute(`experiments/${e.slug}/`, site);
      // the certain findings only: the tentative ones stay in the page's appendix
      const findings = topFindings(e, a);
      const ids = new Anchors();
      return {
        title: titleOf(entry),
        pubDate: post?.meta.date ?? e.manifest.date,
        description: [
          post?.meta.description ?? `${a.headline}.`,
          ...findings.map((f) => `${f.text}.`),
          e.manifest.summary,
        ]
          .filter(Boolean)
          .join(' '),
        // the findings again, each linking to its evidence on the page
        content: `<p>${escape(a.headline)}.</p>${findings.length ? `<ul>${findings.map((f) => `<li><a href="${escape(`${page}#${ids.id(...f.anchor)}`)}">${escape(f.text)}</a></li>`).join('')}</ul>` : ''}${e.manifest.summary ? `<p>${escape(e.manifest.summary)}</p>` : ''}`,
        link: page,
      };
    }),
  });
