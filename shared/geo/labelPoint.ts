import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

/**
 * Where to write an area's name: its centre of mass when that lies inside it, else a point
 * surely inside (a crescent's centre is outside it). A line gets its middle vertex.
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
      const area: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry };
      const centre = centerOfMass(area).geometry.coordinates as [number, number];
      if (booleanPointInPolygon(centre, area)) return centre;
      return pointOnFeature(area).geometry.coordinates as [number, number];
    }
    default:
      return centerOfMass({ type: 'Feature', properties: {}, geometry }).geometry.coordinates as [number, number];
  }
}
