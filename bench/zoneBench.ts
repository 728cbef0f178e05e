import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { featureCollection, intersect, bbox as turfBbox } from '@turf/turf';
import { loadBasemap } from '../electron/basemap/loadBasemap';
import { resourcesDir } from '../electron/paths';
import { openCase } from '../electron/store/caseStore';
import { readGpkgPoint } from '../electron/store/gpkgBinary';
import { areaCoverage, type CoverageArea } from '../shared/geo/analysis/areaCoverage';
import { geodesicArea } from '../shared/geo/analysis/geodesicArea';
import { geodesicDestination } from '../shared/geo/analysis/geodesicDestination';
import { pointsInArea } from '../shared/geo/analysis/pointsInArea';
import { prepareAreaTest } from '../shared/geo/analysis/prepareAreaTest';
import { BENCH_BOX, percentile, prng } from './dataset';

/**
 * Zone benchmarks (issue: deployment zones), each with a baseline measured in the same run:
 * - incidents inside a zone over the 100,000-incident case: the R*Tree's boxes sorted by the
 *   area test (rows read only where a box straddles the outline, and for the ids of those
 *   inside), against reading every incident and testing each (no spatial index);
 * - entity and municipality overlap of a 500-vertex zone: the boundary-integral intersection
 *   area on areas clipped to the zone's box, against a polygon clipper on the whole areas.
 */

/** A wobbly 500-vertex outline around a point (a hand-drawn zone with many corners). */
function wobblyZone(random: () => number, centre: Position, radiusKm: number, vertices = 500): Polygon {
  const ring: Position[] = [];
  const phase = random() * Math.PI;
  for (let i = 0; i < vertices; i++) {
    const bearing = 360 - (360 * i) / vertices;
    const r = radiusKm * 1000 * (1 + 0.25 * Math.sin((bearing * Math.PI) / 30 + phase));
    ring.push(geodesicDestination(centre, bearing, r));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

export interface ZoneBenchResult {
  zones: number;
  insideP50: number;
  insideP95: number;
  insideMeanCount: number;
  bruteP50: number;
  bruteMemoryP50: number;
  coverageP50: number;
  coverageP95: number;
  clipperP50: number;
}

export function runZoneBench(casePath: string): ZoneBenchResult {
  const random = prng(11);
  const store = openCase(casePath);
  // Zones of 5–40 km across the incidents' region, the sizes analysts draw.
  const zones = Array.from({ length: 120 }, () => {
    const centre: Position = [BENCH_BOX.w + 0.5 + random() * (BENCH_BOX.e - BENCH_BOX.w - 1), BENCH_BOX.s + 0.4 + random() * (BENCH_BOX.n - BENCH_BOX.s - 0.8)];
    return wobblyZone(random, centre, 5 + random() * 35);
  });

  const inside: number[] = [];
  let found = 0;
  zones.forEach((zone, i) => {
    const t0 = performance.now();
    const ids = store.incidentIdsInArea(prepareAreaTest(zone));
    if (i >= 20) inside.push(performance.now() - t0); // the first 20 warm up
    found += ids.length;
  });

  // Baseline 1: no index: every live incident read from the case, then the same exact test.
  const raw = new Database(casePath, { readonly: true });
  const all = raw.prepare('SELECT id, geom FROM incidents WHERE deleted_at IS NULL');
  const brute: number[] = [];
  for (const zone of zones.slice(0, 20)) {
    const t0 = performance.now();
    const points = (all.all() as { id: string; geom: Buffer }[]).map((r) => {
      const [lon, lat] = readGpkgPoint(r.geom);
      return { id: r.id, lon, lat };
    });
    pointsInArea(zone, points);
    brute.push(performance.now() - t0);
  }
  // Baseline 2: every incident already in memory (as the UI holds them), tested one by one.
  const memory = (all.all() as { id: string; geom: Buffer }[]).map((r) => {
    const [lon, lat] = readGpkgPoint(r.geom);
    return { id: r.id, lon, lat };
  });
  const bruteMemory: number[] = [];
  for (const zone of zones.slice(0, 40)) {
    const t0 = performance.now();
    pointsInArea(zone, memory);
    bruteMemory.push(performance.now() - t0);
  }
  raw.close();
  store.close();

  // Coverage: 500-vertex zones in Bosnia (entities and cantons) and northern Kosovo (municipalities).
  const basemap = loadBasemap(resourcesDir());
  const entities: CoverageArea[] = basemap.entities.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
  const municipalities: CoverageArea[] = basemap.admin.features.map((f, i) => ({ id: String(i), name: f.properties.name, geometry: f.geometry }));
  const places: Position[] = [[18.82, 44.87], [18.41, 43.85], [17.19, 44.77], [20.84, 42.91], [20.6, 43.1], [19.2, 44.4], [18.0, 43.6]];
  const coverageZones = Array.from({ length: 70 }, (_, i) => wobblyZone(random, places[i % places.length]!, 8 + random() * 22));
  const coverage: number[] = [];
  coverageZones.forEach((zone, i) => {
    const t0 = performance.now();
    areaCoverage(zone, entities);
    areaCoverage(zone, municipalities);
    if (i >= 10) coverage.push(performance.now() - t0);
  });
  // Baseline: a polygon clipper on the whole areas, then the same geodesic area.
  const clipper: number[] = [];
  for (const zone of coverageZones.slice(0, 14)) {
    const t0 = performance.now();
    const feature: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: zone };
    const zb = turfBbox(zone);
    for (const area of [...entities, ...municipalities]) {
      const ab = turfBbox(area.geometry);
      if (ab[0] > zb[2] || ab[2] < zb[0] || ab[1] > zb[3] || ab[3] < zb[1]) continue;
      const part = intersect(featureCollection<Polygon | MultiPolygon>([feature, { type: 'Feature', properties: {}, geometry: area.geometry }]));
      if (part) geodesicArea(part.geometry);
    }
    clipper.push(performance.now() - t0);
  }

  for (const list of [inside, brute, bruteMemory, coverage, clipper]) list.sort((a, b) => a - b);
  return {
    zones: zones.length,
    insideP50: percentile(inside, 50),
    insideP95: percentile(inside, 95),
    insideMeanCount: found / zones.length,
    bruteP50: percentile(brute, 50),
    bruteMemoryP50: percentile(bruteMemory, 50),
    coverageP50: percentile(coverage, 50),
    coverageP95: percentile(coverage, 95),
    clipperP50: percentile(clipper, 50),
  };
}
