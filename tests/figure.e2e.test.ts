// The verdict figure as Chromium draws it at a phone's width: its text at least 12 px, no arrow
// through a label, no label over another, every name inside its box. Drawn from layouts of the
// hard cases: two orders each with self-votes, three skills in three orders, long names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './support/browser.ts';
import { figureSvg, layoutFigure, type FigureInput } from '../src/lib/site/figure.ts';
import { COLOURS } from '../src/lib/site/card.ts';

const PALETTE = { ...COLOURS, font: 'system-ui, sans-serif' };

const run = (winner: string | null) => ({ winner });
const CASES: Record<string, FigureInput> = {
  'two judges, two orders, self-votes': {
    names: { a: 'Claude Sonnet 4.5', b: 'GPT-5' },
    skills: ['a', 'b'],
    verdicts: [
      { judge: 'a', winner: 'a', runs: [run('a'), run('a')] },
      { judge: 'b', winner: null, runs: [run('a'), run('b')] },
    ],
  },
  'three skills, three orders, long names': {
    names: { a: 'Claude Opus 4.6 (extended thinking)', b: 'Gemini 3 Pro Preview', c: 'Qwen3' },
    skills: ['a', 'b', 'c'],
    verdicts: [
      { judge: 'a', winner: null, runs: [run('c'), run('a'), run('b')] },
      { judge: 'b', winner: 'b', runs: [run('b'), run('b'), run('b')] },
      { judge: 'c', winner: 'a', runs: [run('a'), run('a'), run('a')] },
    ],
  },
  'one order each, a judge without a pick': {
    names: { a: 'Codex 5.3', b: 'Opus 4.6', c: 'Mistral' },
    skills: ['a', 'b'],
    verdicts: [
      { judge: 'a', winner: 'b' },
      { judge: 'b', winner: 'b' },
      { judge: 'c', winner: null },
    ],
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

interface Measured {
  sizes: number[];
  /** Labels an arrow's stroke passes through, and labels that overlap. */
  crossed: string[];
  overlapping: string[];
  /** Names wider than their box. */
  overflowing: string[];
}

describe('the verdict figure on a phone', () => {
  for (const [name, input] of Object.entries(CASES))
    it(`${name}: text of 12 px or more, no arrow through a label`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
      // as on the page: the width of a phone's column of text (390 less the page's margins)
      const svg = figureSvg(layoutFigure(input), PALETTE, { text: true });
      await page.setContent(
        `<body style="margin:0;padding:0 16px"><div style="width:358px">${svg}</div></body>`,
      );
      await page.addStyleTag({ content: 'svg { width: 100%; height: auto; display: block; }' });
      const m: Measured = await page.locator('svg').evaluate((el) => {
        const svg = el as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')];
        const arrows = [...svg.querySelectorAll('path[marker-end]')] as SVGPathElement[];
        const labels = texts.filter((t) => /^\d|^self/.test(t.textContent ?? ''));
        const crossed = labels.filter((t) => {
          const b = t.getBBox();
          for (let x = b.x; x <= b.x + b.width; x += 1)
            for (let y = b.y + 2; y <= b.y + b.height - 2; y += 1)
              if (arrows.some((a) => a.isPointInStroke(new DOMPoint(x, y)))) return true;
          return false;
        });
        const boxes = labels.map((t) => t.getBBox());
        const overlapping = labels.filter((_, i) =>
          boxes.some(
            (o, j) =>
              j !== i &&
              o.x < boxes[i].x + boxes[i].width &&
              boxes[i].x < o.x + o.width &&
              o.y + 2 < boxes[i].y + boxes[i].height - 2 &&
              boxes[i].y + 2 < o.y + o.height - 2,
          ),
        );
        const rects = [...svg.querySelectorAll('rect')];
        const overflowing = texts.filter((t) => {
          const b = t.getBBox();
          const r = rects.find((r) => {
            const rb = r.getBBox();
            return (
              b.y >= rb.y &&
              b.y + b.height <= rb.y + rb.height + 4 &&
              b.x >= rb.x &&
              b.x < rb.x + rb.width
            );
          });
          return r ? b.x + b.width > r.getBBox().x + r.getBBox().width : false;
        });
        return {
          sizes: texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
          crossed: crossed.map((t) => `${t.textContent} at ${t.getAttribute('y')}`),
          overlapping: overlapping.map((t) => `${t.textContent} at ${t.getAttribute('y')}`),
          overflowing: overflowing.map((t) => t.textContent ?? ''),
        };
      });
      await page.close();
      expect(Math.min(...m.sizes)).toBeGreaterThanOrEqual(12);
      expect(m.crossed).toEqual([]);
      expect(m.overlapping).toEqual([]);
      expect(m.overflowing).toEqual([]);
    });
});
