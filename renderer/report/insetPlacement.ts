import type { Geometry, Position } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';
import { insideRings } from '../../shared/geo/insideRings';

/**
 * Where the locator inset covers least: of the four corners (clear of the other furniture),
 * the one hiding the fewest incidents and zone label points, then the least of the zones'
 * shapes (their fill and outlines, sampled on a grid over the corner), bottom right when it
 * makes no difference. Counting points alone put the inset over the build-up zone in landscape.
 */

const SAMPLES_X = 14;
const SAMPLES_Y = 12;
/** A sample this close to a zone's outline or route, in pixels, is on it. */
const ON_LINE_PX = 3;

type XY = [number, number];

export function insetCorner(projection: MapProjection, width: number, height: number, points: readonly XY[], zones: readonly Geometry[] = []): { x0: number; y0: number } {
  const W = projection.width;
  const H = projection.height;
  const corners = [
    { x0: W - width - 8, y0: H - height - 16 },
    { x0: 8, y0: H - height - 36 },
    { x0: W - width - 8, y0: 48 },
    { x0: 8, y0: 32 },
  ];
  const margin = 8;
  const shapes = zones.map((g) => projectShape(g, projection));
  const score = (c: { x0: number; y0: number }) => {
    const hiddenPoints = points.filter(([x, y]) => x > c.x0 - margin && x < c.x0 + width + margin && y > c.y0 - margin && y < c.y0 + height + margin).length;
    let hiddenShape = 0;
    for (let i = 0; i <= SAMPLES_X; i++) {
      for (let j = 0; j <= SAMPLES_Y; j++) {
        const p: XY = [c.x0 + (width * i) / SAMPLES_X, c.y0 + (height * j) / SAMPLES_Y];
        if (shapes.some((s) => s.covers(p))) hiddenShape += 1;
      }
    }
    // A hidden incident or label weighs more than any amount of hidden shape.
    return hiddenPoints * 1e6 + hiddenShape;
  };
  return corners.map((c) => ({ c, n: score(c) })).reduce((best, next) => (next.n < best.n ? next : best)).c;
}

/** A zone in pixels: whether a point is in its fill or on its outline (a route: on the line). */
function projectShape(geometry: Geometry, projection: MapProjection): { covers(p: XY): boolean } {
  const project = (p: Position): XY => projection.project(p[0]!, p[1]!);
  const polygons: XY[][][] = [];
  const lines: XY[][] = [];
  const walk = (g: Geometry): void => {
    if (g.type === 'Polygon') polygons.push(g.coordinates.map((r) => r.map(project)));
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => polygons.push(p.map((r) => r.map(project))));
    else if (g.type === 'LineString') lines.push(g.coordinates.map(project));
    else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => lines.push(l.map(project)));
    else if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
  };
  walk(geometry);
  const paths = [...lines, ...polygons.flat()];
  return {
    covers: (p) => polygons.some((rings) => insideRings(p, rings)) || paths.some((path) => nearPath(p, path, ON_LINE_PX)),
  };
}


function nearPath([x, y]: XY, path: XY[], distance: number): boolean {
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = path[i - 1]!;
    const [bx, by] = path[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
    if (Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= distance) return true;
  }
  return false;
}
