import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';

/**
 * ISO Well-Known Binary (the geometry encoding inside a GeoPackageBinary blob) for the six
 * simple-feature types Faultline stores, as GeoJSON geometries. Writing is always 2D and
 * little-endian; reading accepts both byte orders and Z/M/ZM variants (files from QGIS or
 * ArcGIS may carry them), keeping Z as the third position element and dropping M, which
 * GeoJSON has no place for.
 *
 * The reader treats its input as hostile: every count is checked against the bytes that remain
 * before anything is allocated, so a 9-byte blob cannot ask for four billion points.
 *
 * This file holds what reading and writing share; see wkbReader.ts and wkbWriter.ts.
 */

/** A malformed or unsupported geometry blob. The message says what is wrong in one sentence. */
export class GeometryBlobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeometryBlobError';
  }
}

export type SimpleGeometry = Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon;

export const TYPE_CODES = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
} as const;
export type SimpleType = keyof typeof TYPE_CODES;
export const TYPE_NAMES: Record<number, SimpleType> = {
  1: 'Point',
  2: 'LineString',
  3: 'Polygon',
  4: 'MultiPoint',
  5: 'MultiLineString',
  6: 'MultiPolygon',
};
export const OTHER_TYPE_NAMES: Record<number, string> = {
  0: 'Geometry',
  7: 'GeometryCollection',
  8: 'CircularString',
  9: 'CompoundCurve',
  10: 'CurvePolygon',
  11: 'MultiCurve',
  12: 'MultiSurface',
  15: 'PolyhedralSurface',
  16: 'TIN',
  17: 'Triangle',
};

/** Bounding box [minX, minY, maxX, maxY], or null for an empty geometry. */
export type Bounds = [number, number, number, number] | null;

/** Whether a GeoJSON geometry has no coordinates at all (POINT EMPTY, an empty collection...). */
export function isEmptyGeometry(g: SimpleGeometry): boolean {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length === 0;
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.length === 0;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.every((part) => part.length === 0);
    case 'MultiPolygon':
      return g.coordinates.every((poly) => poly.every((r) => r.length === 0));
  }
}

/** Bounding box of a GeoJSON geometry, or null when it is empty. */
export function geometryBounds(g: SimpleGeometry): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (p: Position) => {
    const x = p[0]!;
    const y = p[1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  switch (g.type) {
    case 'Point':
      if (g.coordinates.length) add(g.coordinates);
      break;
    case 'LineString':
    case 'MultiPoint':
      g.coordinates.forEach(add);
      break;
    case 'Polygon':
    case 'MultiLineString':
      g.coordinates.forEach((part) => part.forEach(add));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly) => poly.forEach((r) => r.forEach(add)));
      break;
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY];
}
