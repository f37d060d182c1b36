// A 1200×630 social card (Open Graph, Twitter) as PNG: the title, the headline finding and the
// verdict figure. satori lays out the text (as paths, from the fonts given: a fresh machine has no
// system fonts) and @resvg/resvg-js rasterizes. The figure's boxes are satori boxes placed on the
// figure's geometry; its arrows, an SVG without text, are put into satori's output where a
// placeholder box stands (given as an image, satori and resvg each decoded them again: a card took
// half as long again). The PNG is written by png.ts.
import { figureSvg, type Figure, type Palette } from './figure.ts';
import { opaquePng } from './png.ts';

export interface CardInput {
  title: string;
  headline: string;
  /** A small line at the top, e.g. "crossjudge · 2026-11-20". */
  kicker: string;
  figure?: Figure;
}

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
}

const WIDTH = 1200;
const HEIGHT = 630;
/** The light palette, in plain colours (also what the figure is tested in). */
export const COLOURS: Palette = {
  fg: '#1f2328',
  muted: '#57606a',
  box: '#f6f8fa',
  line: '#d0d7de',
  pick: '#0b5cad',
  self: '#8a4600',
  font: 'Inter',
};

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const h = (
  type: string,
  style: Record<string, unknown>,
  children?: unknown,
  extra: Record<string, unknown> = {},
): Node => ({ type, props: { style, children, ...extra } });

/** The colour of the box that stands for the figure's arrows in satori's output (withArrows). */
const ARROWS_PLACEHOLDER = '#010203';

/** The figure, scaled to `width`: boxes with their labels, above a placeholder for the arrows. */
function figureNode(f: Figure, width: number): Node {
  const k = width / f.width;
  const box = (b: Figure['judges'][number]) =>
    h(
      'div',
      {
        position: 'absolute',
        left: b.x * k,
        top: b.y * k,
        width: b.w * k,
        height: b.h * k,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: `0 ${12 * k}px`,
        background: COLOURS.box,
        border: `2px solid ${COLOURS.line}`,
        borderRadius: 8,
      },
      [
        h('div', { fontSize: 15 * k, fontWeight: 700, color: COLOURS.fg }, b.label),
        h('div', { fontSize: 12 * k, color: COLOURS.muted }, b.sub),
      ],
    );
  return h(
    'div',
    { position: 'relative', display: 'flex', flexShrink: 0, width, height: f.height * k },
    [
      h('div', {
        position: 'absolute',
        left: 0,
        top: 0,
        width,
        height: f.height * k,
        backgroundColor: ARROWS_PLACEHOLDER,
      }),
      ...f.judges.map(box),
      ...f.skills.map(box),
    ],
  );
}

/** Draws an emoji (a grapheme no font has) as an image: a data URI, or '' for none. */
export type EmojiImages = (segment: string) => Promise<string>;

export async function renderCard(
  input: CardInput,
  fonts: CardFont[],
  emoji?: EmojiImages,
): Promise<Buffer> {
  const svg = await cardSvg(input, fonts, emoji);
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: WIDTH },
    font: { loadSystemFonts: false },
    background: '#ffffff', // under the card's own white: every pixel opaque, as opaquePng takes them
  }).render();
  return opaquePng(image.width, image.height, image.pixels);
}

/** The card as SVG, its text drawn as paths from `fonts` (prepareCard in card-fonts.ts). */
export async function cardSvg(
  input: CardInput,
  fonts: CardFont[],
  emoji?: EmojiImages,
): Promise<string> {
  const figure = input.figure && input.figure.judges.length ? input.figure : undefined;
  // the figure below the text, as large as the room left allows
  const figureWidth = figure
    ? Math.min(1.5 * figure.width, (220 / figure.height) * figure.width)
    : 0;
  const tree = h(
    'div',
    {
      width: WIDTH,
      height: HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: '36px 64px 40px',
      background: '#ffffff',
      fontFamily: 'Inter',
      color: COLOURS.fg,
      borderTop: `16px solid ${COLOURS.pick}`,
    },
    [
      h('div', { fontSize: 24, color: COLOURS.muted }, input.kicker),
      h(
        'div',
        {
          fontSize: figure ? 46 : 64,
          fontWeight: 700,
          lineHeight: 1.15,
          marginTop: 8,
          width: WIDTH - 128,
          display: 'block',
          lineClamp: 2,
        },
        input.title,
      ),
      h(
        'div',
        {
          fontSize: figure ? 30 : 40,
          fontWeight: 700,
          lineHeight: 1.25,
          color: COLOURS.pick,
          marginTop: 14,
          width: WIDTH - 128,
          display: 'block',
          lineClamp: 2,
        },
        input.headline,
      ),
      ...(figure
        ? [h('div', { display: 'flex', marginTop: 28 }, [figureNode(figure, figureWidth)])]
        : []),
    ],
  );
  // loaded on first use: a rebuild that finds every card in the cache never loads it (nor resvg)
  const { default: satori } = await import('satori');
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: WIDTH,
    height: HEIGHT,
    fonts: fonts.map((f) => ({ ...f, style: 'normal' as const })),
    loadAdditionalAsset: async (code, segment) => (code === 'emoji' && emoji ? emoji(segment) : []),
  });
  return figure ? withArrows(svg, figure) : svg;
}

/** satori's SVG with the figure's arrows drawn where their placeholder box is. */
function withArrows(svg: string, f: Figure): string {
  const placeholder = new RegExp(
    `<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)" fill="${ARROWS_PLACEHOLDER}"/>`,
  );
  const at = svg.match(placeholder);
  if (!at) throw new Error("social card: the figure's place was not found in satori's output");
  const [, x, y, w, h] = at;
  const arrows = figureSvg(f, COLOURS, { text: false }).replace(
    /^<svg [^>]*?viewBox=/,
    `<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox=`,
  );
  return svg.replace(placeholder, () => arrows);
}
