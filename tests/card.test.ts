// The social card's verdict figure: its arrows are drawn into satori's output where the figure's
// placeholder box stands, scaled to the figure's place on the card.
import { describe, expect, it } from 'vitest';
import { prepareCard } from '../src/lib/site/card-fonts.ts';
import { cardSvg } from '../src/lib/site/card.ts';
import { layoutFigure } from '../src/lib/site/figure.ts';

const figure = layoutFigure({
  names: { a: 'Model A', b: 'Model B' },
  skills: ['a', 'b'],
  verdicts: [
    { judge: 'a', winner: 'b' },
    { judge: 'b', winner: 'b' },
  ],
});

async function svgOf(withFigure: boolean) {
  const input = { kicker: 'crossjudge', title: 'A title', headline: 'A headline', figure };
  const card = await prepareCard(withFigure ? input : { ...input, figure: undefined });
  return cardSvg(card.input, card.fonts, card.emoji);
}

describe('the social card', () => {
  it('draws the figure with its arrows, in the place satori laid out for them', async () => {
    const svg = await svgOf(true);
    expect(svg).not.toContain('#010203'); // the placeholder is gone
    const nested = svg.match(
      /<svg x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"/,
    );
    expect(nested).not.toBeNull();
    const [, x, y, w, h, vw, vh] = nested!.map(Number);
    // below the title, inside the card, with the figure's proportions
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(100);
    expect(x + w).toBeLessThanOrEqual(1200);
    expect(y + h).toBeLessThanOrEqual(630);
    expect(w / h).toBeCloseTo(vw / vh, 2);
    // one arrow per pick: a to b, and b to itself
    const arrows = svg.slice(nested!.index).match(/marker-end/g) ?? [];
    expect(arrows.length).toBe(2);
  });

  it('has no figure when there is none', async () => {
    expect(await svgOf(false)).not.toMatch(/<svg x=/);
  });
});
