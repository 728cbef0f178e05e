import type { Geometry, LineString, MultiLineString } from 'geojson';
import { bbox as turfBbox } from '@turf/turf';
import type { AreaShare, LineDistanceResult, PointAnalysis, ZoneAnalysis } from '../../shared/domain/zoneAnalysis';
import { MAX_LISTED_INCIDENTS } from '../../shared/domain/zoneAnalysis';
import type { ZoneGeometry } from '../../shared/domain/zone';
import type { AreaGeometry } from '../../shared/geo/basemapTypes';
import { areaCoverage, type PreparedCoverage } from '../../shared/geo/analysis/areaCoverage';
import { distanceToLines } from '../../shared/geo/analysis/distanceToLines';
import { geodesicArea } from '../../shared/geo/analysis/geodesicArea';
import { geodesicLength } from '../../shared/geo/analysis/geodesicLength';
import { prepareAreaTest } from '../../shared/geo/analysis/prepareAreaTest';
import { zonesAtPoint } from '../../shared/geo/analysis/zonesAtPoint';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import type { CaseReader } from '../store/gpkgCaseStore';

type Box = [number, number, number, number];

/** The basemap prepared once for the questions below: areas with their boxes, the two lines. */
interface Reference {
  countries: PreparedCoverage;
  entities: PreparedCoverage;
  municipalities: PreparedCoverage;
  levels: Map<string, string>;
  kosovoSerbia: Geometry[];
  iebl: Geometry[];
}

function prepared(items: { id: string; name: string; geometry: AreaGeometry }[]): PreparedCoverage {
  return items.map((area) => ({ area, box: turfBbox(area.geometry) as Box }));
}

function buildReference(basemap: LoadedBasemap): Reference {
  const levels = new Map<string, string>();
  const municipalities = basemap.admin.features.map((f, i) => {
    const p = f.properties;
    const id = `${p.iso3}:${i}`;
    levels.set(id, p.level);
    return { id, name: p.name, geometry: f.geometry };
  });
  return {
    countries: prepared(basemap.countries.features.map((f) => ({ id: f.properties.iso3, name: f.properties.name, geometry: f.geometry }))),
    entities: prepared(basemap.entities.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }))),
    municipalities: prepared(municipalities),
    levels,
    kosovoSerbia: basemap.borders.features.filter((f) => f.properties.a === 'SRB' && f.properties.b === 'XKX').map((f) => f.geometry as LineString | MultiLineString),
    iebl: basemap.iebl.features.map((f) => f.geometry),
  };
}

function km(d: ReturnType<typeof distanceToLines>): LineDistanceResult {
  return d ? { km: d.distance_m / 1000, from: [d.from[0]!, d.from[1]!], to: [d.to[0]!, d.to[1]!] } : null;
}

/**
 * The map's answers about zones and points, for the API and the command line. The case's
 * R*Trees do the first cut: a zone's incidents come from the incidents index by the zone's
 * box, a point's zones from the zones index by the point; the exact tests are the shared
 * analysis functions.
 */
export interface AnalysisService {
  zone(store: CaseReader, geometry: ZoneGeometry): ZoneAnalysis;
  point(store: CaseReader, lon: number, lat: number): PointAnalysis;
}

export function createAnalysisService(basemap: () => LoadedBasemap): AnalysisService {
  let reference: Reference | null = null;
  const ref = () => (reference ??= buildReference(basemap()));

  return {
    zone(store, geometry) {
      const r = ref();
      const share = (set: PreparedCoverage, level: (id: string) => string): AreaShare[] =>
        areaCoverage(geometry, set).map((s) => ({ ...s, level: level(s.id) }));
      const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
      const ids = isArea ? store.incidentIdsInArea(prepareAreaTest(geometry)) : [];
      return {
        area_km2: geodesicArea(geometry) / 1e6,
        perimeter_km: isArea ? geodesicLength(geometry) / 1000 : 0,
        length_km: isArea ? 0 : geodesicLength(geometry) / 1000,
        coverage: {
          countries: share(r.countries, () => 'country'),
          entities: share(r.entities, () => 'entity'),
          municipalities: share(r.municipalities, (id) => r.levels.get(id) ?? 'area'),
        },
        incidents: { count: ids.length, ids: ids.slice(0, MAX_LISTED_INCIDENTS) },
        distances: { kosovo_serbia: km(distanceToLines(geometry, r.kosovoSerbia)), iebl: km(distanceToLines(geometry, r.iebl)) },
      };
    },

    point(store, lon, lat) {
      const r = ref();
      const point: Geometry = { type: 'Point', coordinates: [lon, lat] };
      const candidates = store.listZones({ bbox: [lon, lat, lon, lat] });
      const inside = new Set(zonesAtPoint([lon, lat], candidates.map((z) => ({ id: z.id, geometry: z.fields.geometry }))));
      return {
        distances: { kosovo_serbia: km(distanceToLines(point, r.kosovoSerbia)), iebl: km(distanceToLines(point, r.iebl)) },
        zones: candidates.filter((z) => inside.has(z.id)).map((z) => ({ id: z.id, name: z.fields.name })),
      };
    },
  };
}
