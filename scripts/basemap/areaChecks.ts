import type { Position } from 'geojson';
import { area } from '@turf/turf';
import type { AreaGeometry } from '../../shared/geo/basemapTypes';
import { isHairpin, polygonsOf, signedArea } from './geometryCleanup';

/** A hairpin turn whose arms run back along each other within this is a needle. */
const NEEDLE_GAP_METRES = 0.25;

/**
 * Throws unless `geometry` is a valid area: every ring closed, at least 4 positions, finite
 * lon/lat, exterior rings counter-clockwise and holes clockwise (RFC 7946), no needle (a
 * hairline spike out and back, which a renderer draws as a stray line), and no two edges of
 * any rings (of all its polygons) crossing each other. Touching at a vertex is allowed.
 *
 * The results of Turf's polygon clipping are checked with this because a self-intersecting
 * polygon is drawn and looked up wrongly without any error. (`@turf/boolean-valid` does not
 * look for crossings within a ring, and its spike test is quadratic: minutes on a country.)
 *
 * @example
 * assertValidArea(fitted.geometry, 'Brčko District'); // throws "... edges cross near 18.9,44.9"
 */
export function assertValidArea(geometry: AreaGeometry, what: string): void {
  const rings: Position[][] = [];
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, i) => {
      if (ring.length < 4) throw new Error(`${what}: a ring has ${ring.length} positions`);
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) throw new Error(`${what}: a ring is not closed`);
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90) {
          throw new Error(`${what}: position ${String(p)} is not a lon/lat`);
        }
      }
      const needle = findNeedle(ring);
      if (needle) throw new Error(`${what}: a needle spike at ${needle[0]!.toFixed(5)},${needle[1]!.toFixed(5)}`);
      const ccw = signedArea(ring) > 0;
      if (ccw !== (i === 0)) throw new Error(`${what}: ${i === 0 ? 'an exterior ring' : 'a hole'} is wound the wrong way`);
      rings.push(ring);
    });
  }
  const crossing = findCrossing(rings);
  if (crossing) throw new Error(`${what}: edges cross near ${crossing[0]!.toFixed(5)},${crossing[1]!.toFixed(5)}`);
}

/** The tip of a needle spike in a closed ring, or null. */
function findNeedle(ring: readonly Position[]): Position | null {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    const prev = ring[(i - 1 + n) % n]!;
    const tip = ring[i]!;
    const next = ring[(i + 1) % n]!;
    if (isHairpin(prev, tip, next, NEEDLE_GAP_METRES)) return tip;
  }
  return null;
}

/** Area in km² (spherical, as Turf measures it). */
export function areaKm2(geometry: AreaGeometry): number {
  return area(geometry) / 1e6;
}

/**
 * Throws unless the parts' areas add up to the whole's within `tolerancePercent`; returns the
 * figures for the build log.
 */
export function assertAreaSum(
  parts: readonly AreaGeometry[],
  whole: AreaGeometry,
  tolerancePercent: number,
  what: string,
): { partsKm2: number; wholeKm2: number; percent: number } {
  const partsKm2 = parts.reduce((sum, g) => sum + areaKm2(g), 0);
  const wholeKm2 = areaKm2(whole);
  const percent = ((partsKm2 - wholeKm2) / wholeKm2) * 100;
  if (!(Math.abs(percent) <= tolerancePercent)) {
    throw new Error(
      `${what}: the parts cover ${partsKm2.toFixed(1)} km² of ${wholeKm2.toFixed(1)} km² ` +
        `(${percent.toFixed(3)} %, more than ${tolerancePercent} % off): gaps or overlaps`,
    );
  }
  return { partsKm2, wholeKm2, percent };
}

/**
 * A point where two edges properly cross, or null. Edges are bucketed in a grid so only
 * nearby pairs are tested; each pair is tested once, in the cell holding the lower-left corner
 * of the overlap of their boxes.
 */
function findCrossing(rings: readonly Position[][]): Position | null {
  const edges: [number, number, number, number][] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1] as [number, number];
      const [bx, by] = ring[i] as [number, number];
      edges.push([ax, ay, bx, by]);
      minX = Math.min(minX, ax);
      maxX = Math.max(maxX, ax);
      minY = Math.min(minY, ay);
      maxY = Math.max(maxY, ay);
    }
  }
  const cells = Math.max(1, Math.ceil(Math.sqrt(edges.length / 4)));
  const sizeX = (maxX - minX) / cells || 1;
  const sizeY = (maxY - minY) / cells || 1;
  const cx = (x: number) => Math.min(cells - 1, Math.floor((x - minX) / sizeX));
  const cy = (y: number) => Math.min(cells - 1, Math.floor((y - minY) / sizeY));
  const grid = new Map<number, number[]>();
  edges.forEach(([ax, ay, bx, by], index) => {
    for (let gx = cx(Math.min(ax, bx)); gx <= cx(Math.max(ax, bx)); gx++) {
      for (let gy = cy(Math.min(ay, by)); gy <= cy(Math.max(ay, by)); gy++) {
        const key = gx * cells + gy;
        const list = grid.get(key);
        if (list) list.push(index);
        else grid.set(key, [index]);
      }
    }
  });
  for (const [key, list] of grid) {
    const gx = Math.floor(key / cells);
    const gy = key % cells;
    for (let i = 0; i < list.length; i++) {
      const a = edges[list[i]!]!;
      for (let j = i + 1; j < list.length; j++) {
        const b = edges[list[j]!]!;
        const left = Math.max(Math.min(a[0], a[2]), Math.min(b[0], b[2]));
        const bottom = Math.max(Math.min(a[1], a[3]), Math.min(b[1], b[3]));
        if (left > Math.min(Math.max(a[0], a[2]), Math.max(b[0], b[2]))) continue;
        if (bottom > Math.min(Math.max(a[1], a[3]), Math.max(b[1], b[3]))) continue;
        if (cx(left) !== gx || cy(bottom) !== gy) continue;
        if (properlyCross(a, b)) return [(a[0] + a[2]) / 2, (a[1] + a[3]) / 2];
      }
    }
  }
  return null;
}

function properlyCross(a: readonly number[], b: readonly number[]): boolean {
  const orient = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  const o1 = orient(a[0]!, a[1]!, a[2]!, a[3]!, b[0]!, b[1]!);
  const o2 = orient(a[0]!, a[1]!, a[2]!, a[3]!, b[2]!, b[3]!);
  const o3 = orient(b[0]!, b[1]!, b[2]!, b[3]!, a[0]!, a[1]!);
  const o4 = orient(b[0]!, b[1]!, b[2]!, b[3]!, a[2]!, a[3]!);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
