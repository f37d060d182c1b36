// The fonts a social card needs (satori draws text only from the fonts it is given: a fresh machine
// has no system fonts). Inter for Latin, Greek, Cyrillic and Vietnamese; then, for what Inter has
// not, Noto Sans Arabic and Hebrew, Noto Sans SC (Chinese, and Japanese kana) and Nanum Gothic
// (Korean); emoji are drawn as images of Noto Emoji's glyphs. Each @fontsource package splits its font
// into subsets by Unicode range (its unicode.json), one woff file each: only the subsets that draw
// the card's characters are read. The ranges are the same for every CJK font, so each candidate's
// glyphs are checked (fontkitten).
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkitten';
import { renderCard, type CardFont, type CardInput } from './card.ts';
import type { Box } from './figure.ts';

/** In the order tried for each character: the first family whose subset has its glyph draws it. */
const FAMILIES = [
  { pkg: 'inter', name: 'Inter' },
  { pkg: 'noto-sans-arabic', name: 'Noto Sans Arabic' },
  { pkg: 'noto-sans-hebrew', name: 'Noto Sans Hebrew' },
  { pkg: 'noto-sans-sc', name: 'Noto Sans SC' },
  { pkg: 'nanum-gothic', name: 'Nanum Gothic' },
  // satori picks a font for all emoji by their first UTF-16 unit, so one subset would draw them
  // all: emoji are images instead (emojiImage)
  { pkg: 'noto-emoji', name: 'Noto Emoji' },
];
const EMOJI = FAMILIES.length - 1;
const WEIGHTS = [400, 700] as const;

// the site's build runs bundled: packages resolve from the project, not from this file
const require = createRequire(path.join(process.cwd(), 'package.json'));
const fileOf = (pkg: string, file: string) => require.resolve(`@fontsource/${pkg}/${file}`);

interface Subset {
  family: number;
  /** "latin-ext", or "12" for the numbered slices of a CJK font ("[12]" in unicode.json). */
  name: string;
  ranges: [number, number][];
}

/** Every family's subsets with the code points their ranges name, in FAMILIES' order. */
let subsets: Promise<Subset[]> | null = null;
const allSubsets = () =>
  (subsets ??= Promise.all(
    FAMILIES.map(async ({ pkg }, family) => {
      const text = await fs.readFile(fileOf(pkg, 'unicode.json'), 'utf8');
      return Object.entries(JSON.parse(text) as Record<string, string>).map(([key, list]) => ({
        family,
        name: key.replace(/^\[(\d+)\]$/, '$1'),
        ranges: list.split(',').map((r): [number, number] => {
          const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
        }),
      }));
    }),
  ).then((all) => all.flat()));

const fileFor = (s: Subset, weight: number) => {
  const { pkg } = FAMILIES[s.family];
  return fileOf(pkg, `files/${pkg}-${s.name}-${weight}-normal.woff`);
};

const read = new Map<string, Promise<Buffer>>();
const readFont = (file: string) => {
  if (!read.has(file)) read.set(file, fs.readFile(file));
  return read.get(file)!;
};
const parsed = new Map<string, Promise<Font>>();
const parseFont = (file: string) => {
  if (!parsed.has(file))
    parsed.set(
      file,
      readFont(file).then((data) => create(data) as Font),
    );
  return parsed.get(file)!;
};

/** Han ideographs, which Noto Sans SC has whole. */
const HAN = /\p{Script=Han}/u;

/** Whether the subset's font draws the code point; a cmap fontkitten cannot read (one slice of Noto Sans SC) is trusted for Han. */
async function draws(s: Subset, cp: number): Promise<boolean> {
  try {
    return (await parseFont(fileFor(s, 400))).hasGlyphForCodePoint(cp);
  } catch {
    return HAN.test(String.fromCodePoint(cp));
  }
}

/** The first subset that draws this code point, or null when none of the fonts has it. */
async function subsetFor(cp: number): Promise<Subset | null> {
  for (const s of await allSubsets())
    if (s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) && (await draws(s, cp))) return s;
  return null;
}

/**
 * The card as it can be drawn, and its fonts: Inter's Latin subset always (named "Inter", as the
 * card asks) and each subset a character needs, under a name of its own ("Inter latin-ext"), since
 * satori takes one font per name and weight and falls back on the other names for a character the
 * first lacks. A character no font has (a script none of these covers) is left out, not drawn as a box.
 */
export async function prepareCard(
  input: CardInput,
): Promise<{ input: CardInput; fonts: CardFont[]; emoji: typeof emojiImage }> {
  const boxes = input.figure ? [...input.figure.judges, ...input.figure.skills] : [];
  const texts = [
    input.kicker,
    input.title,
    input.headline,
    ...boxes.flatMap((b) => [b.label, b.sub]),
  ];
  const used = new Map<string, Subset | null>();
  for (const char of new Set(texts.join('')))
    if (!/\s/.test(char)) used.set(char, await subsetFor(char.codePointAt(0)!));
  const drawable = (text: string) =>
    [...text]
      .filter((c) => used.get(c) !== null)
      .join('')
      .replace(/ {2,}/g, ' ')
      .trim();
  const needed = new Set([...used.values()].filter((s): s is Subset => !!s && s.family !== EMOJI));
  const latin = (await allSubsets()).find((s) => s.family === 0 && s.name === 'latin')!;
  needed.delete(latin);
  const fonts = [latin, ...needed].flatMap((s) =>
    WEIGHTS.map(async (weight) => ({
      name: s === latin ? FAMILIES[0].name : `${FAMILIES[s.family].name} ${s.name}`,
      weight,
      data: await readFont(fileFor(s, weight)),
    })),
  );
  const box = (b: Box) => ({ ...b, label: drawable(b.label), sub: drawable(b.sub) });
  const figure = input.figure && {
    ...input.figure,
    judges: input.figure.judges.map(box),
    skills: input.figure.skills.map(box),
  };
  const drawn = {
    kicker: drawable(input.kicker),
    title: drawable(input.title),
    headline: drawable(input.headline),
  };
  return {
    input: { ...input, ...drawn, figure },
    fonts: await Promise.all(fonts),
    emoji: emojiImage,
  };
}

/**
 * An emoji as an SVG image (for satori's loadAdditionalAsset): the glyph Noto Emoji has for its first
 * code point (a sequence such as a family is drawn as its first person), or '' when it has none.
 */
export async function emojiImage(segment: string): Promise<string> {
  const cp = segment.codePointAt(0)!;
  const subset = await subsetFor(cp);
  if (subset?.family !== EMOJI) return '';
  const font = await parseFont(fileFor(subset, 400));
  const glyph = font.glyphForCodePoint(cp);
  const { ascent, descent } = font;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 ${-ascent} ${glyph.advanceWidth} ${ascent - descent}"><path transform="scale(1,-1)" fill="#1f2328" d="${glyph.path.toSVG()}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The card as PNG, drawn with the fonts and emoji its text needs. */
export async function drawCard(input: CardInput): Promise<Buffer> {
  const drawable = await prepareCard(input);
  return renderCard(drawable.input, drawable.fonts, drawable.emoji);
}
