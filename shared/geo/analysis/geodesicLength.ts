import type { Geometry, Position } from 'geojson';
import { geodesicInverse } from './geodesicInverse';

function pathLength(path: Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += geodesicInverse(path[i - 1]!, path[i]!).distance_m;
  return total;
}

/**
 * Length on the WGS 84 ellipsoid, in metres: of a line, or of a polygon's outline and holes
 * (its perimeter, as GDAL's `ST_Perimeter(geom, 1)` counts it).
 *
 * @example
 * geodesicLength({ type: 'LineString', coordinates: [[20, 42], [21, 42]] }); // ≈ 82,850
 */
export function geodesicLength(geometry: Geometry): number {
  switch (geometry.type) {
    case 'LineString':
      return pathLength(geometry.coordinates);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.reduce((sum, path) => sum + pathLength(path), 0);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((sum, rings) => sum + rings.reduce((s, r) => s + pathLength(r), 0), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, g) => sum + geodesicLength(g), 0);
    default:
      return 0;
  }
}
