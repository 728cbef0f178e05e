import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  GeometryBlobError,
  decodeGpkgGeometry,
  encodeGpkgGeometry,
  encodeGpkgPoint,
  gpkgBounds,
  readGpkgHeader,
  readGpkgPoint,
} from '../gpkgBinary';

const samples: Record<string, Geometry> = {
  Point: { type: 'Point', coordinates: [20.8361, 42.9075] },
  LineString: {
    type: 'LineString',
    coordinates: [
      [20.55, 43.26],
      [20.6, 43.2],
      [20.75, 43.12],
    ],
  },
  Polygon: {
    type: 'Polygon',
    coordinates: [
      [
        [20.7, 42.85],
        [20.9, 42.85],
        [20.9, 43.0],
        [20.7, 43.0],
        [20.7, 42.85],
      ],
      [
        [20.75, 42.9],
        [20.8, 42.9],
        [20.8, 42.95],
        [20.75, 42.9],
      ],
    ],
  },
  MultiPoint: {
    type: 'MultiPoint',
    coordinates: [
      [20.5, 43.1],
      [-0.25, -10.5],
    ],
  },
  MultiLineString: {
    type: 'MultiLineString',
    coordinates: [
      [
        [18.4, 43.85],
        [18.5, 43.9],
      ],
      [
        [17.2, 44.77],
        [17.3, 44.7],
        [17.4, 44.6],
      ],
    ],
  },
  MultiPolygon: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [18.0, 44.0],
          [19.0, 44.0],
          [19.0, 45.0],
          [18.0, 44.0],
        ],
      ],
      [
        [
          [16.0, 43.0],
          [16.5, 43.0],
          [16.5, 43.5],
          [16.0, 43.0],
        ],
      ],
    ],
  },
};

/** Builds a blob by hand: header fields and WKB in the given byte orders. */
function handBlob(opts: {
  headerLE?: boolean;
  wkbLE?: boolean;
  envelope?: number[]; // doubles after srs_id
  envelopeCode?: number;
  empty?: boolean;
  type?: number;
  coords?: number[];
  srsId?: number;
}): Buffer {
  const headerLE = opts.headerLE ?? true;
  const wkbLE = opts.wkbLE ?? true;
  const envelope = opts.envelope ?? [];
  const coords = opts.coords ?? [1, 2];
  const buf = Buffer.alloc(8 + 8 * envelope.length + 5 + 8 * coords.length);
  buf.write('GP', 0, 'latin1');
  const code = opts.envelopeCode ?? { 0: 0, 4: 1, 6: 2, 8: 4 }[envelope.length]!;
  buf[3] = (headerLE ? 1 : 0) | (code << 1) | (opts.empty ? 0x10 : 0);
  if (headerLE) buf.writeInt32LE(opts.srsId ?? 4326, 4);
  else buf.writeInt32BE(opts.srsId ?? 4326, 4);
  envelope.forEach((v, i) => (headerLE ? buf.writeDoubleLE(v, 8 + 8 * i) : buf.writeDoubleBE(v, 8 + 8 * i)));
  let o = 8 + 8 * envelope.length;
  buf[o] = wkbLE ? 1 : 0;
  if (wkbLE) buf.writeUInt32LE(opts.type ?? 1, o + 1);
  else buf.writeUInt32BE(opts.type ?? 1, o + 1);
  o += 5;
  for (const c of coords) {
    if (wkbLE) buf.writeDoubleLE(c, o);
    else buf.writeDoubleBE(c, o);
    o += 8;
  }
  return buf;
}

describe('GeoPackageBinary round trip', () => {
  for (const [name, geometry] of Object.entries(samples)) {
    it(`encodes and decodes a ${name}`, () => {
      const blob = encodeGpkgGeometry(geometry);
      expect(blob.subarray(0, 2).toString('latin1')).toBe('GP');
      expect(blob[2]).toBe(0);
      const decoded = decodeGpkgGeometry(blob);
      expect(decoded.srsId).toBe(4326);
      expect(decoded.empty).toBe(false);
      expect(decoded.geometry).toEqual(geometry);
      const header = readGpkgHeader(blob);
      expect(header.littleEndian).toBe(true);
      // Points carry no envelope; everything else carries an XY envelope.
      expect(header.envelope === null).toBe(name === 'Point');
    });
  }

  it('writes the envelope of a polygon as its bounds', () => {
    const blob = encodeGpkgGeometry(samples.Polygon!);
    expect(readGpkgHeader(blob).envelope).toEqual([20.7, 42.85, 20.9, 43.0]);
    expect(gpkgBounds(blob)).toEqual([20.7, 42.85, 20.9, 43.0]);
  });

  it('writes the same bytes for a point on the fast path', () => {
    const fast = encodeGpkgPoint(20.8361, 42.9075);
    expect(fast.equals(encodeGpkgGeometry(samples.Point!))).toBe(true);
    expect(readGpkgPoint(fast)).toEqual([20.8361, 42.9075]);
    expect(gpkgBounds(fast)).toEqual([20.8361, 42.9075, 20.8361, 42.9075]);
  });

  it('drops Z on writing (the case tables are 2D)', () => {
    const blob = encodeGpkgGeometry({ type: 'Point', coordinates: [1, 2, 300] });
    expect(decodeGpkgGeometry(blob).geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('encodes empty geometries with the empty flag and no envelope', () => {
    const blob = encodeGpkgGeometry({ type: 'MultiPolygon', coordinates: [] });
    const header = readGpkgHeader(blob);
    expect(header.empty).toBe(true);
    expect(header.envelope).toBeNull();
    expect(decodeGpkgGeometry(blob)).toMatchObject({ empty: true, envelope: null, geometry: { type: 'MultiPolygon', coordinates: [] } });
    expect(gpkgBounds(blob)).toBeNull();
    const emptyPoint = encodeGpkgGeometry({ type: 'Point', coordinates: [] });
    expect(decodeGpkgGeometry(emptyPoint).geometry).toEqual({ type: 'Point', coordinates: [] });
  });
});

describe('GeoPackageBinary reading what other writers produce', () => {
  it('reads a big-endian header and a big-endian WKB', () => {
    const blob = handBlob({ headerLE: false, wkbLE: false, coords: [20.5, 43.25], srsId: 4326 });
    expect(decodeGpkgGeometry(blob)).toEqual({ srsId: 4326, empty: false, envelope: [20.5, 43.25, 20.5, 43.25], geometry: { type: 'Point', coordinates: [20.5, 43.25] } });
    expect(readGpkgPoint(blob)).toEqual([20.5, 43.25]);
    expect(gpkgBounds(blob)).toEqual([20.5, 43.25, 20.5, 43.25]);
  });

  it('reads mixed byte orders (big-endian header, little-endian WKB)', () => {
    const blob = handBlob({ headerLE: false, wkbLE: true, envelope: [1, 1, 2, 2], coords: [1, 2] });
    expect(readGpkgHeader(blob).envelope).toEqual([1, 2, 1, 2]);
    expect(decodeGpkgGeometry(blob).geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('reads every envelope kind (XY, XYZ, XYM, XYZM)', () => {
    const xy = [1, 3, 2, 4];
    for (const [code, extra] of [
      [1, []],
      [2, [0, 9]],
      [3, [0, 9]],
      [4, [0, 9, 0, 9]],
    ] as const) {
      const blob = handBlob({ envelope: [...xy, ...extra], envelopeCode: code, type: 1, coords: [2, 3] });
      expect(readGpkgHeader(blob).envelope).toEqual([1, 2, 3, 4]);
      expect(gpkgBounds(blob)).toEqual([1, 2, 3, 4]);
      expect(decodeGpkgGeometry(blob).geometry).toEqual({ type: 'Point', coordinates: [2, 3] });
    }
  });

  it('reads Z, M and ZM points (ISO codes and the legacy 2.5D flag)', () => {
    expect(decodeGpkgGeometry(handBlob({ type: 1001, coords: [1, 2, 3] })).geometry.coordinates).toEqual([1, 2, 3]);
    expect(decodeGpkgGeometry(handBlob({ type: 2001, coords: [1, 2, 7] })).geometry.coordinates).toEqual([1, 2]);
    expect(decodeGpkgGeometry(handBlob({ type: 3001, coords: [1, 2, 3, 7] })).geometry.coordinates).toEqual([1, 2, 3]);
    expect(decodeGpkgGeometry(handBlob({ type: 0x80000001, coords: [1, 2, 3] })).geometry.coordinates).toEqual([1, 2, 3]);
  });

  it('treats POINT(NaN NaN) as an empty point', () => {
    const blob = handBlob({ coords: [NaN, NaN] });
    expect(decodeGpkgGeometry(blob)).toMatchObject({ empty: true, geometry: { type: 'Point', coordinates: [] } });
    expect(gpkgBounds(blob)).toBeNull();
  });
});

describe('GeoPackageBinary refuses malformed blobs', () => {
  const refuse = (blob: Uint8Array, message: RegExp) => {
    expect(() => decodeGpkgGeometry(blob)).toThrow(GeometryBlobError);
    expect(() => decodeGpkgGeometry(blob)).toThrow(message);
  };

  it('wrong magic', () => refuse(Buffer.from('XX\0\x01\xe6\x10\0\0\x01\x01\0\0\0'.padEnd(29, '\0'), 'latin1'), /does not start with “GP”/));
  it('unknown version', () => {
    const blob = encodeGpkgPoint(1, 2);
    blob[2] = 1;
    refuse(blob, /unknown GeoPackageBinary version/);
  });
  it('extended GeoPackageBinary', () => {
    const blob = encodeGpkgPoint(1, 2);
    blob[3] = blob[3]! | 0x20;
    refuse(blob, /ExtendedGeoPackageBinary/);
  });
  it('invalid envelope indicator', () => {
    const blob = encodeGpkgPoint(1, 2);
    blob[3] = 1 | (5 << 1);
    refuse(blob, /invalid envelope indicator/);
  });
  it('truncated header', () => refuse(encodeGpkgPoint(1, 2).subarray(0, 6), /truncated/));
  it('truncated coordinates', () => refuse(encodeGpkgPoint(1, 2).subarray(0, 25), /truncated/));
  it('truncated polygon', () => refuse(encodeGpkgGeometry(samples.Polygon!).subarray(0, 100), /truncated|too short/));
  it('a NaN coordinate', () => refuse(handBlob({ coords: [NaN, 2] }), /NaN or infinite/));
  it('an infinite coordinate in a line', () => refuse(lineWith([1, 2, Infinity, 3]), /NaN or infinite/));
  it('a NaN envelope', () => refuse(handBlob({ envelope: [NaN, 1, 2, 3], coords: [1, 2] }), /envelope has a NaN/));
  it('an unknown geometry type', () => refuse(handBlob({ type: 99 }), /unknown type code/));
  it('a GeometryCollection (not supported)', () => refuse(handBlob({ type: 7, coords: [] }), /GeometryCollection is not supported/));
  it('an EWKB SRID', () => refuse(handBlob({ type: 0x20000001 }), /embedded SRID/));
  it('a bad WKB byte-order mark', () => {
    const blob = encodeGpkgPoint(1, 2);
    blob[8] = 7;
    refuse(blob, /byte-order mark/);
  });
  it('trailing bytes', () => refuse(Buffer.concat([encodeGpkgPoint(1, 2), Buffer.from([0])]), /unexpected bytes/));
  it('a count that would exhaust memory', () => {
    // A LineString claiming 4 294 967 295 points in a 17-byte WKB.
    const blob = Buffer.alloc(8 + 9 + 8);
    blob.write('GP', 0, 'latin1');
    blob[3] = 1;
    blob.writeInt32LE(4326, 4);
    blob[8] = 1;
    blob.writeUInt32LE(2, 9);
    blob.writeUInt32LE(0xffffffff, 13);
    refuse(blob, /claims 4294967295 points/);
  });
  it('a multi-geometry with a part of the wrong type', () => {
    const mp = encodeGpkgGeometry(samples.MultiPoint!);
    mp.writeUInt32LE(2, 8 + 32 + 9 + 1); // first part says LineString
    refuse(mp, /contains a LineString where a Point belongs/);
  });
  it('something that is not a blob at all', () => {
    expect(() => decodeGpkgGeometry('GP' as unknown as Uint8Array)).toThrow(/not a binary value/);
  });
  it('non-finite coordinates on writing', () => {
    expect(() => encodeGpkgPoint(NaN, 1)).toThrow(GeometryBlobError);
    expect(() => encodeGpkgGeometry({ type: 'LineString', coordinates: [[0, 0], [1, Infinity]] })).toThrow(/finite/);
    expect(() => encodeGpkgGeometry({ type: 'GeometryCollection', geometries: [] })).toThrow(/not supported/);
  });
});

/** A little-endian LineString blob with the given flat coordinates. */
function lineWith(flat: number[]): Buffer {
  const buf = Buffer.alloc(8 + 9 + 8 * flat.length);
  buf.write('GP', 0, 'latin1');
  buf[3] = 1;
  buf.writeInt32LE(4326, 4);
  buf[8] = 1;
  buf.writeUInt32LE(2, 9);
  buf.writeUInt32LE(flat.length / 2, 13);
  flat.forEach((v, i) => buf.writeDoubleLE(v, 17 + 8 * i));
  return buf;
}
