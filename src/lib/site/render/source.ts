// A file as source, with an id on each line so that a link can land on it. Markdown (most of what a
// skill is) is coloured by what each line is: a heading, a list item, a quote, code, front matter,
// one class a line (global.css), read in one pass. Tokenizing it with shiki's markdown grammar cost
// more than rendering the document, and its per-token markup weighed more than the text. Other
// languages are highlighted by shiki.
import { lineId } from './lines.ts';
import { codeHtml, escapeHtml } from './highlighter.ts';

/** What a markdown line is: a heading, code (a fence and what it holds), a quote, front matter, text. */
export type LineKind = 'h' | 'c' | 'q' | 'f' | '';

const FENCE = /^\s*(`{3,}|~{3,})/;

/** The kind of each line of a markdown text. */
export function markdownLineKinds(lines: string[]): LineKind[] {
  const kinds: LineKind[] = [];
  let fence: string | null = null;
  const frontMatterEnd = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  lines.forEach((line, i) => {
    if (i <= frontMatterEnd) return void kinds.push('f');
    const f = line.match(FENCE);
    if (fence !== null || f) {
      kinds.push('c');
      if (f && fence === null) fence = f[1][0].repeat(f[1].length);
      else if (f && f[1].startsWith(fence!)) fence = null;
      return;
    }
    if (/^ {0,3}#{1,6}(\s|$)/.test(line)) kinds.push('h');
    else if (/^ {0,3}>/.test(line)) kinds.push('q');
    else kinds.push('');
  });
  return kinds;
}

const LIST = /^(\s*(?:[-*+]|\d+[.)]))(\s.*)?$/;
const KEY = /^([\w-]+)(:.*)$/;

/** One markdown line as HTML: list markers, front-matter keys and inline code set apart. */
function markdownLine(line: string, kind: LineKind): string {
  if (kind === 'f' && KEY.test(line)) {
    const [, key, rest] = line.match(KEY)!;
    return `<span class="md-k">${escapeHtml(key)}</span>${escapeHtml(rest)}`;
  }
  if (kind !== '') return escapeHtml(line);
  const list = line.match(LIST);
  const [marker, rest] = list ? [list[1], list[2] ?? ''] : ['', line];
  const text = escapeHtml(rest).replace(/`[^`]+`/g, (code) => `<span class="md-c">${code}</span>`);
  return (marker ? `<span class="md-k">${escapeHtml(marker)}</span>` : '') + text;
}

/** A markdown file as source, a line a span (`prefix`-L1, …), coloured by kind. */
export function markdownSourceHtml(text: string, prefix: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const kinds = markdownLineKinds(lines);
  const html = lines.map(
    (line, i) =>
      `<span class="line${kinds[i] ? ` md-${kinds[i]}` : ''}" id="${lineId(prefix, i + 1)}">${markdownLine(line, kinds[i])}</span>`,
  );
  return `<pre class="shiki source" tabindex="0"><code>${html.join('\n')}</code></pre>`;
}

/** A file as source with an id on each line: markdown by line kind, other languages by shiki. */
export async function sourceHtml(text: string, lang: string, prefix: string): Promise<string> {
  if (lang === 'markdown') return markdownSourceHtml(text, prefix);
  let n = 0;
  return (await codeHtml(text, lang)).replace(
    /<span class="line">/g,
    () => `<span class="line" id="${lineId(prefix, ++n)}">`,
  );
}
