// Line and word level diff of two files, syntax-highlighted by shiki, as HTML that reads on a phone:
// one column, long lines wrap, unchanged runs fold into <details> (no JavaScript needed).
import { diffLines, diffWordsWithSpace } from 'diff';
import type { ThemedToken } from 'shiki';
import { escapeHtml, styleOf, tokensOf } from './highlighter.ts';
import { cached } from './cache.ts';

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
function wordMarks(a: string, b: string): [[number, number][], [number, number][]] | null {
  const parts = diffWordsWithSpace(a, b);
  const oldMarks: [number, number][] = [];
  const newMarks: [number, number][] = [];
  let i = 0,
    j = 0,
    same = 0;
  for (const p of parts) {
    const n = p.value.length;
    if (p.added) newMarks.push([j, (j += n)]);
    else if (p.removed) oldMarks.push([i, (i += n)]);
    else {
      i += n;
      j += n;
      same += p.value.trim().length;
    }
  }
  const size = Math.max(a.trim().length, b.trim().length, 1);
  return same / size >= 0.4 ? [oldMarks, newMarks] : null;
}

/** Pure: the rows of a diff with word marks on lines changed in place. */
export function diffRows(oldText: string, newText: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let o = 1,
    n = 1;
  const changes = diffLines(oldText, newText);
  for (let c = 0; c < changes.length; c++) {
    const ch = changes[c];
    const lines = split(ch.value);
    if (!ch.added && !ch.removed) {
      for (const text of lines)
        rows.push({ type: 'same', oldNo: o++, newNo: n++, text, marks: [] });
      continue;
    }
    if (ch.removed && changes[c + 1]?.added) {
      const added = split(changes[c + 1].value);
      const del: DiffRow[] = lines.map((text) => ({ type: 'del', oldNo: o++, text, marks: [] }));
      const add: DiffRow[] = added.map((text) => ({ type: 'add', newNo: n++, text, marks: [] }));
      for (let k = 0; k < Math.min(del.length, add.length); k++) {
        const m = wordMarks(del[k].text, add[k].text);
        if (m) [del[k].marks, add[k].marks] = m;
      }
      rows.push(...del, ...add);
      c++;
      continue;
    }
    for (const text of lines)
      rows.push(
        ch.added
          ? { type: 'add', newNo: n++, text, marks: [] }
          : { type: 'del', oldNo: o++, text, marks: [] },
      );
  }
  return rows;
}

export function diffStats(rows: DiffRow[]): DiffStats {
  return {
    added: rows.filter((r) => r.type === 'add').length,
    removed: rows.filter((r) => r.type === 'del').length,
  };
}

/** One line's tokens as spans, with the marked ranges wrapped in <mark>. */
function lineHtml(tokens: ThemedToken[], marks: [number, number][], tag: 'ins' | 'del'): string {
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    const end = pos + t.content.length;
    const cuts = new Set([pos, end]);
    for (const [a, b] of marks) for (const x of [a, b]) if (x > pos && x < end) cuts.add(x);
    const points = [...cuts].sort((x, y) => x - y);
    for (let k = 0; k < points.length - 1; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const span = `<span style="${styleOf(t)}">${escapeHtml(t.content.slice(a - pos, b - pos))}</span>`;
      const marked = marks.some(([x, y]) => a >= x && b <= y);
      out += marked ? `<${tag}>${span}</${tag}>` : span;
    }
    pos = end;
  }
  return out;
}

const CONTEXT = 3;

export interface RenderedDiff extends DiffStats {
  html: string;
}

async function render(oldText: string, newText: string, lang: string): Promise<RenderedDiff> {
  const rows = diffRows(oldText, newText);
  const oldTokens = await tokensOf(oldText, lang);
  const newTokens = await tokensOf(newText, lang);
  const rowHtml = (r: DiffRow) => {
    const tokens = r.type === 'add' ? newTokens[r.newNo! - 1] : oldTokens[r.oldNo! - 1];
    const sign = r.type === 'add' ? '+' : r.type === 'del' ? '−' : ' ';
    const label = r.type === 'add' ? 'added' : r.type === 'del' ? 'removed' : '';
    return (
      `<div class="row ${r.type}"><span class="no">${r.oldNo ?? ''}</span><span class="no">${r.newNo ?? ''}</span>` +
      `<span class="sign"${label ? ` title="${label}"` : ''}>${sign}${label ? `<span class="visually-hidden"> ${label}</span>` : ''}</span>` +
      `<span class="code">${lineHtml(tokens ?? [], r.marks, r.type === 'add' ? 'ins' : 'del') || ' '}</span></div>`
    );
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
  cached('diff', [oldText, newText, lang], () => render(oldText, newText, lang));
