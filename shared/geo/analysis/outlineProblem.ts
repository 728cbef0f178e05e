import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { forEachPieceAgainst, insideChunks, onChunkBoundary, prepareChunks, type Chunk } from './edgeChunks';
import { ringMeetings } from './ringMeetings';

/**
 * What makes an area invalid for GIS readers (OGC simple features, as GEOS's `ST_IsValid`
 * checks it), the first found:
 * - `crossing`: a ring crosses or touches itself;
 * - `hole-meets-outline` / `holes-meet`: a hole crosses or touches its outline or another hole;
 * - `hole-outside`: a hole lies outside its outline; `hole-in-hole`: inside another hole;
 * - `parts-overlap`: two parts of a multipolygon cross, share an edge, or one lies inside the
 *   other (which would count their common ground twice in every area).
 */
export interface OutlineProblem {
  kind: 'crossing' | 'hole-meets-outline' | 'holes-meet' | 'hole-outside' | 'hole-in-hole' | 'parts-overlap';
  at: Position;
  /** One sentence for the analyst, saying where. */
  message: string;
}

type Box = [number, number, number, number];

function ringBox(ring: Position[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring as [number, number][]) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** Even-odd ray casting in one ring. */
function insideRing(ring: Position[], x: number, y: number): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/**
 * A point of `a`'s edges that lies strictly inside `b` (not on its edges), or null. Each edge
 * is split where it meets `b`'s edges, so one piece stands for all its points: this finds a
 * part inside another, and one that enters another through a shared corner.
 */
function edgeInside(a: Chunk[], b: Chunk[]): Position | null {
  let found: Position | null = null;
  forEachPieceAgainst(a, b, (px, py, qx, qy, t0, t1) => {
    const t = (t0 + t1) / 2;
    const mx = px + t * (qx - px);
    const my = py + t * (qy - py);
    if (onChunkBoundary(b, mx, my, qx - px, qy - py) !== 0 || !insideChunks(b, mx, my)) return false;
    found = [mx, my];
    return true;
  });
  return found;
}

const where = (p: Position) => `near ${p[1]!.toFixed(4)}° N, ${p[0]!.toFixed(4)}° E`;

function problem(kind: OutlineProblem['kind'], at: Position): OutlineProblem {
  const text: Record<OutlineProblem['kind'], string> = {
    crossing: `The outline crosses itself ${where(at)}; redraw it so that its edges do not cross`,
    'hole-meets-outline': `A hole crosses or touches the area’s outline ${where(at)}; holes must lie inside the outline`,
    'holes-meet': `Two holes cross or touch each other ${where(at)}; make them one hole or move them apart`,
    'hole-outside': `A hole lies outside the area’s outline ${where(at)}; holes must lie inside the outline`,
    'hole-in-hole': `A hole lies inside another hole ${where(at)}; remove the inner one`,
    'parts-overlap': `Two parts of the area overlap ${where(at)}; their common ground would count twice: merge them into one outline or move them apart`,
  };
  return { kind, at, message: text[kind] };
}

/** Holes inside their outline and not inside each other (rings that do not meet: one corner tells). */
function holeProblem(rings: Position[][]): OutlineProblem | null {
  const [outline, ...holes] = rings;
  if (!outline) return null;
  const boxes = holes.map(ringBox);
  for (let h = 0; h < holes.length; h++) {
    const [x, y] = holes[h]![0] as [number, number];
    if (!insideRing(outline, x, y)) return problem('hole-outside', [x, y]);
    for (let o = 0; o < holes.length; o++) {
      if (o === h || !boxesMeet(boxes[o]!, boxes[h]!)) continue;
      if (insideRing(holes[o]!, x, y)) return problem('hole-in-hole', [x, y]);
    }
  }
  return null;
}

/** Parts whose boxes meet, tested both ways for an edge inside the other part. */
function partsProblem(polygons: Position[][][]): OutlineProblem | null {
  if (polygons.length < 2) return null;
  const boxes = polygons.map((p) => ringBox(p[0] ?? []));
  const chunks: (Chunk[] | undefined)[] = [];
  const prepared = (i: number) => (chunks[i] ??= prepareChunks({ type: 'Polygon', coordinates: polygons[i]! }));
  for (let i = 0; i < polygons.length; i++) {
    for (let j = i + 1; j < polygons.length; j++) {
      if (!boxesMeet(boxes[i]!, boxes[j]!)) continue;
      const at = edgeInside(prepared(i), prepared(j)) ?? edgeInside(prepared(j), prepared(i));
      if (at) return problem('parts-overlap', at);
    }
  }
  return null;
}

/**
 * The first reason an area is not a valid polygon or multipolygon, or null when it is valid
 * (and for lines: a route may cross itself). Everything that stores a zone checks this, so a
 * stored area never makes GIS readers refuse it or counts ground twice.
 *
 * @example
 * outlineProblem({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 1], [0.5, 0.5]]]] });
 * // { kind: 'parts-overlap', at: [0.75, 0.5], message: 'Two parts of the area overlap near 0.5000° N, 0.7500° E; …' }
 */
export function outlineProblem(geometry: Geometry): OutlineProblem | null {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return null;
  const [meeting] = ringMeetings(geometry, 1);
  if (meeting) {
    if (meeting.between === 'parts') return problem('parts-overlap', meeting.at);
    if (meeting.between === 'ring') return problem('crossing', meeting.at);
    return problem(meeting.rings[0] === 0 ? 'hole-meets-outline' : 'holes-meet', meeting.at);
  }
  const polygons = (geometry as Polygon | MultiPolygon).type === 'Polygon' ? [(geometry as Polygon).coordinates] : (geometry as MultiPolygon).coordinates;
  for (const rings of polygons) {
    const holes = holeProblem(rings);
    if (holes) return holes;
  }
  return partsProblem(polygons);
}
