import type { Position } from 'geojson';
import type { AreaGeometry } from '../../shared/geo/basemapTypes';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';
import { polygonsOf } from './geometryCleanup';

const CELL_DEGREES = 0.01;

/**
 * Makes neighbouring areas share their boundary vertex for vertex: every vertex of any of the
 * areas that lies on another area's edge (within `toleranceMetres`) is inserted into that edge.
 *
 * Polygon clipping drops a vertex where a boundary runs straight through it, but the
 * neighbour on the other side may have a corner there; and rounding to 6 decimals moves
 * points by up to ~0.1 m. A TopoJSON topology finds shared borders by identical vertices only,
 * so without this step `merge` leaves hairline cracks in the entities and `mesh` leaves gaps
 * in the IEBL exactly there.
 *
 * @example
 * shareVertices([a, b], 0.25); // b's corner on a's straight edge becomes a vertex of a too
 */
export function shareVertices(geometries: readonly AreaGeometry[], toleranceMetres: number): AreaGeometry[] {
  const grid = new Map<string, Position[]>();
  const seen = new Set<string>();
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        for (const p of ring) {
          const key = `${p[0]},${p[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const cell = cellKey(cellOf(p[0]!), cellOf(p[1]!));
          const list = grid.get(cell);
          if (list) list.push(p);
          else grid.set(cell, [p]);
        }
      }
    }
  }

  const nodeRing = (ring: Position[]): Position[] => {
    const out: Position[] = [ring[0]!];
    for (let i = 1; i < ring.length; i++) {
      out.push(...verticesOnEdge(ring[i - 1]!, ring[i]!, grid, toleranceMetres), ring[i]!);
    }
    return out;
  };
  return geometries.map((geometry): AreaGeometry => {
    const polygons = polygonsOf(geometry).map((polygon) => polygon.map(nodeRing));
    return geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  });
}

/** The known vertices strictly inside edge a–b (within the tolerance), in order from a to b. */
function verticesOnEdge(a: Position, b: Position, grid: Map<string, Position[]>, toleranceMetres: number): Position[] {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const kx = metresPerDegreeLon(ay);
  const ky = metresPerDegreeLat();
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * ky;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return [];
  const padX = toleranceMetres / kx;
  const padY = toleranceMetres / ky;
  const found: { t: number; p: Position }[] = [];
  for (let gx = cellOf(Math.min(ax, bx) - padX); gx <= cellOf(Math.max(ax, bx) + padX); gx++) {
    for (let gy = cellOf(Math.min(ay, by) - padY); gy <= cellOf(Math.max(ay, by) + padY); gy++) {
      for (const p of grid.get(cellKey(gx, gy)) ?? []) {
        const px = (p[0]! - ax) * kx;
        const py = (p[1]! - ay) * ky;
        const t = (px * dx + py * dy) / lengthSquared;
        if (t <= 0 || t >= 1) continue;
        // Distance from the line, and not at either end (an end within the tolerance is the same point).
        const off = Math.abs(px * dy - py * dx) / Math.sqrt(lengthSquared);
        if (off > toleranceMetres) continue;
        if (Math.hypot(px, py) <= toleranceMetres || Math.hypot(px - dx, py - dy) <= toleranceMetres) continue;
        found.push({ t, p });
      }
    }
  }
  found.sort((u, v) => u.t - v.t || u.p[0]! - v.p[0]! || u.p[1]! - v.p[1]!);
  return found.map((f) => f.p);
}

function cellOf(value: number): number {
  return Math.floor(value / CELL_DEGREES);
}

function cellKey(gx: number, gy: number): string {
  return `${gx},${gy}`;
}
