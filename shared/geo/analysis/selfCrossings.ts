import type { Geometry, Position } from 'geojson';
import { ringMeetings } from './ringMeetings';

/**
 * Where the outline of a polygon or multipolygon crosses or touches itself, up to `limit`
 * points: each ring against itself and against the other rings of its polygon (holes
 * included), and the parts of a multipolygon against each other (where they cross or share a
 * stretch of edge; parts may touch at a point). Empty for a valid outline and for lines (a
 * route may cross itself). Planar in lon/lat, which is what validity means for GeoPackage
 * readers. See `outlineProblem` for the whole validity check (holes inside their outline,
 * parts apart).
 *
 * @example
 * selfCrossings({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] }); // [[1, 1]]
 */
export function selfCrossings(geometry: Geometry, limit = 50): Position[] {
  return ringMeetings(geometry, limit).map((m) => m.at);
}
