import { crc32, deflateSync } from 'node:zlib';

/**
 * A small PNG of a filled disc with a white ring and a dark edge: the incident icon of a KMZ,
 * in the event type's colour, so the file needs nothing from the network. Written directly
 * (signature, IHDR, IDAT, IEND) because the format is tiny and no PNG package is installed.
 */
export function pngDisc(hexColor: string, size = 32): Buffer {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hexColor);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hexColor}`);
  const fill = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] as const;
  const centre = (size - 1) / 2;
  const outer = size / 2 - 0.5;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None), then RGBA
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      // Coverage of the pixel by the disc, for a soft (antialiased) edge.
      const alpha = Math.max(0, Math.min(1, outer - d + 0.5));
      let rgb: readonly number[] = fill;
      if (d > outer - 1.5) rgb = [40, 40, 40];
      else if (d > outer - 4) rgb = [255, 255, 255];
      row[1 + x * 4] = rgb[0]!;
      row[2 + x * 4] = rgb[1]!;
      row[3 + x * 4] = rgb[2]!;
      row[4 + x * 4] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}
