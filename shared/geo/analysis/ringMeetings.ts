import type { Geometry, Position } from 'geojson';

/**
 * Where the rings of an area meet where they must not, found by one sort-and-sweep over the
 * edges of every ring of every part (planar in lon/lat, which is what validity means for
 * GeoPackage readers):
 * - `ring`: a ring crosses or touches itself, or an edge folds back over its neighbour;
 * - `rings`: two rings of one polygon (its outline and a hole, or two holes) cross or touch;
 * - `parts`: two parts of a multipolygon cross, or run along each other. Parts may touch at a
 *   point (a figure-eight split at its crossing leaves two parts sharing a corner).
 * `rings` holds the indices (0 the outline) of the two rings for `ring` and `rings`.
 */
export interface RingMeeting {
  at: Position;
  between: 'ring' | 'rings' | 'parts';
  rings: [number, number];
}

interface Segment {
  part: number;
  ring: number;
  /** Ring number across all parts: tells neighbours in one ring apart from other rings. */
  key: number;
  index: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Orientation of c relative to the line a→b: > 0 left, < 0 right, 0 on it. */
function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(s: Segment, x: number, y: number): boolean {
  return x >= s.minX && x <= s.maxX && y >= s.minY && y <= s.maxY;
}

/** Where two segments meet (other than at the vertex they share when adjacent), or null. */
function meeting(s: Segment, t: Segment, adjacent: boolean, pointTouchAllowed: boolean): Position | null {
  const d1 = cross(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d2 = cross(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  const d3 = cross(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d4 = cross(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const k = d1 / (d1 - d2);
    return [s.ax + k * (s.bx - s.ax), s.ay + k * (s.by - s.ay)];
  }
  if (adjacent) {
    // Neighbours share a vertex; they are only wrong when they fold back over each other.
    const collinear = d1 === 0 && d2 === 0;
    if (!collinear) return null;
    const sharedAtEnd = s.bx === t.ax && s.by === t.ay;
    const [ox, oy] = sharedAtEnd ? [s.ax, s.ay] : [s.bx, s.by];
    const [fx, fy] = sharedAtEnd ? [t.bx, t.by] : [t.ax, t.ay];
    return onSegment(t, ox, oy) || onSegment(s, fx, fy) ? (sharedAtEnd ? [s.bx, s.by] : [s.ax, s.ay]) : null;
  }
  if (pointTouchAllowed) {
    // Between parts only a shared stretch of edge is wrong: collinear, overlapping in more
    // than a point (a crossing through a vertex shows as one part inside the other).
    if (d1 !== 0 || d2 !== 0) return null;
    const along = Math.abs(s.bx - s.ax) >= Math.abs(s.by - s.ay) ? 0 : 1;
    const [s0, s1] = along === 0 ? [Math.min(s.ax, s.bx), Math.max(s.ax, s.bx)] : [Math.min(s.ay, s.by), Math.max(s.ay, s.by)];
    const [t0, t1] = along === 0 ? [Math.min(t.ax, t.bx), Math.max(t.ax, t.bx)] : [Math.min(t.ay, t.by), Math.max(t.ay, t.by)];
    const lo = Math.max(s0, t0);
    const hi = Math.min(s1, t1);
    if (!(hi > lo)) return null;
    const mid = (lo + hi) / 2;
    const k = along === 0 ? (mid - s.ax) / (s.bx - s.ax) : (mid - s.ay) / (s.by - s.ay);
    return [s.ax + k * (s.bx - s.ax), s.ay + k * (s.by - s.ay)];
  }
  // A vertex of one lying on the other: the outline touches itself, which is as broken.
  if (d1 === 0 && onSegment(t, s.ax, s.ay)) return [s.ax, s.ay];
  if (d2 === 0 && onSegment(t, s.bx, s.by)) return [s.bx, s.by];
  if (d3 === 0 && onSegment(s, t.ax, t.ay)) return [t.ax, t.ay];
  if (d4 === 0 && onSegment(s, t.bx, t.by)) return [t.bx, t.by];
  return null;
}

/**
 * The meetings of an area's rings, up to `limit`, each place once; empty for a valid area and
 * for lines (a route may cross itself). Outlines of tens of thousands of points stay fast:
 * only segments whose x ranges overlap are compared.
 *
 * @example
 * ringMeetings({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]] });
 * // [{ at: [2, 1], between: 'parts', rings: [0, 0] }, { at: [1, 2], between: 'parts', rings: [0, 0] }]
 */
export function ringMeetings(geometry: Geometry, limit = 50): RingMeeting[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const segments: Segment[] = [];
  const ringLengths: number[] = [];
  polygons.forEach((rings, part) => {
    rings.forEach((ring, r) => {
      const key = ringLengths.push(ring.length - 1) - 1;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as [number, number];
        const [bx, by] = ring[i + 1] as [number, number];
        if (ax === bx && ay === by) continue; // a repeated point is not a crossing
        segments.push({ part, ring: r, key, index: i, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx), minY: Math.min(ay, by), maxY: Math.max(ay, by) });
      }
    });
  });
  segments.sort((p, q) => p.minX - q.minX);
  const found: RingMeeting[] = [];
  const seen = new Set<string>();
  const active: Segment[] = [];
  for (const s of segments) {
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.maxX < s.minX) active.splice(j, 1);
    for (const t of active) {
      if (t.maxY < s.minY || t.minY > s.maxY) continue;
      const sameRing = s.key === t.key;
      const n = ringLengths[s.key]!;
      const adjacent = sameRing && (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === n - 1);
      const otherPart = s.part !== t.part;
      const at = meeting(s, t, adjacent, otherPart);
      if (!at || seen.has(`${at[0]},${at[1]}`)) continue;
      seen.add(`${at[0]},${at[1]}`);
      found.push({ at, between: otherPart ? 'parts' : sameRing ? 'ring' : 'rings', rings: [Math.min(s.ring, t.ring), Math.max(s.ring, t.ring)] });
      if (found.length >= limit) return found;
    }
    active.push(s);
  }
  return found;
}
