import type { Geometry } from 'geojson';
import { prepareAreaTest } from './prepareAreaTest';

/**
 * The ids of the areas (zones) that contain a point, in input order. Lines contain nothing.
 *
 * @example
 * zonesAtPoint([20.84, 42.91], zones.map((z) => ({ id: z.id, geometry: z.fields.geometry }))); // ['…kfor…']
 */
export function zonesAtPoint(point: [number, number], zones: Iterable<{ id: string; geometry: Geometry }>): string[] {
  const ids: string[] = [];
  for (const zone of zones) if (prepareAreaTest(zone.geometry).contains(point[0], point[1])) ids.push(zone.id);
  return ids;
}
