import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, Polygon, Position } from 'geojson';
import { widestInsidePoint } from './analysis/labelPoint';

/** Area-weighted centroid of a ring (shoelace formula, in degrees) and its absolute area. */
function ringCentroid(ring: Position[]): { at: [number, number]; area: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return a === 0 ? { at: ring[0] as [number, number], area: 0 } : { at: [x / (3 * a), y / (3 * a)], area: Math.abs(a / 2) };
}

/**
 * Where to write the name of a basemap area (a country, an entity, a municipality), on screen
 * and in reports alike: the centroid of its largest part when that lies inside the part, else
 * the middle of the part's widest stretch (a crescent's centroid is outside it). Linear in the
 * vertices: the detailed country outlines have tens of thousands, and a hull-based centre of
 * mass cost a large share of start-up and of a report's drawing. A line gets its middle vertex.
 * (Zones have their own rule, in analysis/labelPoint.ts.)
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }); // [1, 1]
 */
export function labelPoint(geometry: Geometry): [number, number] {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates as [number, number];
    case 'LineString':
      return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)] as [number, number];
    case 'MultiLineString': {
      const longest = [...geometry.coordinates].sort((a, b) => b.length - a.length)[0]!;
      return longest[Math.floor(longest.length / 2)] as [number, number];
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      let best: { part: Position[][]; at: [number, number]; area: number } | null = null;
      for (const part of parts) {
        if (!part[0]?.length) continue;
        const c = ringCentroid(part[0]);
        if (!best || c.area > best.area) best = { part, ...c };
      }
      if (!best) return [0, 0];
      const polygon: Polygon = { type: 'Polygon', coordinates: best.part };
      return booleanPointInPolygon(best.at, polygon) ? best.at : (widestInsidePoint(best.part) as [number, number]);
    }
    case 'MultiPoint':
      return (geometry.coordinates[0] ?? [0, 0]) as [number, number];
    case 'GeometryCollection':
      return geometry.geometries[0] ? labelPoint(geometry.geometries[0]) : [0, 0];
  }
}
