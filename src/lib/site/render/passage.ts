// A passage of markdown (a paragraph, a list item, a heading) as safe HTML for the side-by-side
// comparison, with its changed words marked: <del> on one side, <ins> on the other. The marks are
// set on the markdown's characters, carried through rendering as private-use characters, and put
// back as tags closed and reopened around every other tag, so they never break its nesting.
// Task-list boxes get a label; relative links keep their text only.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { remarkHtmlAsText, rehypeVisibleControls } from './markdown.ts';
import { rehypeAccessible } from './accessible.ts';
import { rehypeDocLinks } from './links.ts';

const OPEN = '\uE000';
const CLOSE = '\uE001';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkHtmlAsText)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeVisibleControls)
  .use(rehypeAccessible)
  // a link to another file of the skill keeps its text and loses its href: it could only be broken here
  .use(rehypeDocLinks, { prefix: 'compared' })
  .use(rehypeStringify);

/** Emphasis and code marks: a marker next to them, on the inside, would undo the emphasis. */
const DELIMITER = /[*_~`]/;

/** A marked range without the delimiters at its ends ("**Imperative subject.**" marks the words). */
function inside(text: string, [x, y]: [number, number]): [number, number] {
  while (x < y && DELIMITER.test(text[x])) x++;
  while (y > x && DELIMITER.test(text[y - 1])) y--;
  return [x, y];
}

/** The text with OPEN and CLOSE around each marked range; none inside a link's address. */
function withMarkers(text: string, marks: [number, number][]): string {
  const clean = text.replace(/[\uE000\uE001]/g, '\uFFFD');
  let out = '';
  let at = 0;
  for (const [x, y] of marks.map((m) => inside(clean, m)).filter(([x, y]) => y > x)) {
    out += clean.slice(at, x) + OPEN + clean.slice(x, y) + CLOSE;
    at = y;
  }
  out += clean.slice(at);
  return out.replace(/\]\(([^)]*)\)/g, (m) => m.replace(/[\uE000\uE001]/g, ''));
}

/** The rendered HTML with its markers as balanced `tag` elements. */
function balance(html: string, tag: string): string {
  let open = false;
  let out = '';
  for (const part of html.split(/(<[^>]*>|\uE000|\uE001)/)) {
    if (part === OPEN) {
      if (!open) out += `<${tag}>`;
      open = true;
    } else if (part === CLOSE) {
      if (open) out += `</${tag}>`;
      open = false;
    } else if (open && part.startsWith('<')) out += `</${tag}>${part}<${tag}>`;
    else out += part;
  }
  if (open) out += `</${tag}>`;
  return out.replaceAll(`<${tag}></${tag}>`, '').replace(/[\uE000\uE001]|%EE%80%8[01]/g, '');
}

/** A passage as HTML: markdown rendered (a heading as a bold line), its marked ranges as `tag`. */
export function passageHtml(text: string, marks: [number, number][], tag: 'del' | 'ins'): string {
  const prefix = text.match(/^#{1,6}[ \t]+/)?.[0] ?? '';
  const shifted = marks
    .map(([x, y]): [number, number] => [
      Math.max(0, x - prefix.length),
      Math.max(0, y - prefix.length),
    ])
    .filter(([x, y]) => y > x);
  const marked = withMarkers(text.slice(prefix.length), shifted);
  const md = prefix ? `**${marked.trim()}**` : marked;
  const html = String(processor.processSync(md)).trim();
  return balance(html, tag);
}
