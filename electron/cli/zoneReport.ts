import { ZONE_KINDS } from '../../shared/domain/zone';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import { createAnalysisService } from '../services/analysisService';
import type { CaseReader } from '../store/gpkgCaseStore';

/** One zone as `faultline zones --json` prints it. */
export interface ZoneReportRow {
  id: string;
  name: string;
  kind: string;
  affiliation: string;
  status: string;
  sidc: string;
  area_km2: number;
  perimeter_km: number;
  length_km: number;
  countries: { name: string; km2: number }[];
  entities: { name: string; km2: number }[];
  municipalities: { name: string; level: string; km2: number }[];
  incidents_inside: number;
  distance_to_kosovo_serbia_boundary_km: number | null;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Every live zone of a case with what the map answers about it (the same service as the UI). */
export function zoneReport(store: CaseReader, basemap: LoadedBasemap): ZoneReportRow[] {
  const analysis = createAnalysisService(() => basemap);
  return store.listZones().map((zone) => {
    const a = analysis.zone(store, zone.fields.geometry);
    const f = zone.fields;
    return {
      id: zone.id,
      name: f.name,
      kind: f.kind,
      affiliation: f.affiliation,
      status: f.status,
      sidc: f.sidc,
      area_km2: r3(a.area_km2),
      perimeter_km: r3(a.perimeter_km),
      length_km: r3(a.length_km),
      countries: a.coverage.countries.map((s) => ({ name: s.name, km2: r3(s.km2) })),
      entities: a.coverage.entities.map((s) => ({ name: s.name, km2: r3(s.km2) })),
      municipalities: a.coverage.municipalities.map((s) => ({ name: s.name, level: s.level, km2: r3(s.km2) })),
      incidents_inside: a.incidents.count,
      distance_to_kosovo_serbia_boundary_km: a.distances.kosovo_serbia ? r3(a.distances.kosovo_serbia.km) : null,
    };
  });
}

/** The same report for a person: one block per zone. */
export function formatZoneReport(rows: ZoneReportRow[]): string {
  if (rows.length === 0) return 'No zones in this case.';
  const km2 = (v: number) => `${v.toLocaleString('en', { maximumFractionDigits: 1 })} km²`;
  return rows
    .map((z) => {
      const size = z.length_km > 0 ? `length ${z.length_km.toLocaleString('en', { maximumFractionDigits: 2 })} km` : `${km2(z.area_km2)}, perimeter ${z.perimeter_km.toLocaleString('en', { maximumFractionDigits: 1 })} km`;
      const list = (items: { name: string; km2: number }[]) => items.map((i) => `${i.name} ${km2(i.km2)}`).join('; ') || '–';
      const distance = z.distance_to_kosovo_serbia_boundary_km === null ? '–' : `${z.distance_to_kosovo_serbia_boundary_km.toLocaleString('en', { maximumFractionDigits: 2 })} km`;
      return [
        `${z.name}  [${ZONE_KINDS[z.kind as keyof typeof ZONE_KINDS] ?? z.kind}, ${z.affiliation}, ${z.status}]`,
        `  id:             ${z.id}`,
        `  size:           ${size}`,
        `  countries:      ${list(z.countries)}`,
        `  entities:       ${list(z.entities)}`,
        `  municipalities: ${list(z.municipalities)}`,
        `  incidents:      ${z.incidents_inside}`,
        `  to KS boundary: ${distance}`,
      ].join('\n');
    })
    .join('\n\n');
}
