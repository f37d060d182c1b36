// An opaque image as PNG (RGBA, 8 bits per channel, rows unfiltered), deflated by Node's zlib at a
// fast level: a social card is flat colour, which deflate takes well without filters. resvg's own
// encoder took about as long as drawing the card; this takes a third as long. The rows are copied
// as they are: converting them to RGB in JavaScript took longer than deflating the larger rows.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The PNG of `width` × `height` RGBA pixels, every one opaque (resvg's pixels are premultiplied:
 * those of an image drawn on a background, as the cards are, are the colours themselves).
 */
export function opaquePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const row = width * 4;
  const raw = Buffer.alloc((row + 1) * height); // each row: its filter byte (0: none), its pixels
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  const header = Buffer.alloc(13); // compression, filter method and interlace: 0
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 3 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A chunk: its length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
