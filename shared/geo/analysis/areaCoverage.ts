import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import { clipToBox } from './clipToBox';
import { densifyGeodesic } from './densifyGeodesic';
import { geodesicArea } from './geodesicArea';
import { intersectionArea } from './intersectionArea';

export interface CoverageArea {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface CoverageShare {
  id: string;
  name: string;
  /** Area of the zone inside this area, km². */
  km2: number;
  /** Share of the zone's area inside this area, 0–100. */
  percent: number;
}

type Box = [number, number, number, number];

function boxesMeet(a: Box, b: Box): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Prepared areas: each keeps its box so a zone only meets the few areas near it. */
export type PreparedCoverage = { area: CoverageArea; box: Box }[];

/**
 * How much of a zone lies in each of a set of areas (countries, entities, municipalities), in
 * km² on the ellipsoid and as a share of the zone, largest first; areas the zone does not
 * reach are left out, as are slivers under `minKm2` (edge noise where a zone follows a border).
 * Before the exact intersection (`intersectionArea`) each area is cut down to the zone's box,
 * so a small zone does not pay for the whole outline of Serbia. Edges are geodesics, as in
 * `geodesicArea`, so the shares of a zone add up to its area. Lines cover nothing (empty result).
 *
 * @example
 * areaCoverage(zone.fields.geometry, countries.map((f) => ({ id: f.properties.iso3, name: f.properties.name, geometry: f.geometry })));
 * // [{ id: 'XKX', name: 'Kosovo', km2: 512.3, percent: 71.2 }, { id: 'SRB', name: 'Serbia', km2: 207.1, percent: 28.8 }]
 */
export function areaCoverage(geometry: Geometry, areas: CoverageArea[] | PreparedCoverage, minKm2 = 0.01): CoverageShare[] {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return [];
  // The zone's edges are geodesics: cut along them, a long one bulges past the box of its
  // corners, and the areas are clipped to the box of the bulge. The areas' own edges are
  // short (borders at ~10 m accuracy) or cuts of the map's extent, and the box's edges must
  // stay straight: they are taken as they are.
  const zone = densifyGeodesic(geometry);
  const total = geodesicArea(zone) / 1e6;
  if (total <= 0) return [];
  const zoneBox = turfBbox(zone) as Box;
  // A hair wider than the zone, so clipping never cuts exactly along its edge.
  const pad = 1e-6;
  const clipBox: Box = [zoneBox[0] - pad, zoneBox[1] - pad, zoneBox[2] + pad, zoneBox[3] + pad];
  const prepared: PreparedCoverage = areas.map((a) => ('box' in a ? a : { area: a, box: turfBbox(a.geometry) as Box }));
  const shares: CoverageShare[] = [];
  for (const { area, box } of prepared) {
    if (!boxesMeet(box, zoneBox)) continue;
    const clipped = clipToBox(area.geometry, clipBox);
    if (!clipped) continue;
    const km2 = intersectionArea(zone, clipped.geometry, { densify: false }) / 1e6;
    if (km2 < minKm2) continue;
    shares.push({ id: area.id, name: area.name, km2, percent: Math.min(100, (100 * km2) / total) });
  }
  return shares.sort((x, y) => y.km2 - x.km2 || x.name.localeCompare(y.name));
}
