import type { MultiPolygon, Polygon } from 'geojson';
import { authalicEdgeTerm, tanHalfAuthalic } from './authalicEdge';
import { densifyGeodesic } from './densifyGeodesic';
import { AUTHALIC_RADIUS } from './ellipsoid';
import { forEachPieceAgainst, insideChunks as inside, onChunkBoundary as onBoundary, prepareChunks as prepare, type Chunk } from './edgeChunks';

/**
 * Area of the intersection of two areas without building the intersection's outline.
 *
 * By Green's theorem the area of A ∩ B is a sum of terms over its boundary, and that boundary
 * is made of the parts of A's edges inside B and of B's edges inside A. So each edge is split
 * where it meets the other outline, and each piece whose midpoint lies inside the other area
 * adds its term. Where the two outlines run along each other (a zone that follows a border it
 * was clipped to), the shared piece counts once when both areas lie on the same side of it
 * and not at all when they lie on opposite sides.
 *
 * Both areas are first cut along their geodesic edges into pieces of a few kilometres
 * (`densifyGeodesic`), as `geodesicArea` does; pieces are then found in lon/lat, and each adds
 * the same term as in `geodesicArea` (`authalicEdgeTerm`, on the authalic sphere), so the
 * result is in m² on the WGS 84 ellipsoid and agrees with it (A ∩ A has A's area). This avoids
 * a general polygon clipper, which costs milliseconds per pair; here a zone meets a
 * municipality in well under one.
 */

/** Σ ∮ x dy of the pieces of `a`'s edges that bound a ∩ b. */
function boundaryTerms(a: Chunk[], b: Chunk[], keepShared: boolean): number {
  let sum = 0;
  forEachPieceAgainst(a, b, (px, py, qx, qy, t0, t1) => {
    const mx = px + ((t0 + t1) / 2) * (qx - px);
    const my = py + ((t0 + t1) / 2) * (qy - py);
    const shared = onBoundary(b, mx, my, qx - px, qy - py);
    if (shared !== 0 ? !(keepShared && shared > 0) : !inside(b, mx, my)) return;
    const x0 = px + t0 * (qx - px);
    const x1 = px + t1 * (qx - px);
    sum += authalicEdgeTerm(x0, tanHalfAuthalic(py + t0 * (qy - py)), x1, tanHalfAuthalic(py + t1 * (qy - py)));
  });
  return sum;
}

export interface IntersectionOptions {
  /**
   * Cut both areas along their geodesic edges first (default). Pass false when the caller has
   * cut what needs cutting: an area clipped to a box has straight box edges that must stay
   * straight (see `areaCoverage`).
   */
  densify?: boolean;
}

/**
 * Area of the intersection of two polygons or multipolygons on the WGS 84 ellipsoid, m².
 *
 * @example
 * intersectionArea(zone.fields.geometry, zvecan.geometry) / 1e6; // km² of the zone in Zvečan
 */
export function intersectionArea(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon, options: IntersectionOptions = {}): number {
  const densify = options.densify ?? true;
  const ca = prepare(densify ? densifyGeodesic(a) : a);
  const cb = prepare(densify ? densifyGeodesic(b) : b);
  const total = boundaryTerms(ca, cb, true) + boundaryTerms(cb, ca, false);
  return Math.max(0, total * AUTHALIC_RADIUS * AUTHALIC_RADIUS);
}
