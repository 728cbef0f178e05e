import type { Geometry, Position } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';
import { insideRings } from '../../shared/geo/insideRings';

/** A rectangle in map pixels. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Whether a geometry shows in the map's frame as drawn: a line or an outline where one of its
 * projected segments crosses the frame, an area also where it covers the frame's centre (a
 * zone larger than the map). A box test is not enough: an outline whose box reaches into the
 * frame can still pass by it, and the legend would then name a line the map does not show.
 * What lies wholly under `covered` (the locator inset, drawn over the map) does not show either,
 * nor what reaches only into the outermost `edge` pixels of the frame (by default 2 mm: the strip
 * beside the inset, where a Kosovo municipality's outline runs under Kosovo's border).
 *
 * @example
 * showsInFrame(feature.geometry, projection, { filled: false }); // false for a municipality off the map
 */
export const FRAME_EDGE_PX = 8;

export function showsInFrame(geometry: Geometry, projection: MapProjection, options: { filled: boolean; covered?: readonly Rect[]; edge?: number }): boolean {
  const edge = options.edge ?? FRAME_EDGE_PX;
  const frame: Rect = { x0: edge, y0: edge, x1: projection.width - edge, y1: projection.height - edge };
  const covered = options.covered ?? [];
  const project = (p: Position) => projection.project(p[0]!, p[1]!);
  const segmentShows = (a: [number, number], b: [number, number]): boolean => {
    const seen = segmentInRect(a, b, frame);
    if (!seen) return false;
    // Hidden when the part inside the frame lies wholly under one covering box.
    return !covered.some((box) => {
      const under = segmentInRect(a, b, box);
      return under !== null && under[0] <= seen[0] && under[1] >= seen[1];
    });
  };
  const pathMeets = (path: Position[]): boolean => {
    let previous = path.length ? project(path[0]!) : null;
    if (previous && path.length === 1) return segmentShows(previous, previous);
    for (let i = 1; i < path.length; i++) {
      const next = project(path[i]!);
      if (segmentShows(previous!, next)) return true;
      previous = next;
    }
    return false;
  };
  const rings: Position[][][] = [];
  const paths: Position[][] = [];
  const walk = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        paths.push([g.coordinates]);
        return;
      case 'MultiPoint':
        g.coordinates.forEach((p) => paths.push([p]));
        return;
      case 'LineString':
        paths.push(g.coordinates);
        return;
      case 'MultiLineString':
        paths.push(...g.coordinates);
        return;
      case 'Polygon':
        rings.push(g.coordinates);
        paths.push(...g.coordinates);
        return;
      case 'MultiPolygon':
        rings.push(...g.coordinates);
        g.coordinates.forEach((polygon) => paths.push(...polygon));
        return;
      case 'GeometryCollection':
        g.geometries.forEach(walk);
    }
  };
  walk(geometry);
  if (paths.some(pathMeets)) return true;
  // No edge in the frame: the frame is wholly inside an area or wholly outside it.
  return options.filled && rings.some((polygon) => insideRings([projection.width / 2, projection.height / 2], polygon.map((ring) => ring.map(project))));
}

/**
 * Liang–Barsky: the part of the segment a–b inside a rectangle, as the interval [t0, t1] of
 * a + t (b − a), or null when it misses the rectangle.
 */
export function segmentInRect(a: [number, number], b: [number, number], rect: Rect): [number, number] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0] - rect.x0],
    [dx, rect.x1 - a[0]],
    [-dy, a[1] - rect.y0],
    [dy, rect.y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

