import type { Geometry, Position } from 'geojson';

export interface AreaTest {
  /** [west, south, east, north] of the area; null for a line or point (nothing is inside). */
  bbox: [number, number, number, number] | null;
  /** Whether the point is inside the area (holes excluded; a point on an edge may go either way). */
  contains(lon: number, lat: number): boolean;
}

interface FlatPolygon {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: Float64Array[];
}

function flatten(rings: Position[][]): FlatPolygon {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const flat = rings.map((ring) => {
    const xy = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => {
      const x = p[0]!;
      const y = p[1]!;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    });
    return xy;
  });
  return { minX, minY, maxX, maxY, rings: flat };
}

/** Even-odd ray casting over every ring, so holes are holes. */
function inside(p: FlatPolygon, x: number, y: number): boolean {
  if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) return false;
  let result = false;
  for (const ring of p.rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

/**
 * Prepares a zone's area for many point-in-area tests (incidents inside a zone, zones at an
 * incident): the rings are flattened once and each polygon keeps its box, so a point far from
 * the zone costs four comparisons.
 *
 * @example
 * const test = prepareAreaTest(zone.fields.geometry);
 * test.contains(20.84, 42.91); // true when Zvečan is inside the zone
 */
export function prepareAreaTest(geometry: Geometry): AreaTest {
  const polygons =
    geometry.type === 'Polygon' ? [flatten(geometry.coordinates)] : geometry.type === 'MultiPolygon' ? geometry.coordinates.map(flatten) : [];
  if (polygons.length === 0) return { bbox: null, contains: () => false };
  const bbox: [number, number, number, number] = [
    Math.min(...polygons.map((p) => p.minX)),
    Math.min(...polygons.map((p) => p.minY)),
    Math.max(...polygons.map((p) => p.maxX)),
    Math.max(...polygons.map((p) => p.maxY)),
  ];
  return {
    bbox,
    contains(lon, lat) {
      if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) return false;
      return polygons.some((p) => inside(p, lon, lat));
    },
  };
}
