// Two independently written files side by side (stacked on a phone), as HTML: sections aligned by
// heading and content (analysis/compare.ts), each passage rendered as markdown (render/passage.ts)
// with word-level marks only inside aligned passages, each side's size on top; the sections only
// one side has are folded.
import {
  compareMarkdown,
  sizeOf,
  type AlignedSection,
  type Passage,
} from '../../analysis/compare.ts';
import { escapeHtml } from '../render/highlighter.ts';
import { passageHtml } from '../render/passage.ts';

/** A section's heading as written, or its first words when it has none. */
function headingOf(s: AlignedSection): string {
  const first = (s.rows[0].a ?? s.rows[0].b)!.text;
  return /^#{1,6}\s/.test(first)
    ? first.replace(/^#+\s*/, '')
    : `${first.split(/\s+/).slice(0, 6).join(' ')}…`;
}

/** A section's rows; each side's first passage is labelled with its model (shown where the sides stack). */
function sectionHtml(rows: AlignedSection['rows'], names: [string, string]): string {
  const labelled = [false, false];
  const cell = (p: Passage | null, side: 0 | 1) => {
    if (!p) return `<div class="cell empty side-${side}"></div>`;
    const who = labelled[side] ? '' : `<span class="who">${escapeHtml(names[side])}</span>`;
    labelled[side] = true;
    const heading = /^#{1,6}\s/.test(p.text) ? ' heading' : '';
    return `<div class="cell side-${side}${heading}">${who}${passageHtml(p.text, p.marks, side ? 'ins' : 'del')}</div>`;
  };
  return rows
    .map(
      (r) => `<div class="prow${r.aligned ? ' aligned' : ''}">${cell(r.a, 0)}${cell(r.b, 1)}</div>`,
    )
    .join('');
}

function unmatchedHtml(s: AlignedSection, names: [string, string], noun: string): string {
  const n = s.rows.length;
  return (
    `<details class="unmatched"><summary>Only in ${escapeHtml(names[s.rows[0].a ? 0 : 1])}’s ${noun}: ` +
    `<strong>${escapeHtml(headingOf(s))}</strong> <span class="stats">(${n} ${n === 1 ? 'passage' : 'passages'})</span></summary>` +
    `<div class="pair">${sectionHtml(s.rows, names)}</div></details>`
  );
}

/** Files `a` and `b` (written by `names`) side by side. */
export function sideBySideHtml(
  a: string,
  b: string,
  names: [string, string],
  noun = 'skill',
): string {
  const sections = compareMarkdown(a, b);
  const aligned = sections.filter((s) => s.aligned).length;
  const head = [a, b]
    .map((text, i) => {
      const size = sizeOf(text);
      return `<div><strong>${escapeHtml(names[i])}</strong> <span class="stats">${size.lines} lines · ${size.words} words</span></div>`;
    })
    .join('');
  const body = sections
    .map((s) =>
      s.aligned
        ? `<div class="pair">${sectionHtml(s.rows, names)}</div>`
        : unmatchedHtml(s, names, noun),
    )
    .join('');
  return (
    `<div class="compare"><p class="muted">${aligned} of ${sections.length} sections matched by heading and content, side by side; ` +
    `the sections only one ${noun} has are folded. Words are marked only where two passages line up.</p>` +
    `<div class="compare-head">${head}</div>${body}</div>`
  );
}
