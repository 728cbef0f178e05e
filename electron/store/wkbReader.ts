import type { Position } from 'geojson';
import { GeometryBlobError, OTHER_TYPE_NAMES, TYPE_NAMES, type SimpleGeometry, type SimpleType } from './wkb';

/** Reads ISO WKB, either byte order, 2D/Z/M/ZM, refusing malformed input with one sentence. */

class Reader {
  private readonly view: DataView;
  offset: number;
  constructor(
    bytes: Uint8Array,
    offset: number,
    private readonly end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }
  remaining(): number {
    return this.end - this.offset;
  }
  need(n: number, what: string): void {
    if (this.remaining() < n) throw new GeometryBlobError(`The geometry is truncated (${what} is cut off)`);
  }
  uint8(): number {
    this.need(1, 'a byte-order mark');
    return this.view.getUint8(this.offset++);
  }
  uint32(le: boolean, what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset, le);
    this.offset += 4;
    return v;
  }
  float64(le: boolean): number {
    const v = this.view.getFloat64(this.offset, le);
    this.offset += 8;
    return v;
  }
}

interface WkbHeader {
  le: boolean;
  type: SimpleType;
  /** Coordinates per position: 2 (XY), 3 (XYZ or XYM) or 4 (XYZM). */
  dims: number;
  hasZ: boolean;
}

function readHeader(r: Reader): WkbHeader {
  const order = r.uint8();
  if (order !== 0 && order !== 1) throw new GeometryBlobError(`The geometry has an invalid byte-order mark (${order})`);
  const le = order === 1;
  let code = r.uint32(le, 'the geometry type');
  let hasZ = false;
  let hasM = false;
  // Legacy (pre-ISO) flags that some writers still emit for 2.5D geometries.
  if (code & 0x80000000) hasZ = true;
  if (code & 0x40000000) hasM = true;
  if (code & 0x20000000) throw new GeometryBlobError('The geometry is EWKB with an embedded SRID, which GeoPackage does not allow');
  code &= 0x0fffffff;
  const dimCode = Math.floor(code / 1000);
  const base = code % 1000;
  if (dimCode === 1 || dimCode === 3) hasZ = true;
  if (dimCode === 2 || dimCode === 3) hasM = true;
  if (dimCode > 3) throw new GeometryBlobError(`The geometry has an unknown type code (${code})`);
  const type = TYPE_NAMES[base];
  if (!type) {
    const other = OTHER_TYPE_NAMES[base];
    throw new GeometryBlobError(
      other ? `Geometry type ${other} is not supported` : `The geometry has an unknown type code (${code})`,
    );
  }
  return { le, type, dims: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0), hasZ };
}

function readPosition(r: Reader, h: WkbHeader): Position {
  r.need(8 * h.dims, 'a coordinate');
  const x = r.float64(h.le);
  const y = r.float64(h.le);
  const z = h.hasZ ? r.float64(h.le) : 0;
  for (let i = h.hasZ ? 3 : 2; i < h.dims; i++) r.float64(h.le); // M, which GeoJSON cannot hold
  if (!Number.isFinite(x) || !Number.isFinite(y) || (h.hasZ && !Number.isFinite(z))) {
    throw new GeometryBlobError('The geometry has a coordinate that is NaN or infinite');
  }
  return h.hasZ ? [x, y, z] : [x, y];
}

function readCount(r: Reader, h: WkbHeader, minBytesEach: number, what: string): number {
  const n = r.uint32(h.le, `the number of ${what}`);
  // Refuse counts the remaining bytes cannot possibly hold before allocating anything.
  if (n * minBytesEach > r.remaining()) {
    throw new GeometryBlobError(`The geometry claims ${n} ${what} but the blob is too short to hold them`);
  }
  return n;
}

function readPositions(r: Reader, h: WkbHeader): Position[] {
  const n = readCount(r, h, 8 * h.dims, 'points');
  const out: Position[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = readPosition(r, h);
  return out;
}

function readRings(r: Reader, h: WkbHeader): Position[][] {
  const n = readCount(r, h, 4, 'rings');
  const out: Position[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = readPositions(r, h);
  return out;
}

function readPart(r: Reader, expected: SimpleType): WkbHeader {
  const h = readHeader(r);
  if (h.type !== expected) throw new GeometryBlobError(`A multi-geometry contains a ${h.type} where a ${expected} belongs`);
  return h;
}

function readGeometry(r: Reader): SimpleGeometry {
  const h = readHeader(r);
  switch (h.type) {
    case 'Point': {
      r.need(8 * h.dims, 'a coordinate');
      const start = r.offset;
      const x = r.float64(h.le);
      const y = r.float64(h.le);
      // POINT EMPTY is written as NaN coordinates (OGC convention, used by GDAL).
      if (Number.isNaN(x) && Number.isNaN(y)) {
        r.offset = start + 8 * h.dims;
        return { type: 'Point', coordinates: [] };
      }
      r.offset = start;
      return { type: 'Point', coordinates: readPosition(r, h) };
    }
    case 'LineString':
      return { type: 'LineString', coordinates: readPositions(r, h) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: readRings(r, h) };
    case 'MultiPoint': {
      const n = readCount(r, h, 5 + 16, 'points');
      const coordinates: Position[] = [];
      for (let i = 0; i < n; i++) {
        const ph = readPart(r, 'Point');
        coordinates.push(readPosition(r, ph));
      }
      return { type: 'MultiPoint', coordinates };
    }
    case 'MultiLineString': {
      const n = readCount(r, h, 5 + 4, 'lines');
      const coordinates: Position[][] = [];
      for (let i = 0; i < n; i++) coordinates.push(readPositions(r, readPart(r, 'LineString')));
      return { type: 'MultiLineString', coordinates };
    }
    case 'MultiPolygon': {
      const n = readCount(r, h, 5 + 4, 'polygons');
      const coordinates: Position[][][] = [];
      for (let i = 0; i < n; i++) coordinates.push(readRings(r, readPart(r, 'Polygon')));
      return { type: 'MultiPolygon', coordinates };
    }
  }
}

/**
 * Reads ISO WKB from `bytes[offset..]` to the end of `bytes`; the geometry must use every byte.
 * Throws GeometryBlobError when the bytes are not a supported, well-formed geometry.
 */
export function readWkb(bytes: Uint8Array, offset = 0): SimpleGeometry {
  const r = new Reader(bytes, offset, bytes.byteLength);
  const g = readGeometry(r);
  if (r.remaining() !== 0) throw new GeometryBlobError(`The geometry has ${r.remaining()} unexpected bytes after its end`);
  return g;
}
