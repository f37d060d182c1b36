// The social cards' PNG encoder, read back by another decoder: resvg, drawing the PNG as an image.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { opaquePng } from '../src/lib/site/png.ts';
import { drawCard } from '../src/lib/site/card-fonts.ts';
import { SITE_CARD } from '../src/lib/site/card-input.ts';

/** A width × height image of distinct opaque colours, as RGBA. */
function pattern(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++)
    rgba.set([(p * 37) % 256, (p * 91) % 256, p % 7, 255], p * 4);
  return rgba;
}

/** The PNG decoded by resvg: drawn 1:1 as the only thing in an SVG of its size. */
function decoded(png: Buffer, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${png.toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}" image-rendering="pixelated"/></svg>`;
  return new Uint8Array(new Resvg(svg).render().pixels);
}

describe('opaquePng', () => {
  it('writes a PNG another decoder reads back pixel for pixel', () => {
    const [width, height] = [13, 7];
    const rgba = pattern(width, height);
    const png = opaquePng(width, height, rgba);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Array.from(decoded(png, width, height))).toEqual(Array.from(rgba));
  });

  it('is given opaque pixels only: a drawn card has no pixel that is not', async () => {
    // resvg's pixels are premultiplied, so the encoder takes them as colours only when opaque
    const pixels = decoded(await drawCard(SITE_CARD), 1200, 630);
    expect(pixels.length).toBe(1200 * 630 * 4);
    const notOpaque = pixels.filter((v, i) => i % 4 === 3 && v !== 255).length;
    expect(notOpaque).toBe(0);
  });
});
