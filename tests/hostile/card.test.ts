// The social card draws every script a title may hold: only the Latin subset of Inter was loaded,
// so emoji, Arabic, Hebrew, CJK and many Latin letters with diacritics came out as "no glyph" boxes.
// Each character must be drawn by a font the card is given, or as an emoji image; a character that
// no font has is left out rather than drawn as a box.
import { describe, expect, it } from 'vitest';
import { create, type Font } from 'fontkitten';
import { prepareCard } from '../../src/lib/site/card-fonts.ts';
import { cardSvg, renderCard } from '../../src/lib/site/card.ts';

const SAMPLES = {
  'Latin with diacritics': 'Čeština, Łódź, Ærøskøbing, İstanbul, ėřőąğșț',
  Vietnamese: 'Tiếng Việt',
  Cyrillic: 'Привет, мир',
  Greek: 'Γειά σου κόσμε',
  Chinese: '中文标题',
  Japanese: '日本語のタイトル',
  Korean: '한국어 제목',
  Arabic: 'العربية',
  Hebrew: 'עברית',
  emoji: '😀🚀🎉',
};

/** The characters of `text` that neither a font has a glyph for nor the emoji images draw. */
async function undrawn(text: string, card: Awaited<ReturnType<typeof prepareCard>>) {
  const fonts = card.fonts.map((f) => create(f.data) as Font);
  const out: string[] = [];
  for (const c of new Set(text.replace(/\s/g, '')))
    if (!fonts.some((f) => f.hasGlyphForCodePoint(c.codePointAt(0)!)) && !(await card.emoji(c)))
      out.push(c);
  return out;
}

describe('the social card', () => {
  it.each(Object.entries(SAMPLES))('draws %s', async (_, title) => {
    const card = await prepareCard({ kicker: 'crossjudge', title, headline: 'headline' });
    expect(card.input.title).toBe(title);
    expect(await undrawn(title, card)).toEqual([]);
    // and satori draws something for it, unlike a character no font has
    const svg = (t: string) =>
      cardSvg({ kicker: '', title: t, headline: '' }, card.fonts, card.emoji);
    expect(await svg(title)).not.toBe(await svg('\uE000'.repeat([...title].length)));
  });

  it('loads only the fonts a title needs', async () => {
    const latin = await prepareCard({ kicker: 'k', title: 'Plain title', headline: 'h' });
    expect(latin.fonts.map((f) => `${f.name} ${f.weight}`)).toEqual(['Inter 400', 'Inter 700']);
    const mixed = await prepareCard({ kicker: 'k', title: 'Ėnd 中文', headline: 'h' });
    expect(new Set(mixed.fonts.map((f) => f.name.split(' ')[0]))).toEqual(
      new Set(['Inter', 'Noto']),
    );
  });

  it('leaves out a character no font has, instead of drawing a box', async () => {
    const card = await prepareCard({ kicker: 'k', title: 'Thai ภาษาไทย title', headline: 'h' });
    expect(card.input.title).toBe('Thai title');
    const png = await renderCard(card.input, card.fonts, card.emoji);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
