import type { MultiLineString, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';

/** Decimals kept in every coordinate: 6 decimals of a degree are ~0.1 m. */
export const COORDINATE_DECIMALS = 6;

export function roundCoordinate(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded; // no "-0" in the output
}

export function positionKey(p: Position): string {
  return `${p[0]},${p[1]}`;
}

/**
 * Rounds, drops repeated points and needle spikes (A B A), and closes the ring. Null if
 * degenerate. With `needleMetres`, a spike A B A' whose A' is that close to A is a needle too
 * (polygon clipping leaves such hairlines where it computes one point twice, a hair apart).
 */
export function cleanRing(ring: readonly Position[], needleMetres = 0): Position[] | null {
  const open: Position[] = [];
  for (const p of ring) {
    const q: Position = [roundCoordinate(p[0]!), roundCoordinate(p[1]!)];
    const last = open[open.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    open.push(q);
  }
  while (open.length > 1 && samePosition(open[0]!, open[open.length - 1]!)) open.pop();
  removeSpikes(open, needleMetres);
  if (open.length < 3 || Math.abs(signedArea(open)) === 0) return null;
  return [...open, open[0]!];
}

/**
 * A B A → A, repeatedly, also across the ring's start. With `metres`, also any hairpin A B C
 * where the ring runs out to B and back along the same line (C within `metres` of line A–B,
 * or A of line B–C): B goes, and C too if it is A.
 */
function removeSpikes(open: Position[], metres: number): void {
  let changed = true;
  while (changed && open.length >= 3) {
    changed = false;
    for (let i = 0; i < open.length && open.length >= 3; i++) {
      const prev = open[(i - 1 + open.length) % open.length]!;
      const tip = open[i]!;
      const next = open[(i + 1) % open.length]!;
      if (samePosition(prev, next)) {
        // Remove the spike tip and one copy of its base.
        const a = i;
        const b = (i + 1) % open.length;
        for (const index of [a, b].sort((x, y) => y - x)) open.splice(index, 1);
        changed = true;
        i = Math.max(-1, i - 2);
      } else if (metres > 0 && isHairpin(prev, tip, next, metres)) {
        open.splice(i, 1);
        changed = true;
        i = Math.max(-1, i - 2);
      }
    }
  }
}

/** True when the ring turns back on itself at `tip`: both arms leave it in the same direction, within `metres`. */
export function isHairpin(prev: Position, tip: Position, next: Position, metres: number): boolean {
  const kx = metresPerDegreeLon(tip[1]!);
  const ky = metresPerDegreeLat();
  const ax = (prev[0]! - tip[0]!) * kx;
  const ay = (prev[1]! - tip[1]!) * ky;
  const bx = (next[0]! - tip[0]!) * kx;
  const by = (next[1]! - tip[1]!) * ky;
  const longer = Math.max(Math.hypot(ax, ay), Math.hypot(bx, by));
  if (longer === 0 || ax * bx + ay * by <= 0) return false;
  // How far the shorter arm's end is from the longer arm's line.
  return Math.abs(ax * by - ay * bx) / longer <= metres;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Shoelace area in square degrees; positive when counter-clockwise (open or closed ring). */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function wound(ring: Position[], exterior: boolean): Position[] {
  const ccw = signedArea(ring) > 0;
  return ccw === exterior ? ring : [...ring].reverse();
}

/** Cleans every ring (see `cleanRing`), drops degenerate parts, and returns a Polygon or MultiPolygon (or null). */
export function cleanAreaGeometry(
  polygons: readonly (readonly Position[][])[],
  needleMetres = 0,
): Polygon | MultiPolygon | null {
  const parts: Position[][][] = [];
  for (const rings of polygons) {
    const exterior = rings[0] ? cleanRing(rings[0], needleMetres) : null;
    if (!exterior) continue;
    const holes = rings
      .slice(1)
      .map((h) => cleanRing(h, needleMetres))
      .filter((h): h is Position[] => h !== null);
    parts.push([wound(exterior, true), ...holes.map((h) => wound(h, false))]);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
}

/** Rounds lines and drops repeated points; one line becomes a LineString. */
export function cleanLineGeometry(lines: readonly (readonly Position[])[]): LineString | MultiLineString | null {
  const cleaned: Position[][] = [];
  for (const line of lines) {
    const out: Position[] = [];
    for (const p of line) {
      const q: Position = [roundCoordinate(p[0]!), roundCoordinate(p[1]!)];
      const last = out[out.length - 1];
      if (!last || !samePosition(last, q)) out.push(q);
    }
    if (out.length >= 2) cleaned.push(out);
  }
  if (cleaned.length === 0) return null;
  return cleaned.length === 1 ? { type: 'LineString', coordinates: cleaned[0]! } : { type: 'MultiLineString', coordinates: cleaned };
}

/** The polygons of a Polygon or MultiPolygon. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
