import type { Position } from 'geojson';
import { geodesicArea } from './geodesicArea';
import { geodesicInverse } from './geodesicInverse';

export interface PathSegment {
  distance_m: number;
  /** Initial bearing, degrees clockwise from true north. */
  bearing_deg: number;
}

export interface PathMeasure {
  segments: PathSegment[];
  /** Length of the open path (the line through the points), metres. */
  total_m: number;
  /** Area enclosed when the path is closed back to its first point (three points or more), m². */
  area_m2: number | null;
  /** Perimeter of that closed area, metres. */
  perimeter_m: number | null;
}

/**
 * Measures a path of clicked points: each segment's geodesic length and bearing, the total,
 * and the area and perimeter of the polygon the points enclose. What the measure tool and
 * the live readout while drawing show.
 *
 * @example
 * measurePath([[20, 42], [21, 42], [21, 43]]).total_m; // ≈ 82,850 + 111,050
 */
export function measurePath(points: Position[]): PathMeasure {
  const segments: PathSegment[] = [];
  for (let i = 1; i < points.length; i++) segments.push(geodesicInverse(points[i - 1]!, points[i]!));
  const total_m = segments.reduce((sum, s) => sum + s.distance_m, 0);
  if (points.length < 3) return { segments, total_m, area_m2: null, perimeter_m: null };
  const closing = geodesicInverse(points.at(-1)!, points[0]!).distance_m;
  const ring = [...points, points[0]!];
  return { segments, total_m, area_m2: geodesicArea({ type: 'Polygon', coordinates: [ring] }), perimeter_m: total_m + closing };
}
