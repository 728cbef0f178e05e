import type { Geometry } from 'geojson';
import { prepareAreaTest } from './prepareAreaTest';

export interface LocatedItem {
  id: string;
  lon: number;
  lat: number;
}

/**
 * The ids of the points that lie inside an area, in input order; none for a line. The caller
 * may pass every incident or (on the Node side) only those the R*Tree found in the area's box.
 *
 * @example
 * pointsInArea(zone.fields.geometry, incidents.map((i) => ({ id: i.id, lon: i.fields.lon, lat: i.fields.lat })));
 */
export function pointsInArea(geometry: Geometry, points: Iterable<LocatedItem>): string[] {
  const test = prepareAreaTest(geometry);
  const ids: string[] = [];
  if (!test.bbox) return ids;
  for (const p of points) if (test.contains(p.lon, p.lat)) ids.push(p.id);
  return ids;
}
