import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature, featureCollection, intersect, point, union, voronoi } from '@turf/turf';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';
import { polygonsOf } from './geometryCleanup';

/** A point of a gap's boundary that lies on a unit's boundary, standing for `metres` of it. */
export interface GapSite {
  unit: number;
  at: Position;
  metres: number;
}

/**
 * Shares a gap (land between coarse units and the precise country outline) out between the
 * units it touches, each taking the part nearer to its own stretch of the gap's boundary than
 * to another unit's: so the boundary between two units runs on from where it reaches the gap,
 * across it, as the line of points equally far from both. `sites` are points along the gap's
 * boundary where it lies on a unit's boundary (see `gapSites`). Returns each unit's share.
 *
 * How: a Voronoi diagram of the sites (in a frame scaled so that a degree of longitude is as
 * long as one of latitude), each unit taking the cells of its own sites, intersected with the
 * gap. The cells of a Voronoi diagram share their corners exactly, so their union is a robust
 * polygon operation (a union of ad-hoc triangles, tried first, made Turf's clipping fail).
 *
 * @example
 * const shares = shareGapByNearness(gap, sites); // Map { 3 => Feature, 7 => Feature }
 */
export function shareGapByNearness(
  gap: Position[][],
  sites: readonly GapSite[],
): Map<number, Feature<Polygon | MultiPolygon>> {
  const [minX, minY, maxX, maxY] = ringBox(gap[0]!);
  // Longitudes are scaled by this, so that distances in the diagram are true to metres.
  const sx = metresPerDegreeLon((minY + maxY) / 2) / metresPerDegreeLat();

  const points: Feature<Point, { unit: number }>[] = [];
  const seen = new Set<string>();
  for (const { unit, at } of sites) {
    const key = `${at[0]},${at[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push(point([at[0]! * sx, at[1]!], { unit }));
  }
  const units = [...new Set(points.map((p) => p.properties.unit))].sort((a, b) => a - b);
  const shares = new Map<number, Feature<Polygon | MultiPolygon>>();
  if (units.length < 2) return shares;

  const pad = 0.01; // degrees: the diagram's box must hold the whole gap
  const cells = voronoi(featureCollection(points), { bbox: [(minX - pad) * sx, minY - pad, (maxX + pad) * sx, maxY + pad] });
  const gapFeature = feature<Polygon | MultiPolygon>({ type: 'Polygon', coordinates: gap });
  for (const unit of units) {
    const own = cells.features.filter((_, i) => points[i]!.properties.unit === unit);
    const region = own.length === 1 ? own[0]! : union(featureCollection(own));
    if (!region) continue;
    const unscaled: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: polygonsOf(region.geometry).map((rings) => rings.map((ring) => ring.map((p) => [p[0]! / sx, p[1]!]))),
    };
    const share = intersect(featureCollection([gapFeature, feature(unscaled)]));
    if (share) shares.set(unit, share);
  }
  return shares;
}

function ringBox(ring: readonly Position[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of ring) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  return [minX, minY, maxX, maxY];
}
