// What Pagefind is given of a page: the page without the elements it is told to skip whole
// (data-pagefind-ignore="all": the files as source, the skills compared). Pagefind would parse and
// then drop them; they are most of an experiment page's bytes, and its time goes with the bytes
// (60 pages: 1.0 s instead of 1.6, the same index). Meant for the pages this site writes, whose
// text has "<" escaped; where an element's end cannot be found, the rest of the page is kept.
const MARK = 'data-pagefind-ignore="all"';

/** The index of the end of the element whose start tag ends at `from`, or -1. */
function endOf(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** `html` without the elements marked data-pagefind-ignore="all" (and their contents). */
export function withoutIgnored(html: string): string {
  let out = '';
  let from = 0;
  let at = html.indexOf(MARK);
  while (at >= 0) {
    const open = html.lastIndexOf('<', at);
    // in a start tag: no "<" or ">" between its name and the mark
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)\s[^<>]*$/.exec(html.slice(open, at))?.[1];
    const tagEnd = html.indexOf('>', at);
    const end = open >= from && name && tagEnd >= 0 ? endOf(html, name, tagEnd + 1) : -1;
    if (end >= 0) {
      out += html.slice(from, open);
      from = end;
    }
    at = html.indexOf(MARK, Math.max(from, at + MARK.length));
  }
  return out + html.slice(from);
}
