import type { Geometry, Position } from 'geojson';
import { geodesicInverse } from './geodesicInverse';
import { prepareAreaTest } from './prepareAreaTest';

export interface LineDistance {
  /** Shortest geodesic distance, metres; 0 when the shape touches or crosses a line. */
  distance_m: number;
  /** The point of the shape nearest to the line. */
  from: Position;
  /** The point of the line nearest to the shape. */
  to: Position;
}

type Path = Position[];

function pathsOf(g: Geometry): Path[] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return g.type === 'LineString' ? [g.coordinates] : g.coordinates.map((p) => [p]);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'GeometryCollection':
      return g.geometries.flatMap(pathsOf);
  }
}

/** Nearest point of segment a–b to p, on a local equirectangular plane at p's latitude. */
function nearestOnSegment(p: Position, a: Position, b: Position): { at: Position; d2: number } {
  const kx = Math.cos((p[1]! * Math.PI) / 180);
  const ax = (a[0]! - p[0]!) * kx;
  const ay = a[1]! - p[1]!;
  const dx = (b[0]! - a[0]!) * kx;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return { at: [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)], d2: x * x + y * y };
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): Position | null {
  const d1 = (d[0]! - c[0]!) * (a[1]! - c[1]!) - (d[1]! - c[1]!) * (a[0]! - c[0]!);
  const d2 = (d[0]! - c[0]!) * (b[1]! - c[1]!) - (d[1]! - c[1]!) * (b[0]! - c[0]!);
  const d3 = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  const d4 = (b[0]! - a[0]!) * (d[1]! - a[1]!) - (b[1]! - a[1]!) * (d[0]! - a[0]!);
  if (d1 * d2 > 0 || d3 * d4 > 0) return null;
  if (d1 === d2) return null; // parallel: the vertex distances find the touch
  const k = d1 / (d1 - d2);
  return [a[0]! + k * (b[0]! - a[0]!), a[1]! + k * (b[1]! - a[1]!)];
}

/** A point and a segment of the other shape near it: a candidate for the nearest pair. */
interface Candidate {
  d2: number;
  point: Position;
  segment: [Position, Position];
  /** Whether `point` belongs to the shape (and the segment to a line), or the reverse. */
  pointOnShape: boolean;
}

/** A run of up to CHUNK consecutive points of a path, with its box: the unit of pruning. */
interface Chunk {
  points: Position[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const CHUNK = 32;

function chunksOf(paths: Path[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const path of paths) {
    // Consecutive chunks share their end point, so no segment is lost between them.
    for (let start = 0; start < path.length; start += CHUNK) {
      const points = path.slice(start, Math.min(path.length, start + CHUNK + 1));
      if (points.length === 1 && start > 0) break;
      const xs = points.map((p) => p[0]!);
      const ys = points.map((p) => p[1]!);
      chunks.push({ points, minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) });
    }
  }
  return chunks;
}

/** Squared distance (degrees of latitude) from p to a chunk's box, with x scaled by kx. */
function boxGap2(c: Chunk, p: Position, kx: number): number {
  const gx = Math.max(0, c.minX - p[0]!, p[0]! - c.maxX) * kx;
  const gy = Math.max(0, c.minY - p[1]!, p[1]! - c.maxY);
  return gx * gx + gy * gy;
}

/**
 * Every point of `points` against every segment of `chunks`, pruned by box: calls `found`
 * with each pair nearer (on the local plane, squared degrees) than `limit()`.
 */
function scan(points: Chunk[], chunks: Chunk[], pointsAreShape: boolean, limit: () => number, found: (c: Candidate) => void): void {
  for (const source of points) {
    for (const p of source.points) {
      const kx = Math.cos((p[1]! * Math.PI) / 180);
      for (const c of chunks) {
        if (boxGap2(c, p, kx) > limit()) continue;
        const q = c.points;
        for (let i = 0; i + 1 < q.length || (q.length === 1 && i === 0); i++) {
          const a = q[i]!;
          const b = q[i + 1] ?? a;
          const { d2 } = nearestOnSegment(p, a, b);
          if (d2 <= limit()) found({ d2, point: p, segment: [a, b], pointOnShape: pointsAreShape });
        }
      }
    }
  }
}

function firstCrossing(shape: Chunk[], targets: Chunk[]): Position | null {
  for (const s of shape) {
    for (const t of targets) {
      if (s.maxX < t.minX || s.minX > t.maxX || s.maxY < t.minY || s.minY > t.maxY) continue;
      for (let i = 0; i + 1 < s.points.length; i++) {
        for (let j = 0; j + 1 < t.points.length; j++) {
          const at = segmentsCross(s.points[i]!, s.points[i + 1]!, t.points[j]!, t.points[j + 1]!);
          if (at) return at;
        }
      }
    }
  }
  return null;
}

/**
 * The exact nearest point of a segment to a point: the local plane is good for choosing
 * candidates, but on a long segment its nearest point can be off, so the position along the
 * segment is settled by a golden-section search on the ellipsoidal distance itself.
 */
function refine(c: Candidate): LineDistance {
  const [a, b] = c.segment;
  const at = (t: number): Position => [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  const dist = (t: number) => geodesicInverse(c.point, at(t)).distance_m;
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 0;
  let hi = 1;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = dist(x1);
  let f2 = dist(x2);
  for (let i = 0; i < 48 && hi - lo > 1e-12; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = dist(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = dist(x2);
    }
  }
  const nearest = [0, 1, (lo + hi) / 2].map((t) => ({ t, d: dist(t) })).reduce((m, x) => (x.d < m.d ? x : m));
  const other = at(nearest.t);
  return c.pointOnShape ? { distance_m: nearest.d, from: c.point, to: other } : { distance_m: nearest.d, from: other, to: c.point };
}

/** Candidates within this factor of the best planar distance are measured exactly. */
const CANDIDATE_SLACK = 1.1;
const MAX_CANDIDATES = 64;

/**
 * Shortest distance from a point, line or area to a set of lines (the Kosovo–Serbia boundary,
 * the Inter-Entity Boundary Line): 0 when the shape touches, crosses or contains part of a line.
 * The nearest pair of points is found on a local plane, then measured on the WGS 84 ellipsoid.
 * Null when there are no lines.
 *
 * @example
 * distanceToLines({ type: 'Point', coordinates: [20.84, 42.91] }, [kosovoSerbiaBoundary])!.distance_m; // ≈ 7,000
 */
export function distanceToLines(geometry: Geometry, lines: Geometry[]): LineDistance | null {
  const shapePaths = pathsOf(geometry);
  const targetPaths = lines.flatMap(pathsOf).filter((p) => p.length > 0);
  if (targetPaths.length === 0 || shapePaths.length === 0) return null;
  // Containing part of a line, or crossing it, means distance 0.
  const area = prepareAreaTest(geometry);
  for (const path of targetPaths) {
    for (const p of path) if (area.contains(p[0]!, p[1]!)) return { distance_m: 0, from: p, to: p };
  }
  const shape = chunksOf(shapePaths);
  const targets = chunksOf(targetPaths);
  const crossing = firstCrossing(shape, targets);
  if (crossing) return { distance_m: 0, from: crossing, to: crossing };
  // First the best planar distance, then every pair nearly as near, measured exactly.
  let best = Infinity;
  const keepBest = (c: Candidate) => {
    best = Math.min(best, c.d2);
  };
  scan(shape, targets, true, () => best, keepBest);
  scan(targets, shape, false, () => best, keepBest);
  const limit = best * CANDIDATE_SLACK * CANDIDATE_SLACK + 1e-18;
  const candidates: Candidate[] = [];
  const collect = (c: Candidate) => void candidates.push(c);
  scan(shape, targets, true, () => limit, collect);
  scan(targets, shape, false, () => limit, collect);
  candidates.sort((x, y) => x.d2 - y.d2);
  return candidates.slice(0, MAX_CANDIDATES).map(refine).reduce((m, x) => (x.distance_m < m.distance_m ? x : m));
}
