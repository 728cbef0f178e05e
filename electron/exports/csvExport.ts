import Papa from 'papaparse';
import type { Incident } from '../../shared/domain/incident';
import { coordinateText } from '../../shared/exports/exportFormats';

/**
 * Incidents as CSV with ACLED's column names first (so ACLED tooling and our own ACLED import
 * read it), then Faultline's own columns. UTF-8, CRLF line ends and quoting as RFC 4180
 * describes, done by papaparse.
 *
 * No byte-order mark unless asked: RFC 4180 and the tools that read CSV as data (GDAL, pandas,
 * R, database loaders, many import forms) expect none, and some take it for part of the first
 * column's name. Excel is the exception: it reads a CSV as UTF-8 only when the file begins
 * with the mark, else it guesses a legacy code page and shows Zvečan as ZveÄan and Cyrillic
 * as junk. So the mark is an option, offered to Excel users by name.
 *
 * Values are written exactly as stored: no formula escaping (a leading `=` stays), because the
 * file is data for other tools and must round-trip; spreadsheet users should import it as text.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export const FAULTLINE_COLUMNS = [
  'faultline_title',
  'faultline_occurred_at',
  'faultline_injured',
  'faultline_source_url',
  'faultline_reliability',
  'faultline_credibility',
  'faultline_created_at',
  'faultline_updated_at',
  'faultline_author',
  'faultline_origin_case',
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...FAULTLINE_COLUMNS];
type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** ACLED separates tags with "; " (tags cannot contain ";", see the incident schema). */
const TAG_SEPARATOR = '; ';

export function incidentCsvRow(incident: Incident): CsvRow {
  const f = incident.fields;
  return {
    event_id_cnty: incident.id,
    event_date: f.occurred_at.slice(0, 10),
    year: f.occurred_at.slice(0, 4),
    time_precision: String(f.time_precision),
    event_type: f.event_type,
    sub_event_type: f.sub_event_type,
    actor1: f.actor1,
    actor2: f.actor2,
    country: incident.admin.country,
    admin1: incident.admin.admin1,
    admin2: incident.admin.admin2,
    location: f.location_name,
    latitude: coordinateText(f.lat),
    longitude: coordinateText(f.lon),
    geo_precision: String(f.geo_precision),
    source: f.source,
    notes: f.notes,
    fatalities: String(f.fatalities),
    tags: f.tags.join(TAG_SEPARATOR),
    // ACLED's `timestamp` is the Unix time of the row's last change.
    timestamp: String(Math.floor(Date.parse(incident.provenance.updated_at) / 1000)),
    faultline_title: f.title,
    faultline_occurred_at: f.occurred_at,
    faultline_injured: String(f.injured),
    faultline_source_url: f.source_url,
    faultline_reliability: f.reliability,
    faultline_credibility: String(f.credibility),
    faultline_created_at: incident.provenance.created_at,
    faultline_updated_at: incident.provenance.updated_at,
    faultline_author: incident.provenance.author,
    faultline_origin_case: incident.provenance.origin_case,
  };
}

export function incidentsToCsv(incidents: readonly Incident[], options: { byteOrderMark?: boolean } = {}): string {
  // The fields + data form writes the header row even when there are no incidents.
  const data = incidents.map((incident) => {
    const row = incidentCsvRow(incident);
    return CSV_COLUMNS.map((column) => row[column]);
  });
  const body = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n', header: true, quotes: false });
  return `${options.byteOrderMark ? Papa.BYTE_ORDER_MARK : ''}${body}\r\n`;
}
