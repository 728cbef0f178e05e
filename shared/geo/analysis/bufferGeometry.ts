import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { bbox as turfBbox, buffer, featureCollection, intersect, simplify, union } from '@turf/turf';
import { clipToBox } from './clipToBox';
import { geodesicCircle } from './geodesicCircle';

export type BufferResult = { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; message: string };

/** Segments per piece: Turf's buffer grows much faster than linearly with a line's length. */
const PIECE = 10;

function pathsOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'MultiPoint':
      return g.coordinates.map((p) => [p]);
    case 'GeometryCollection':
      return g.geometries.flatMap(pathsOf);
    case 'Point':
      return [[g.coordinates]];
  }
}

type Area = Feature<Polygon | MultiPolygon>;

function bufferPath(path: Position[], km: number): Area[] {
  if (path.length === 1) return [{ type: 'Feature', properties: {}, geometry: geodesicCircle(path[0]!, km * 1000, 64) }];
  // Detail far finer than the distance does not change the buffer but costs time: drop what
  // deviates less than 2 % of the distance (100 m for 5 km) from the line.
  const line: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path } };
  const coords = (simplify(line, { tolerance: (km * 0.02) / 111.32 }).geometry as { coordinates: Position[] }).coordinates;
  const pieces: Area[] = [];
  for (let i = 0; i + 1 < coords.length; i += PIECE) {
    const piece: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords.slice(i, i + PIECE + 1) } };
    const buffered = buffer(piece, km, { units: 'kilometers', steps: 8 }) as Area | undefined;
    if (buffered) pieces.push(buffered);
  }
  return pieces;
}

/**
 * The area within `km` kilometres of a point, line or area (an area's buffer includes the
 * area), optionally clipped to one side of a border: pass the polygon of the side to keep
 * (a country's outline). A point's buffer is a geodesic circle; a line is buffered piece by
 * piece with Turf (an azimuthal equidistant projection centred on each piece, so distances
 * are true to well under 0.5 %) and the pieces merged.
 *
 * @example
 * // The 1999 Ground Safety Zone: 5 km from the Kosovo–Serbia boundary, on Serbia's side.
 * bufferGeometry(boundary.geometry, 5, serbia.geometry);
 */
export function bufferGeometry(geometry: Geometry, km: number, clipTo: Polygon | MultiPolygon | null = null): BufferResult {
  if (!Number.isFinite(km) || km <= 0) return { ok: false, message: 'The buffer distance must be a positive number of kilometres' };
  if (km > 500) return { ok: false, message: 'The buffer distance is at most 500 km' };
  const areas: Area[] = pathsOf(geometry).filter((p) => p.length > 0).flatMap((p) => bufferPath(p, km));
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') areas.push({ type: 'Feature', properties: {}, geometry });
  if (areas.length === 0) return { ok: false, message: 'The shape has no extent to buffer' };
  const merged = areas.length === 1 ? areas[0]! : union(featureCollection(areas));
  if (!merged) return { ok: false, message: 'The shape has no extent to buffer' };
  let result = merged.geometry;
  if (clipTo) {
    const side = clipToBox(clipTo, turfBbox(merged) as [number, number, number, number]);
    const clipped = side ? intersect(featureCollection([merged, side])) : null;
    if (!clipped) return { ok: false, message: 'Nothing of the buffer lies on the chosen side of the border' };
    result = clipped.geometry;
  }
  return { ok: true, geometry: result };
}
