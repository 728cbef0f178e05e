import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { area, difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { AreaGeometry } from '../../shared/geo/basemapTypes';
import { createPolygonIndex, type PolygonIndex } from '../../shared/geo/polygonIndex';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';
import { assertAreaSum, assertValidArea } from './areaChecks';
import { cleanAreaGeometry, polygonsOf, signedArea } from './geometryCleanup';
import { shareGapByNearness, type GapSite } from './shareGap';
import { shareVertices } from './shareVertices';

/** A gap edge this close to a unit's boundary lies on it (the clipping computes both from the same segments). */
const CONTACT_METRES = 0.5;
/** Where a gap touches several units, its boundary is sampled this finely to share it out. */
const CONTACT_SAMPLE_METRES = 50;
/** A gap smaller than this is not worth sharing out: it goes whole to the unit it touches most. */
const MIN_SPLIT_M2 = 10_000;
/** A gap that touches no unit (an island in a border river) goes to the nearest unit within this distance. */
const MAX_ISLAND_METRES = 25_000;
/** Rounding to 6 decimals moves a point up to ~0.08 m: neighbours' vertices closer than this to an edge are on it. */
const SHARED_VERTEX_METRES = 0.25;
/**
 * Clipping noise: rings smaller than this, and hairline spikes that come back within
 * NEEDLE_METRES of their own line, are dropped; a result whose edges cross after rounding is
 * repaired up to MAX_REPAIRS times before the build gives up.
 */
const MIN_RING_M2 = 1;
const NEEDLE_METRES = 0.25;
const MAX_REPAIRS = 3;
/** The fitted units must add up to the country's area within this (it comes out at about 1e-6 %). */
const AREA_TOLERANCE_PERCENT = 0.5;

export interface FitReport {
  /** km² of the country, of the units as the source has them, and of the units fitted. */
  countryKm2: number;
  sourceKm2: number;
  fittedKm2: number;
  /** km² of the units outside the country, cut off. */
  clippedKm2: number;
  /** Gaps between the units and the country outline: how many, their km², how many were shared out between several units. */
  gaps: number;
  gapKm2: number;
  gapsSplit: number;
  /** (fitted − country) / country, in per cent. */
  percent: number;
}

/**
 * Fits coarse admin units (Natural Earth, ~1 km) to their country's precise outline
 * (OpenStreetMap, ~10 m), so that they tile the country: no unit reaches outside it and no
 * land inside it is in no unit.
 *
 * 1. Clip: each unit is intersected with the country.
 * 2. Fill: the country minus all the units leaves gaps, mostly slivers along the border where
 *    the coarse line falls short of the precise one. A gap touching one unit joins that unit.
 *    A gap touching several (where the boundary between two units reaches the border) is
 *    shared out by nearness (`shareGapByNearness`), so the boundary between the two runs on
 *    across it. A gap touching none (an island in a border river) joins the nearest unit.
 * 3. Clean and check: rounded to 6 decimals, clipping noise dropped (`roundedValidArea`),
 *    vertices shared with the neighbours (`shareVertices`, so that a TopoJSON topology sees
 *    their common boundary as one), every result a valid polygon (`assertValidArea`), and
 *    the units' areas adding up to the country's within 0.5 % (`assertAreaSum`).
 *
 * Units keep their order and properties. Deterministic: the same input gives the same output.
 *
 * @example
 * const { units } = fitUnitsToCountry(bosnia.geometry, cantons, 'BIH');
 */
export function fitUnitsToCountry<T extends { geometry: AreaGeometry; properties: { name: string } }>(
  country: AreaGeometry,
  units: readonly T[],
  what: string,
): { units: T[]; report: FitReport } {
  const countryFeature = feature(country);
  // Where the source's units meet with a vertex on one side only (a point computed by an
  // earlier clipping, such as the Brčko correction's), a hairline gap would open between them.
  const sources = shareVertices(
    units.map((u) => u.geometry),
    SHARED_VERTEX_METRES,
  );
  const clipped = sources.map((source, i) => {
    const inside = intersect(featureCollection([countryFeature, feature(source)]));
    if (!inside) throw new Error(`${what}: ${units[i]!.properties.name} lies wholly outside the country`);
    return inside;
  });
  const leftover = difference(featureCollection([countryFeature, ...sources.map((g) => feature(g))]));
  const gaps = leftover ? polygonsOf(leftover.geometry) : [];

  const index = createPolygonIndex(clipped.map((c, i) => ({ geometry: c.geometry, value: i })));
  const additions: Feature<Polygon | MultiPolygon>[][] = units.map(() => []);
  let gapsSplit = 0;
  for (const gap of gaps) {
    const gapFeature = feature<Polygon>({ type: 'Polygon', coordinates: gap });
    const sites = gapSites(gap, index);
    const touching = contactLengths(sites);
    if (touching.size === 1 || (touching.size > 1 && ringM2(gap[0]!) < MIN_SPLIT_M2)) {
      additions[mostTouched(touching)]!.push(gapFeature);
    } else if (touching.size === 0) {
      additions[nearestUnit(gap, index, what)]!.push(gapFeature);
    } else {
      gapsSplit++;
      const shares = shareGapByNearness(gap, sites);
      const sharedM2 = [...shares.values()].reduce((sum, share) => sum + area(share), 0);
      if (Math.abs(sharedM2 - area(gapFeature)) > 0.001 * area(gapFeature) + MIN_RING_M2) {
        throw new Error(`${what}: the gap at ${String(gap[0]![0])} was not shared out whole`);
      }
      shares.forEach((share, unit) => additions[unit]!.push(share));
    }
  }

  const merged = units.map((_, i): AreaGeometry => {
    const grown = additions[i]!.length === 0 ? clipped[i]! : union(featureCollection([clipped[i]!, ...additions[i]!]));
    const geometry = grown ? roundedValidArea(grown.geometry, `${what}: ${units[i]!.properties.name}`) : null;
    if (!geometry) throw new Error(`${what}: ${units[i]!.properties.name} lost its area`);
    return geometry;
  });
  const fitted = shareVertices(merged, SHARED_VERTEX_METRES).map((geometry, i): T => {
    assertValidArea(geometry, `${what}: ${units[i]!.properties.name}`);
    return { ...units[i]!, geometry };
  });

  const sum = assertAreaSum(
    fitted.map((u) => u.geometry),
    country,
    AREA_TOLERANCE_PERCENT,
    what,
  );
  const km2 = (g: AreaGeometry) => area(g) / 1e6;
  const sourceKm2 = units.reduce((s, u) => s + km2(u.geometry), 0);
  const insideKm2 = clipped.reduce((s, c) => s + km2(c.geometry), 0);
  return {
    units: fitted,
    report: {
      countryKm2: sum.wholeKm2,
      sourceKm2,
      fittedKm2: sum.partsKm2,
      clippedKm2: sourceKm2 - insideKm2,
      gaps: gaps.length,
      gapKm2: gaps.reduce((s, g) => s + km2({ type: 'Polygon', coordinates: g }), 0),
      gapsSplit,
      percent: sum.percent,
    },
  };
}

/**
 * Rounds a clipping result to 6 decimals and makes sure it is still valid. Where the clipping
 * leaves features a few centimetres wide (hairline slivers where three boundaries nearly meet),
 * rounding can make two edges cross: such a result is unioned with itself, which resolves the
 * crossing, and rounded again. Rings under MIN_RING_M2 and needles (NEEDLE_METRES) are dropped
 * as noise.
 */
function roundedValidArea(geometry: AreaGeometry, what: string): AreaGeometry | null {
  let current = withoutSpecks(cleanAreaGeometry(polygonsOf(geometry), NEEDLE_METRES));
  for (let attempt = 0; current; attempt++) {
    try {
      assertValidArea(current, what);
      return current;
    } catch (error) {
      if (attempt === MAX_REPAIRS) throw error;
      // Turf's union wants two operands: the area with itself.
      const repaired = union(featureCollection([feature(current), feature(current)]));
      current = repaired ? withoutSpecks(cleanAreaGeometry(polygonsOf(repaired.geometry), NEEDLE_METRES)) : null;
    }
  }
  return null;
}

function withoutSpecks(geometry: AreaGeometry | null): AreaGeometry | null {
  if (!geometry) return null;
  const kept = polygonsOf(geometry).flatMap(([exterior, ...holes]) =>
    ringM2(exterior!) < MIN_RING_M2 ? [] : [[exterior!, ...holes.filter((hole) => ringM2(hole) >= MIN_RING_M2)]],
  );
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

function ringM2(ring: readonly Position[]): number {
  const lat = ring[0]![1]!;
  return Math.abs(signedArea(ring)) * metresPerDegreeLon(lat) * metresPerDegreeLat();
}

/**
 * Points every CONTACT_SAMPLE_METRES or less along the gap's boundary, where it lies on a
 * unit's boundary, and which unit's. An edge whose ends and middle lie on the same unit is
 * that unit's; an edge that polygon clipping drew straight across where two units meet (it
 * drops vertices on a straight line) is sampled point by point.
 */
function gapSites(gap: Position[][], index: PolygonIndex<number>): GapSite[] {
  const unitAt = (p: Position) => index.nearest(p[0]!, p[1]!, CONTACT_METRES)?.value ?? null;
  const sites: GapSite[] = [];
  for (const ring of gap) {
    for (let i = 1; i < ring.length; i++) {
      const from = ring[i - 1]!;
      const to = ring[i]!;
      const at = (t: number): Position => [from[0]! + (to[0]! - from[0]!) * t, from[1]! + (to[1]! - from[1]!) * t];
      const middle = unitAt(at(0.5));
      const whole = middle !== null && unitAt(from) === middle && unitAt(to) === middle;
      const length = Math.hypot((to[0]! - from[0]!) * metresPerDegreeLon(from[1]!), (to[1]! - from[1]!) * metresPerDegreeLat());
      const steps = Math.max(1, Math.ceil(length / CONTACT_SAMPLE_METRES));
      for (let k = 0; k < steps; k++) {
        const p = at((k + 0.5) / steps);
        const unit = whole ? middle : unitAt(p);
        if (unit !== null) sites.push({ unit, at: p, metres: length / steps });
      }
    }
  }
  return sites;
}

/** Metres of contact with each unit, in unit order (so that ties do not depend on the order found). */
function contactLengths(sites: readonly GapSite[]): Map<number, number> {
  const lengths = new Map<number, number>();
  for (const { unit, metres } of sites) lengths.set(unit, (lengths.get(unit) ?? 0) + metres);
  return new Map([...lengths].sort((a, b) => a[0] - b[0]));
}

/** The unit with the longest contact; the first in input order on a tie. */
function mostTouched(touching: ReadonlyMap<number, number>): number {
  return [...touching].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function nearestUnit(gap: Position[][], index: PolygonIndex<number>, what: string): number {
  let best: { value: number; metres: number } | null = null;
  for (const p of gap[0]!) {
    const near = index.nearest(p[0]!, p[1]!, best ? best.metres : MAX_ISLAND_METRES);
    if (near && (!best || near.metres < best.metres)) best = near;
  }
  if (!best) throw new Error(`${what}: land at ${String(gap[0]![0])} is more than ${MAX_ISLAND_METRES} m from every unit`);
  return best.value;
}
