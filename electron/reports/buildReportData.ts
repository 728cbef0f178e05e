import { bbox as turfBbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import { ApiError } from '../../shared/api/errors';
import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';
import { geodesicArea } from '../../shared/geo/analysis/geodesicArea';
import { geodesicLength } from '../../shared/geo/analysis/geodesicLength';
import { describeAdmin } from '../../shared/geo/describeAdmin';
import { labelPoint } from '../../shared/geo/analysis/labelPoint';
import { gradingCode, meetsMinimumGrading } from '../../shared/reports/grading';
import { padBBox } from '../../shared/reports/mapProjection';
import type { ReportData, ReportIncident, ReportSource, ReportZone } from '../../shared/reports/reportData';
import type { ReportOptions } from '../../shared/reports/reportOptions';
import { summarise } from '../../shared/reports/summaries';
import { EVENT_TYPES, EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import type { CaseReader } from '../store/caseStore';
import { resolveArea } from './reportArea';

/** Bosnia and Herzegovina to Kosovo: the map of a report with nothing on it. */
export const REGION_BBOX: [number, number, number, number] = [15.7, 41.9, 22.2, 45.3];
/**
 * The most incidents one report lists: about 500 pages of table. Past that a PDF is no longer a
 * briefing, and the page would take minutes to lay out; the analyst is asked to narrow it.
 */
export const MAX_REPORT_INCIDENTS = 10_000;
export const DATA_ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0)';

export interface ReportInputs {
  reader: CaseReader;
  options: ReportOptions;
  basemap: () => LoadedBasemap;
  /** SHA-256 of the case file, taken before reading it. */
  sha256: string;
  fileName: string;
  appVersion: string;
  now?: Date;
}

function toReportIncident(incident: Incident, n: number): ReportIncident {
  const f = incident.fields;
  return {
    n,
    id: incident.id,
    title: f.title,
    occurred_at: f.occurred_at,
    time_precision: f.time_precision,
    event_type: f.event_type,
    sub_event_type: f.sub_event_type,
    actor1: f.actor1,
    actor2: f.actor2,
    fatalities: f.fatalities,
    injured: f.injured,
    location_name: f.location_name,
    admin: { ...incident.admin },
    place: describeAdmin(incident.admin),
    lon: f.lon,
    lat: f.lat,
    geo_precision: f.geo_precision,
    reliability: f.reliability,
    credibility: f.credibility,
    source: f.source,
    source_url: f.source_url,
  };
}

/**
 * A zone's area (or a route's length) on the WGS 84 ellipsoid, by the same functions as the
 * workbench's zone details and `faultline zones`, so the report gives the same figure.
 */
function zoneSize(geometry: Geometry): string {
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    return `${(geodesicLength(geometry) / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} km`;
  }
  return `${(geodesicArea(geometry) / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} km²`;
}

function toReportZone(zone: Zone): ReportZone {
  const f = zone.fields;
  return {
    id: zone.id,
    name: f.name,
    kind: f.kind,
    force: f.force,
    unit: f.unit,
    affiliation: f.affiliation,
    sidc: f.sidc,
    strength: f.strength,
    status: f.status,
    valid_from: f.valid_from,
    valid_to: f.valid_to,
    geometry: f.geometry,
    size: zoneSize(f.geometry),
    // Where the workbench puts the zone's label (ZoneLayer), so paper and screen agree.
    labelAt: f.circle ? f.circle.center : (labelPoint(f.geometry) as [number, number]),
  };
}

/** A zone counts for the report's time range when its validity overlaps it. */
function zoneInRange(zone: Zone, from?: string, to?: string): boolean {
  const { valid_from: start, valid_to: end } = zone.fields;
  if (to && start && start.slice(0, 10) > to) return false;
  if (from && end && end.slice(0, 10) < from) return false;
  return true;
}

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
}

function union(boxes: (readonly number[])[]): [number, number, number, number] | null {
  if (!boxes.length) return null;
  return [
    Math.min(...boxes.map((b) => b[0]!)),
    Math.min(...boxes.map((b) => b[1]!)),
    Math.max(...boxes.map((b) => b[2]!)),
    Math.max(...boxes.map((b) => b[3]!)),
  ];
}

function collectSources(incidents: readonly ReportIncident[], zones: readonly Zone[]): ReportSource[] {
  const byKey = new Map<string, ReportSource & { codes: Set<string> }>();
  const add = (name: string, url: string, grading: string) => {
    const label = name.trim() || (url ? '' : '(no source given)');
    const key = `${label}\u0000${url}`;
    const entry = byKey.get(key) ?? { name: label, url, count: 0, gradings: [], codes: new Set<string>() };
    entry.count += 1;
    entry.codes.add(grading);
    byKey.set(key, entry);
  };
  for (const i of incidents) add(i.source, i.source_url, gradingCode(i));
  for (const z of zones) add(z.fields.source, z.fields.source_url, gradingCode(z.fields));
  return [...byKey.values()]
    .map(({ codes, ...rest }) => ({ ...rest, gradings: [...codes].sort() }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function filterLines(options: ReportOptions): string[] {
  const lines: string[] = [];
  const types = options.eventTypes?.length ? options.eventTypes : null;
  if (types && types.length < EVENT_TYPES.length) lines.push(`Event types: ${types.map((t) => EVENT_TYPE_STYLE[t].label).join(', ')}`);
  if (options.minGrading) lines.push(`Graded ${gradingCode(options.minGrading)} or better`);
  return lines;
}

/**
 * Reads what a report shows from a case: the incidents in its time range, event types, area
 * and minimum grading (sorted by date), the zones that meet the area and the time range, the
 * summary figures, the sources, and the map's extent.
 */
export function buildReportData(inputs: ReportInputs): ReportData {
  const { reader, options } = inputs;
  const now = inputs.now ?? new Date();
  const info = reader.info();
  const area = resolveArea(options.area, { basemap: inputs.basemap, reader });
  const types = options.eventTypes?.length ? new Set(options.eventTypes) : null;

  const matching = reader
    .listIncidents({ ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) })
    .filter((i) => (!types || types.has(i.fields.event_type)) && meetsMinimumGrading(i.fields, options.minGrading) && area.contains(i.fields.lon, i.fields.lat));
  if (matching.length > MAX_REPORT_INCIDENTS) {
    throw new ApiError('invalid', `The report would list ${matching.length.toLocaleString('en')} incidents; narrow it to at most ${MAX_REPORT_INCIDENTS.toLocaleString('en')} with the time range, event types or area.`);
  }
  const incidents = matching.map((incident, index) => toReportIncident(incident, index + 1));

  const zones = reader
    .listZones()
    .filter((z) => zoneInRange(z, options.from, options.to) && meetsMinimumGrading(z.fields, options.minGrading))
    .filter((z) => !area.bbox || (boxesMeet(turfBbox(z.fields.geometry), area.bbox) && area.meets(z.fields.geometry)));

  const from = options.from ?? incidents[0]?.occurred_at.slice(0, 10) ?? null;
  const to = options.to ?? incidents.at(-1)?.occurred_at.slice(0, 10) ?? null;

  const dataBox = union([...incidents.map((i) => [i.lon, i.lat, i.lon, i.lat]), ...zones.map((z) => turfBbox(z.fields.geometry))]);
  const fitted =
    options.mapFit === 'view'
      ? (options.view ?? area.bbox ?? REGION_BBOX)
      : options.mapFit === 'area'
        ? area.bbox ? padBBox(area.bbox, 0.06, 0.05) : dataBox ? padBBox(dataBox, 0.12, 0.08) : REGION_BBOX
        : dataBox ? padBBox(dataBox, 0.12, 0.08) : area.bbox ? padBBox(area.bbox, 0.06, 0.05) : REGION_BBOX;

  return {
    options,
    caseInfo: {
      id: info.id,
      name: info.name,
      fileName: inputs.fileName,
      sha256: inputs.sha256,
      incidentsInCase: info.counts.incidents,
      zonesInCase: info.counts.zones,
    },
    generatedAt: now.toISOString(),
    reportDate: options.date ?? now.toISOString().slice(0, 10),
    coverage: { from, to, area: area.label, filters: filterLines(options) },
    map: { bbox: fitted, areaOutline: area.outline },
    incidents,
    zones: zones.map(toReportZone),
    summary: summarise(incidents, { from, to }, options.timeline),
    sources: collectSources(incidents, zones),
    attribution: DATA_ATTRIBUTION,
    appVersion: inputs.appVersion,
  };
}

