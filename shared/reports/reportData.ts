import type { Geometry } from 'geojson';
import type { ZoneGeometry } from '../domain/zone';
import type { Affiliation, ZoneKind, ZoneStatus } from '../domain/zone';
import type { EventType } from '../taxonomy/acled';
import type { Reliability } from '../taxonomy/grading';
import type { ReportOptions } from './reportOptions';

/**
 * Everything the report page draws, built on the Node side (`buildReportData`) from the case
 * and the options, and handed to the page as JSON: the same object for the preview in the app
 * and for the printed PDF, so the two show the same thing.
 */
export interface ReportData {
  options: ReportOptions;
  caseInfo: {
    id: string;
    name: string;
    fileName: string;
    /** SHA-256 of the case file as it was when the report was made (hex). */
    sha256: string;
    incidentsInCase: number;
    zonesInCase: number;
  };
  /** When the report was made, UTC ISO 8601. */
  generatedAt: string;
  /** The report's date as printed (the option, else the day it was made). */
  reportDate: string;
  coverage: {
    /** The time range covered: the filter's, else the first and last reported incident's. */
    from: string | null;
    to: string | null;
    area: string;
    /** Human-readable filters in force, e.g. "Event types: Riots, Protests". */
    filters: string[];
  };
  map: {
    /** [west, south, east, north] the map shows (before fitting to the paper's shape). */
    bbox: [number, number, number, number];
    /** The chosen area's outline, drawn on the map. */
    areaOutline: Geometry | null;
  };
  incidents: ReportIncident[];
  zones: ReportZone[];
  summary: ReportSummary;
  sources: ReportSource[];
  attribution: string;
  appVersion: string;
}

export interface ReportIncident {
  /** Row number in the incident table (sorted by date); the map labels markers with it. */
  n: number;
  id: string;
  title: string;
  occurred_at: string;
  time_precision: 1 | 2 | 3;
  event_type: EventType;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  fatalities: number;
  injured: number;
  location_name: string;
  admin: { country: string; admin1: string; admin2: string };
  /** Admin areas as one line, e.g. "Kosovo · Mitrovica district · Zvečan". */
  place: string;
  lon: number;
  lat: number;
  geo_precision: 1 | 2 | 3;
  reliability: Reliability;
  credibility: number;
  source: string;
  source_url: string;
}

export interface ReportZone {
  id: string;
  name: string;
  kind: ZoneKind;
  force: string;
  unit: string;
  affiliation: Affiliation;
  sidc: string;
  strength: string;
  status: ZoneStatus;
  valid_from: string;
  valid_to: string;
  geometry: ZoneGeometry;
  /** "12.3 km²" for an area, "8.1 km" for a route. */
  size: string;
  /** Where the name and symbol go on the map. */
  labelAt: [number, number];
}

export interface CountRow {
  label: string;
  count: number;
  fatalities: number;
  injured: number;
}

export interface TimelineBin {
  /** First day of the week (Monday) or month. */
  start: string;
  label: string;
  total: number;
  byType: Partial<Record<EventType, number>>;
}

export interface ReportSummary {
  totals: { incidents: number; fatalities: number; injured: number };
  byType: (CountRow & { type: EventType; color: string })[];
  /** By BiH entity, else by country. */
  byEntity: CountRow[];
  /** By municipality (Kosovo), canton or region (BiH), district (Serbia), else country. */
  byArea: CountRow[];
  timeline: { unit: 'week' | 'month'; bins: TimelineBin[] };
}

export interface ReportSource {
  name: string;
  url: string;
  /** How many reported incidents and zones cite it. */
  count: number;
  /** Gradings given to what it reported, e.g. ["B2", "C3"]. */
  gradings: string[];
}
