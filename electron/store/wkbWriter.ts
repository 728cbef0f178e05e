import type { Geometry, Position } from 'geojson';
import { GeometryBlobError, TYPE_CODES, type SimpleGeometry } from './wkb';

/** Writes 2D little-endian ISO WKB (the geometry part of GeoPackageBinary). */

function checkPosition(p: Position, where: string): void {
  if (!Array.isArray(p) || p.length < 2) throw new GeometryBlobError(`${where} has a position without two coordinates`);
  const [x, y] = p as [number, number];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    throw new GeometryBlobError(`${where} has a coordinate that is not a finite number`);
  }
}

/** Size in bytes of the 2D WKB of `g`; validates positions on the way. */
function wkbSize(g: SimpleGeometry): number {
  const ring = (ps: Position[], where: string) => {
    if (!Array.isArray(ps)) throw new GeometryBlobError(`${where} is missing its coordinates`);
    for (const p of ps) checkPosition(p, where);
    return 4 + 16 * ps.length;
  };
  switch (g.type) {
    case 'Point':
      if (!Array.isArray(g.coordinates)) throw new GeometryBlobError('A Point is missing its coordinates');
      if (g.coordinates.length !== 0) checkPosition(g.coordinates, 'A Point');
      return 5 + 16;
    case 'LineString':
      return 5 + ring(g.coordinates, 'A LineString');
    case 'MultiPoint':
      // Each point is a whole WKB Point: 5 header bytes and two doubles.
      if (!Array.isArray(g.coordinates)) throw new GeometryBlobError('A MultiPoint is missing its coordinates');
      for (const p of g.coordinates) checkPosition(p, 'A MultiPoint');
      return 5 + 4 + 21 * g.coordinates.length;
    case 'Polygon':
    case 'MultiLineString': {
      if (!Array.isArray(g.coordinates)) throw new GeometryBlobError(`A ${g.type} is missing its coordinates`);
      let size = 5 + 4;
      for (const part of g.coordinates) size += (g.type === 'Polygon' ? 0 : 5) + ring(part, `A ${g.type}`);
      return size;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(g.coordinates)) throw new GeometryBlobError('A MultiPolygon is missing its coordinates');
      let size = 5 + 4;
      for (const poly of g.coordinates) {
        if (!Array.isArray(poly)) throw new GeometryBlobError('A MultiPolygon has a polygon without rings');
        size += 5 + 4;
        for (const r of poly) size += ring(r, 'A MultiPolygon');
      }
      return size;
    }
    default:
      throw new GeometryBlobError(`Geometry type “${String((g as Geometry).type)}” is not supported`);
  }
}

class Writer {
  private readonly view: DataView;
  offset: number;
  constructor(
    readonly bytes: Uint8Array,
    offset: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }
  header(type: number): void {
    this.view.setUint8(this.offset, 1); // little-endian
    this.view.setUint32(this.offset + 1, type, true);
    this.offset += 5;
  }
  uint32(v: number): void {
    this.view.setUint32(this.offset, v, true);
    this.offset += 4;
  }
  xy(x: number, y: number): void {
    this.view.setFloat64(this.offset, x, true);
    this.view.setFloat64(this.offset + 8, y, true);
    this.offset += 16;
  }
  positions(ps: Position[]): void {
    this.uint32(ps.length);
    for (const p of ps) this.xy(p[0]!, p[1]!);
  }
}

function writeGeometry(w: Writer, g: SimpleGeometry): void {
  w.header(TYPE_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      // OGC convention for POINT EMPTY: both coordinates NaN.
      if (g.coordinates.length === 0) w.xy(NaN, NaN);
      else w.xy(g.coordinates[0]!, g.coordinates[1]!);
      return;
    case 'LineString':
      w.positions(g.coordinates);
      return;
    case 'Polygon':
      w.uint32(g.coordinates.length);
      for (const r of g.coordinates) w.positions(r);
      return;
    case 'MultiPoint':
      w.uint32(g.coordinates.length);
      for (const p of g.coordinates) writeGeometry(w, { type: 'Point', coordinates: p });
      return;
    case 'MultiLineString':
      w.uint32(g.coordinates.length);
      for (const l of g.coordinates) writeGeometry(w, { type: 'LineString', coordinates: l });
      return;
    case 'MultiPolygon':
      w.uint32(g.coordinates.length);
      for (const p of g.coordinates) writeGeometry(w, { type: 'Polygon', coordinates: p });
      return;
  }
}

/** The 2D little-endian ISO WKB size of `geometry`, validating it (finite coordinates, known type). */
export function measureWkb(geometry: Geometry): number {
  return wkbSize(geometry as SimpleGeometry);
}

/** Writes 2D little-endian ISO WKB of `geometry` into `target` at `offset` (sized by `measureWkb`). */
export function writeWkb(geometry: Geometry, target: Uint8Array, offset: number): void {
  const w = new Writer(target, offset);
  writeGeometry(w, geometry as SimpleGeometry);
}

