// An opaque image as PNG (RGB, 8 bits per channel, rows unfiltered), deflated by Node's zlib at a
// fast level: a social card is flat colour, which deflate takes well without filters. resvg's own
// encoder took about as long as drawing the card; this takes half as long, for a file as small.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG of `width` × `height` RGBA pixels, or null when one is not opaque (not encoded here). */
export function opaquePng(width: number, height: number, rgba: Uint8Array): Buffer | null {
  const raw = Buffer.allocUnsafe((width * 3 + 1) * height);
  let i = 0;
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // the row's filter: none
    for (let x = 0; x < width; x++, i += 4) {
      if (rgba[i + 3] !== 255) return null;
      raw[o++] = rgba[i];
      raw[o++] = rgba[i + 1];
      raw[o++] = rgba[i + 2];
    }
  }
  const header = Buffer.alloc(13); // compression, filter method and interlace: 0
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
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
