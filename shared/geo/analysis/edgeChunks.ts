import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The edges of an area cut into chunks of consecutive points, each with its box, and the
 * planar (lon/lat) tests on them that the intersection area and the validity check share:
 * inside (even-odd over every ring), on an edge, and where a segment meets the edges.
 */

/** Consecutive points of one ring with their box: the unit of pruning. */
export interface Chunk {
  /** x0, y0, x1, y1, … (lon, lat), the last point repeated as the next chunk's first. */
  xy: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const CHUNK = 16;
/** Two points closer than this (degrees, ≈ 0.01 mm) are the same point. */
export const EPS = 1e-10;

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

/** Rings oriented outer counter-clockwise and holes clockwise, cut into chunks. */
export function prepareChunks(geometry: Polygon | MultiPolygon): Chunk[] {
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
export function insideChunks(chunks: Chunk[], x: number, y: number): boolean {
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
export function onChunkBoundary(chunks: Chunk[], x: number, y: number, dx: number, dy: number): number {
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
export function splitParameters(chunks: Chunk[], px: number, py: number, qx: number, qy: number, out: number[]): void {
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

/**
 * Walks `a`'s edges cut at every point where they meet `b`'s edges, so that each piece lies
 * wholly inside, outside or along `b`: `visit(px, py, qx, qy, t0, t1)` gets the edge p→q and
 * the piece's parameters along it (pieces shorter than 1e-12 of their edge are left out).
 * Stops early when `visit` returns true.
 */
export function forEachPieceAgainst(
  a: Chunk[],
  b: Chunk[],
  visit: (px: number, py: number, qx: number, qy: number, t0: number, t1: number) => boolean | void,
): void {
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
        if (visit(px, py, qx, qy, t0, t1) === true) return;
      }
    }
  }
}
