import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AUTHALIC_RADIUS, sinAuthalicLatitude } from './ellipsoid';

/**
 * Area of the intersection of two areas without building the intersection's outline.
 *
 * By Green's theorem the area of A ∩ B is the sum of ∮ x dy over its boundary, and that
 * boundary is made of the parts of A's edges inside B and of B's edges inside A. So each edge
 * is split where it meets the other outline, and each piece whose midpoint lies inside the
 * other area adds its term. Where the two outlines run along each other (a zone that follows
 * a border it was clipped to), the shared piece counts once when both areas lie on the same
 * side of it and not at all when they lie on opposite sides.
 *
 * Pieces are found in lon/lat; their terms are taken on the authalic sphere (λ, sin β), the
 * same equal-area plane as `geodesicArea`, so the result is in m² on the WGS 84 ellipsoid and
 * agrees with it (A ∩ A has A's area). This avoids a general polygon clipper, which costs
 * milliseconds per pair; here a zone meets a municipality in well under one.
 */

/** Consecutive points of one ring with their box: the unit of pruning. */
interface Chunk {
  /** x0, y0, x1, y1, … (lon, lat), the last point repeated as the next chunk's first. */
  xy: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const CHUNK = 16;
/** Two points closer than this (degrees, ≈ 0.01 mm) are the same point. */
const EPS = 1e-10;

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

/** Rings oriented outer counter-clockwise and holes clockwise, cut into chunks. */
function prepare(geometry: Polygon | MultiPolygon): Chunk[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const chunks: Chunk[] = [];
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      if (ring.length < 4) return;
      const ccw = signedArea(ring) > 0;
      const oriented = ccw === (i === 0) ? ring : [...ring].reverse();
      for (let start = 0; start + 1 < oriented.length; start += CHUNK) {
        const part = oriented.slice(start, Math.min(oriented.length, start + CHUNK + 1));
        const xy = new Float64Array(part.length * 2);
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        part.forEach((p, k) => {
          xy[2 * k] = p[0]!;
          xy[2 * k + 1] = p[1]!;
          minX = Math.min(minX, p[0]!);
          maxX = Math.max(maxX, p[0]!);
          minY = Math.min(minY, p[1]!);
          maxY = Math.max(maxY, p[1]!);
        });
        chunks.push({ xy, minX, minY, maxX, maxY });
      }
    });
  }
  return chunks;
}

/** Even-odd ray casting towards +x over every ring. */
function inside(chunks: Chunk[], x: number, y: number): boolean {
  let result = false;
  for (const c of chunks) {
    if (y < c.minY || y > c.maxY || x > c.maxX) continue;
    const xy = c.xy;
    for (let i = 0; i + 3 < xy.length; i += 2) {
      const xi = xy[i]!;
      const yi = xy[i + 1]!;
      const xj = xy[i + 2]!;
      const yj = xy[i + 3]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

/** +1 / -1 when (x, y) lies on an edge of `chunks` running the same / opposite way as (dx, dy); else 0. */
function onBoundary(chunks: Chunk[], x: number, y: number, dx: number, dy: number): number {
  for (const c of chunks) {
    if (x < c.minX - EPS || x > c.maxX + EPS || y < c.minY - EPS || y > c.maxY + EPS) continue;
    const xy = c.xy;
    for (let i = 0; i + 3 < xy.length; i += 2) {
      const ax = xy[i]!;
      const ay = xy[i + 1]!;
      const ex = xy[i + 2]! - ax;
      const ey = xy[i + 3]! - ay;
      const len2 = ex * ex + ey * ey;
      if (len2 === 0) continue;
      const t = ((x - ax) * ex + (y - ay) * ey) / len2;
      if (t < 0 || t > 1) continue;
      const px = ax + t * ex - x;
      const py = ay + t * ey - y;
      if (px * px + py * py > EPS * EPS) continue;
      // Only a piece running along the edge is on it (a crossing piece only touches it).
      const cross = Math.abs(ex * dy - ey * dx) / Math.sqrt(len2 * (dx * dx + dy * dy));
      if (cross > 1e-6) continue;
      return ex * dx + ey * dy > 0 ? 1 : -1;
    }
  }
  return 0;
}

/** Parameters along p→q where it meets the edges of `chunks` (crossings, touches, overlaps). */
function splitParameters(chunks: Chunk[], px: number, py: number, qx: number, qy: number, out: number[]): void {
  const minX = Math.min(px, qx) - EPS;
  const maxX = Math.max(px, qx) + EPS;
  const minY = Math.min(py, qy) - EPS;
  const maxY = Math.max(py, qy) + EPS;
  const rx = qx - px;
  const ry = qy - py;
  const len2 = rx * rx + ry * ry;
  for (const c of chunks) {
    if (c.maxX < minX || c.minX > maxX || c.maxY < minY || c.minY > maxY) continue;
    const xy = c.xy;
    for (let i = 0; i + 3 < xy.length; i += 2) {
      const cx = xy[i]!;
      const cy = xy[i + 1]!;
      const sx = xy[i + 2]! - cx;
      const sy = xy[i + 3]! - cy;
      if (Math.max(cx, cx + sx) < minX || Math.min(cx, cx + sx) > maxX || Math.max(cy, cy + sy) < minY || Math.min(cy, cy + sy) > maxY) continue;
      const denom = rx * sy - ry * sx;
      const wx = cx - px;
      const wy = cy - py;
      if (Math.abs(denom) > 1e-18) {
        const t = (wx * sy - wy * sx) / denom;
        const u = (wx * ry - wy * rx) / denom;
        if (t > 0 && t < 1 && u >= -1e-12 && u <= 1 + 1e-12) out.push(t);
      } else {
        // Parallel: where the other edge's ends project onto this one (collinear overlap).
        for (const [ex, ey] of [[cx, cy], [cx + sx, cy + sy]] as const) {
          const t = ((ex - px) * rx + (ey - py) * ry) / len2;
          const ox = px + t * rx - ex;
          const oy = py + t * ry - ey;
          if (t > 0 && t < 1 && ox * ox + oy * oy <= EPS * EPS) out.push(t);
        }
      }
    }
  }
}

const RAD = Math.PI / 180;

/** Σ ∮ x dy of the pieces of `a`'s edges that bound a ∩ b. */
function boundaryTerms(a: Chunk[], b: Chunk[], keepShared: boolean): number {
  let sum = 0;
  const ts: number[] = [];
  for (const c of a) {
    const xy = c.xy;
    for (let i = 0; i + 3 < xy.length; i += 2) {
      const px = xy[i]!;
      const py = xy[i + 1]!;
      const qx = xy[i + 2]!;
      const qy = xy[i + 3]!;
      if (px === qx && py === qy) continue;
      ts.length = 0;
      ts.push(0, 1);
      splitParameters(b, px, py, qx, qy, ts);
      ts.sort((m, n) => m - n);
      for (let k = 0; k + 1 < ts.length; k++) {
        const t0 = ts[k]!;
        const t1 = ts[k + 1]!;
        if (t1 - t0 < 1e-12) continue;
        const mx = px + ((t0 + t1) / 2) * (qx - px);
        const my = py + ((t0 + t1) / 2) * (qy - py);
        const shared = onBoundary(b, mx, my, qx - px, qy - py);
        if (shared !== 0 ? !(keepShared && shared > 0) : !inside(b, mx, my)) continue;
        const x0 = (px + t0 * (qx - px)) * RAD;
        const y0 = sinAuthalicLatitude(py + t0 * (qy - py));
        const x1 = (px + t1 * (qx - px)) * RAD;
        const y1 = sinAuthalicLatitude(py + t1 * (qy - py));
        sum += x0 * y1 - x1 * y0;
      }
    }
  }
  return sum;
}

/**
 * Area of the intersection of two polygons or multipolygons on the WGS 84 ellipsoid, m².
 *
 * @example
 * intersectionArea(zone.fields.geometry, zvecan.geometry) / 1e6; // km² of the zone in Zvečan
 */
export function intersectionArea(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const ca = prepare(a);
  const cb = prepare(b);
  const twice = boundaryTerms(ca, cb, true) + boundaryTerms(cb, ca, false);
  return Math.max(0, (twice / 2) * AUTHALIC_RADIUS * AUTHALIC_RADIUS);
}

