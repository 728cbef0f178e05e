import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip } from '@turf/turf';

/**
 * The part of an area inside a box [west, south, east, north] (Sutherland–Hodgman, linear
 * time), without the empty or degenerate rings that clipping leaves where a part of the area
 * lies outside the box; null when nothing is left. Cutting a country's outline down to a
 * zone's box first makes the exact intersection that follows cheap.
 *
 * @example
 * clipToBox(serbia.geometry, [20.3, 42.6, 21.2, 43.3]); // the few hundred points of Serbia near Kosovo's north
 */
export function clipToBox(geometry: Polygon | MultiPolygon, box: [number, number, number, number]): Feature<MultiPolygon> | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept: Position[][][] = [];
  for (const rings of parts) {
    const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } }, box).geometry as Polygon;
    const outline = clipped.coordinates[0];
    // A part whose outline fell outside the box is gone, holes and all.
    if (!outline || outline.length < 4) continue;
    kept.push(clipped.coordinates.filter((r) => r.length >= 4));
  }
  if (kept.length === 0) return null;
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}
