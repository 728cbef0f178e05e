import type { Position } from 'geojson';
import type { AreaGeometry } from './basemapTypes';
import { metresPerDegreeLat, metresPerDegreeLon, segmentDistanceMetres } from './localMetres';

/** One polygon of an area: its rings as flat [x0, y0, x1, y1, ...] arrays, and its bbox. */
interface IndexedPolygon<T> {
  value: T;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: Float64Array[];
}

export interface NearestArea<T> {
  value: T;
  metres: number;
}

/**
 * Point-in-polygon and nearest-polygon queries over a set of areas. Each polygon keeps its
 * bounding box, so a query only walks the rings of the few polygons whose box holds the point.
 */
export interface PolygonIndex<T> {
  /** The first area (in input order) whose polygon holds the point, or null. */
  containing(lon: number, lat: number): T | null;
  /** The area whose boundary is nearest to the point, if within `maxMetres`. */
  nearest(lon: number, lat: number, maxMetres: number): NearestArea<T> | null;
}

export function createPolygonIndex<T>(areas: Iterable<{ geometry: AreaGeometry; value: T }>): PolygonIndex<T> {
  const polygons: IndexedPolygon<T>[] = [];
  for (const { geometry, value } of areas) {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) polygons.push(indexPolygon(rings, value));
  }

  return {
    containing(lon, lat) {
      for (const p of polygons) {
        if (lon < p.minX || lon > p.maxX || lat < p.minY || lat > p.maxY) continue;
        if (polygonContains(p.rings, lon, lat)) return p.value;
      }
      return null;
    },
    nearest(lon, lat, maxMetres) {
      const kx = metresPerDegreeLon(lat);
      const ky = metresPerDegreeLat();
      const padX = maxMetres / kx;
      const padY = maxMetres / ky;
      let best: NearestArea<T> | null = null;
      for (const p of polygons) {
        if (lon < p.minX - padX || lon > p.maxX + padX || lat < p.minY - padY || lat > p.maxY + padY) continue;
        const metres = distanceToRings(p.rings, lon, lat, kx, ky, best ? best.metres : maxMetres);
        if (metres <= maxMetres && (!best || metres < best.metres)) best = { value: p.value, metres };
      }
      return best;
    },
  };
}

function indexPolygon<T>(rings: Position[][], value: T): IndexedPolygon<T> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const flat = rings.map((ring) => {
    const xy = new Float64Array(ring.length * 2);
    ring.forEach((position, i) => {
      const x = position[0]!;
      const y = position[1]!;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    });
    return xy;
  });
  return { value, minX, minY, maxX, maxY, rings: flat };
}

/** Even-odd ray casting over all rings, so holes are respected. */
function polygonContains(rings: Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToRings(rings: Float64Array[], x: number, y: number, kx: number, ky: number, limit: number): number {
  let best = Infinity;
  // A segment whose both ends are further than `limit` along one axis cannot be nearer.
  const padX = limit / kx;
  const padY = limit / ky;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 1; i < n; i++) {
      const ax = ring[2 * i - 2]!;
      const ay = ring[2 * i - 1]!;
      const bx = ring[2 * i]!;
      const by = ring[2 * i + 1]!;
      if ((ax < x - padX && bx < x - padX) || (ax > x + padX && bx > x + padX)) continue;
      if ((ay < y - padY && by < y - padY) || (ay > y + padY && by > y + padY)) continue;
      const d = segmentDistanceMetres(x, y, ax, ay, bx, by, kx, ky);
      if (d < best) best = d;
    }
  }
  return best;
}
