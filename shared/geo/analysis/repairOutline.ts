import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { difference, featureCollection, polygon as polygonFeature, union } from '@turf/turf';
import { geodesicArea } from './geodesicArea';
import { outlineProblem, type OutlineProblem } from './outlineProblem';
import { selfCrossings } from './selfCrossings';

/** Below this an area is a drawing slip (a fold-back of an edge), not a part of the zone. */
const MIN_AREA_M2 = 1;

export type RepairResult<G> =
  /** `problem`: what was wrong with the outline as drawn (null when nothing was). */
  | { ok: true; geometry: G; crossings: Position[]; parts: number; problem: OutlineProblem | null }
  | { ok: false; crossings: Position[]; message: string };

/** Drops repeated consecutive points (a double click leaves one) and re-closes the ring. */
function cleanRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!]);
  }
  const first = out[0];
  const last = out.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  return out;
}

/**
 * The simple areas a single ring encloses (a figure-eight gives two). A polygon clipper's
 * union of the ring with itself rebuilds it from its own crossings; unlike Turf's
 * unkinkPolygon it copes with the touching and repeated points that snapping produces.
 */
function ringAreas(ring: Position[]): Feature<Polygon | MultiPolygon> | null {
  const feature = polygonFeature([ring]);
  return union(featureCollection([feature, feature]));
}

/** Parts and rings with (next to) no area: what a fold-back of an edge leaves behind. */
function dropSlivers(polygons: Position[][][]): Position[][][] {
  const area = (ring: Position[]) => geodesicArea({ type: 'Polygon', coordinates: [ring] });
  const kept: Position[][][] = [];
  for (const [outer, ...holes] of polygons) {
    if (!outer || outer.length < 4 || area(outer) < MIN_AREA_M2) continue;
    kept.push([outer, ...holes.filter((h) => h.length >= 4 && area(h) >= MIN_AREA_M2)]);
  }
  return kept;
}

function repairPolygon(rings: Position[][]): Position[][][] {
  const cleaned = rings.map(cleanRing).filter((r) => r.length >= 4);
  if (cleaned.length === 0) return [];
  if (!outlineProblem({ type: 'Polygon', coordinates: cleaned })) return [cleaned];
  // Split each ring at its crossings into the simple areas it encloses; the outline's areas
  // minus the holes' areas is what the analyst drew (a hole reaching outside the outline
  // takes away only what lies inside it, one outside it nothing, holes that overlap or lie
  // in each other take away their union).
  const outline = ringAreas(cleaned[0]!);
  if (!outline) return [];
  const holes = cleaned.slice(1).map(ringAreas).filter((h): h is Feature<Polygon | MultiPolygon> => h !== null);
  const result = holes.length ? difference(featureCollection([outline, ...holes])) : outline;
  if (!result) return [];
  const g = result.geometry;
  return dropSlivers(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
}

function describeAt(p: Position): string {
  return `${p[1]!.toFixed(4)}° N, ${p[0]!.toFixed(4)}° E`;
}

/**
 * Makes an analyst's outline valid (`outlineProblem` finds nothing in it): repeated points are
 * dropped; an outline that crosses itself is split at its crossings into the areas it
 * encloses (a figure-eight becomes two areas); holes are cut out only where they lie inside
 * the outline; parts that overlap are merged, so no ground counts twice. Returns the
 * crossings and the problem found, so the UI can say what it changed; refuses (ok: false)
 * when even the repaired shape is not a valid area. Lines are returned unchanged: a route may
 * cross itself.
 *
 * @example
 * const r = repairOutline({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] });
 * // r.ok === true, r.geometry.type === 'MultiPolygon', r.parts === 2, r.crossings == [[1, 1]]
 */
export function repairOutline<G extends Polygon | MultiPolygon>(geometry: G): RepairResult<Polygon | MultiPolygon> {
  const problem = outlineProblem(geometry);
  const crossings = problem ? selfCrossings(geometry) : [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let parts: Position[][][];
  try {
    parts = polygons.flatMap(repairPolygon);
  } catch {
    parts = [];
  }
  if (parts.length > 1 && outlineProblem({ type: 'MultiPolygon', coordinates: parts })) {
    // Parts that overlap (as drawn, or once their pieces are repaired): merge them.
    try {
      const merged = union(featureCollection(parts.map((p) => polygonFeature(p))));
      const g = merged?.geometry;
      parts = !g ? [] : dropSlivers(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    } catch {
      parts = [];
    }
  }
  const repaired: Polygon | MultiPolygon = parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
  const left = parts.length ? outlineProblem(repaired) : null;
  if (parts.length === 0 || left) {
    if (problem && problem.kind !== 'crossing') return { ok: false, crossings, message: `${problem.message}. It could not be repaired.` };
    const where = crossings[0] ?? left?.at;
    return {
      ok: false,
      crossings,
      message: `The outline crosses itself${where ? ` near ${describeAt(where)}` : ''} and could not be repaired; redraw it so that its edges do not cross.`,
    };
  }
  return { ok: true, geometry: repaired, crossings, parts: parts.length, problem };
}
