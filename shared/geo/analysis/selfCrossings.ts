import type { Geometry, Position } from 'geojson';

interface Segment {
  ring: number;
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
function meeting(s: Segment, t: Segment, adjacent: boolean): Position | null {
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
  // A vertex of one lying on the other: the outline touches itself, which is as broken.
  if (d1 === 0 && onSegment(t, s.ax, s.ay)) return [s.ax, s.ay];
  if (d2 === 0 && onSegment(t, s.bx, s.by)) return [s.bx, s.by];
  if (d3 === 0 && onSegment(s, t.ax, t.ay)) return [t.ax, t.ay];
  if (d4 === 0 && onSegment(s, t.bx, t.by)) return [t.bx, t.by];
  return null;
}

function polygonCrossings(rings: Position[][], limit: number): Position[] {
  const segments: Segment[] = [];
  const ringLengths = rings.map((r) => r.length - 1);
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      if (ax === bx && ay === by) continue; // a repeated point is not a crossing
      segments.push({ ring: r, index: i, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx), minY: Math.min(ay, by), maxY: Math.max(ay, by) });
    }
  });
  // Sort and sweep on x: only segments whose x ranges overlap are compared.
  segments.sort((p, q) => p.minX - q.minX);
  const found: Position[] = [];
  const seen = new Set<string>();
  const active: Segment[] = [];
  for (const s of segments) {
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.maxX < s.minX) active.splice(j, 1);
    for (const t of active) {
      if (t.maxY < s.minY || t.minY > s.maxY) continue;
      const n = ringLengths[s.ring]!;
      const adjacent = s.ring === t.ring && (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === n - 1);
      const at = meeting(s, t, adjacent);
      if (at && !seen.has(`${at[0]},${at[1]}`)) {
        seen.add(`${at[0]},${at[1]}`);
        found.push(at);
        if (found.length >= limit) return found;
      }
    }
    active.push(s);
  }
  return found;
}

/**
 * Where the outline of a polygon or multipolygon crosses or touches itself (each polygon's
 * rings against each other, holes included), up to `limit` points; empty for a valid outline
 * and for lines (a route may cross itself). Planar in lon/lat, which is what validity means
 * for GeoPackage readers. A sort-and-sweep keeps it fast for outlines of tens of thousands of
 * points.
 *
 * @example
 * selfCrossings({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] }); // [[1, 1]]
 */
export function selfCrossings(geometry: Geometry, limit = 50): Position[] {
  if (geometry.type === 'Polygon') return polygonCrossings(geometry.coordinates, limit);
  if (geometry.type === 'MultiPolygon') {
    const found: Position[] = [];
    for (const rings of geometry.coordinates) {
      found.push(...polygonCrossings(rings, limit - found.length));
      if (found.length >= limit) break;
    }
    return found;
  }
  return [];
}
