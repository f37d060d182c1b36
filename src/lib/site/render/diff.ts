// Line and word level diff of two files, syntax-highlighted by shiki, as HTML that reads on a phone:
// one column, long lines wrap, unchanged runs fold into <details> (no JavaScript needed).
import type { ThemedToken } from 'shiki';
import { escapeHtml, tokensOf } from './highlighter.ts';
import { tokenHtml } from './tokens.ts';
import { cached } from './cache.ts';
import { markdownLineKinds } from './source.ts';
import { runs, wordMarks } from '../../analysis/sequences.ts';

export interface DiffRow {
  type: 'same' | 'add' | 'del';
  oldNo?: number;
  newNo?: number;
  text: string;
  /** Character ranges changed within this line, from the word-level diff. */
  marks: [number, number][];
}

export interface DiffStats {
  added: number;
  removed: number;
}

const split = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));

/** Word ranges that differ between two lines, or null when the lines share too little to pair. */
function pairMarks(a: string, b: string): [[number, number][], [number, number][]] | null {
  const m = wordMarks(a, b);
  const size = Math.max(a.trim().length, b.trim().length, 1);
  return m.same / size >= 0.4 ? [m.a, m.b] : null;
}

/** Pure: the rows of a diff with word marks on lines changed in place. */
export function diffRows(oldText: string, newText: string): DiffRow[] {
  const [before, after] = [split(oldText), split(newText)];
  const row = (type: DiffRow['type'], i: number | null, j: number | null): DiffRow => ({
    type,
    ...(i === null ? {} : { oldNo: i + 1 }),
    ...(j === null ? {} : { newNo: j + 1 }),
    text: i === null ? after[j!] : before[i],
    marks: [],
  });
  const rows: DiffRow[] = [];
  const changes = runs(before, after);
  changes.forEach((r, c) => {
    const span = Array.from({ length: r.length }, (_, k) => k);
    if (r.kind === 'same') return void rows.push(...span.map((k) => row('same', r.a + k, r.b + k)));
    if (r.kind === 'added') {
      if (changes[c - 1]?.kind === 'removed') return; // paired with the lines it replaced, below
      return void rows.push(...span.map((k) => row('add', null, r.b + k)));
    }
    const del = span.map((k) => row('del', r.a + k, null));
    const next = changes[c + 1];
    const add =
      next?.kind === 'added'
        ? Array.from({ length: next.length }, (_, k) => row('add', null, next.b + k))
        : [];
    for (let k = 0; k < Math.min(del.length, add.length); k++) {
      const m = pairMarks(del[k].text, add[k].text);
      if (m) [del[k].marks, add[k].marks] = m;
    }
    rows.push(...del, ...add);
  });
  return rows;
}

export function diffStats(rows: DiffRow[]): DiffStats {
  return {
    added: rows.filter((r) => r.type === 'add').length,
    removed: rows.filter((r) => r.type === 'del').length,
  };
}

/** One line's tokens as spans, with the marked ranges wrapped in <ins> or <del>. */
function tokensHtml(tokens: ThemedToken[], marks: [number, number][], tag: 'ins' | 'del'): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    const end = pos + t.content.length;
    const cuts = new Set([pos, end]);
    for (const [a, b] of marks) for (const x of [a, b]) if (x > pos && x < end) cuts.add(x);
    const points = [...cuts].sort((x, y) => x - y);
    for (let k = 0; k < points.length - 1; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const span = tokenHtml(t, escapeHtml(t.content.slice(a - pos, b - pos)));
      const marked = marks.some(([x, y]) => a >= x && b <= y);
      out += marked ? `<${tag}>${span}</${tag}>` : span;
    }
    pos = end;
  }
  return out;
}

/** A line as text, the marked ranges wrapped in <ins> or <del>. */
function textHtml(text: string, marks: [number, number][], tag: 'ins' | 'del'): string {
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    out += `${escapeHtml(text.slice(at, a))}<${tag}>${escapeHtml(text.slice(a, b))}</${tag}>`;
    at = b;
  }
  return out + escapeHtml(text.slice(at));
}

/** How one side's lines are drawn: markdown by line kind (as its source view is), code by shiki. */
type Painter = (
  line: number,
  text: string,
  marks: [number, number][],
  tag: 'ins' | 'del',
) => string;
async function painter(
  text: string,
  lang: string,
): Promise<{ paint: Painter; kind: (line: number) => string }> {
  if (lang === 'markdown') {
    const kinds = markdownLineKinds(split(text));
    return {
      paint: (_line, t, marks, tag) => textHtml(t, marks, tag),
      kind: (line) => (kinds[line - 1] ? ` md-${kinds[line - 1]}` : ''),
    };
  }
  const tokens = await tokensOf(text, lang);
  return {
    paint: (line, _t, marks, tag) => tokensHtml(tokens[line - 1] ?? [], marks, tag),
    kind: () => '',
  };
}

const CONTEXT = 3;

export interface RenderedDiff extends DiffStats {
  html: string;
}

/** Two versions of a file, line by line, as HTML (uncached; see renderDiff). */
export async function diffHtml(
  oldText: string,
  newText: string,
  lang: string,
): Promise<RenderedDiff> {
  const rows = diffRows(oldText, newText);
  const [before, after] = await Promise.all([painter(oldText, lang), painter(newText, lang)]);
  // a row: its line numbers in data attributes and its sign drawn by CSS (global.css), which
  // weighs a third of spelling them out in elements on every line
  const rowHtml = (r: DiffRow) => {
    const [side, line] = r.type === 'add' ? [after, r.newNo!] : [before, r.oldNo!];
    const label = r.type === 'add' ? 'added: ' : r.type === 'del' ? 'removed: ' : '';
    const code = side.paint(line, r.text, r.marks, r.type === 'add' ? 'ins' : 'del');
    const numbers =
      (r.oldNo ? ` data-o="${r.oldNo}"` : '') + (r.newNo ? ` data-n="${r.newNo}"` : '');
    const hidden = label ? `<span class="visually-hidden">${label}</span>` : '';
    return `<div class="r${r.type === 'same' ? '' : ` ${r.type}`}${side.kind(line)}"${numbers}><span>${hidden}${code}</span></div>`;
  };
  // keep CONTEXT unchanged lines around changes; fold the rest
  const near = rows.map((_, i) =>
    rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.type !== 'same'),
  );
  let html = '';
  for (let i = 0; i < rows.length;) {
    if (near[i]) {
      html += rowHtml(rows[i++]);
      continue;
    }
    let j = i;
    while (j < rows.length && !near[j]) j++;
    const folded = rows.slice(i, j).map(rowHtml).join('');
    html += `<details class="fold"><summary>${j - i} unchanged line${j - i === 1 ? '' : 's'}</summary>${folded}</details>`;
    i = j;
  }
  return { html: `<div class="diff shiki">${html}</div>`, ...diffStats(rows) };
}

export const renderDiff = (oldText: string, newText: string, lang: string) =>
  cached('diff', [oldText, newText, lang], () => diffHtml(oldText, newText, lang));
