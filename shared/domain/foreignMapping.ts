import { ACLED_EVENT_TYPES, EVENT_TYPES } from '../taxonomy/acled';
import type { FieldMapping, FieldSource, LayerTarget } from './foreign';

/**
 * From a foreign layer's attributes to Faultline fields: which Faultline fields can be mapped,
 * the guesses pre-filled in the mapping step (by field name, and ACLED's export column by
 * column), and the conversion of one row's values. The result is a candidate that the Node
 * side validates with the same schemas as every save; a row that fails is skipped with the
 * reason, never "fixed".
 */

export interface MappableField {
  key: string;
  label: string;
  required: boolean;
}

export const INCIDENT_MAPPABLE: readonly MappableField[] = [
  { key: 'title', label: 'Title', required: true },
  { key: 'occurred_at', label: 'Date', required: true },
  { key: 'time_precision', label: 'Time precision (1–3)', required: true },
  { key: 'event_type', label: 'Event type', required: true },
  { key: 'sub_event_type', label: 'Sub-event type', required: true },
  { key: 'actor1', label: 'Actor 1', required: false },
  { key: 'actor2', label: 'Actor 2', required: false },
  { key: 'fatalities', label: 'Fatalities', required: false },
  { key: 'injured', label: 'Injured', required: false },
  { key: 'location_name', label: 'Location name', required: false },
  { key: 'geo_precision', label: 'Geo precision (1–3)', required: true },
  { key: 'source', label: 'Source', required: false },
  { key: 'source_url', label: 'Source URL', required: false },
  { key: 'reliability', label: 'Reliability (A–F)', required: true },
  { key: 'credibility', label: 'Credibility (1–6)', required: true },
  { key: 'notes', label: 'Notes', required: false },
  { key: 'tags', label: 'Tags', required: false },
];

export const ZONE_MAPPABLE: readonly MappableField[] = [
  { key: 'name', label: 'Name', required: true },
  { key: 'kind', label: 'Kind', required: true },
  { key: 'force', label: 'Force', required: false },
  { key: 'unit', label: 'Unit', required: false },
  { key: 'affiliation', label: 'Affiliation', required: true },
  { key: 'strength', label: 'Strength', required: false },
  { key: 'status', label: 'Status', required: true },
  { key: 'valid_from', label: 'Valid from', required: false },
  { key: 'valid_to', label: 'Valid to', required: false },
  { key: 'source', label: 'Source', required: false },
  { key: 'source_url', label: 'Source URL', required: false },
  { key: 'reliability', label: 'Reliability (A–F)', required: true },
  { key: 'credibility', label: 'Credibility (1–6)', required: true },
  { key: 'notes', label: 'Notes', required: false },
];

/** Source column names that usually hold a Faultline field (compared without case or punctuation). */
const SYNONYMS: Record<string, string[]> = {
  title: ['title', 'name', 'label', 'headline', 'subject', 'summary'],
  occurred_at: ['occurredat', 'eventdate', 'date', 'datetime', 'time', 'timestamp', 'when', 'day'],
  time_precision: ['timeprecision'],
  event_type: ['eventtype', 'type', 'category'],
  sub_event_type: ['subeventtype', 'subtype', 'subcategory'],
  actor1: ['actor1', 'actor', 'perpetrator'],
  actor2: ['actor2', 'target', 'victim'],
  fatalities: ['fatalities', 'deaths', 'killed', 'dead'],
  injured: ['injured', 'wounded', 'injuries'],
  location_name: ['location', 'locationname', 'place', 'town', 'city', 'village', 'locality'],
  geo_precision: ['geoprecision'],
  source: ['source', 'sources', 'reporter'],
  source_url: ['sourceurl', 'url', 'link', 'href'],
  reliability: ['reliability'],
  credibility: ['credibility'],
  notes: ['notes', 'description', 'desc', 'comment', 'comments', 'details'],
  tags: ['tags', 'keywords'],
  name: ['name', 'title', 'label', 'zone', 'area'],
  kind: ['kind', 'zonetype'],
  force: ['force', 'forces'],
  unit: ['unit', 'formation'],
  affiliation: ['affiliation', 'side'],
  strength: ['strength', 'size'],
  status: ['status'],
  valid_from: ['validfrom', 'from', 'start', 'startdate'],
  valid_to: ['validto', 'to', 'end', 'enddate'],
};

/** ACLED's export columns (the ones that say a CSV is one). */
const ACLED_COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'latitude', 'longitude', 'fatalities'];

export function isAcledExport(fields: readonly string[]): boolean {
  const present = new Set(fields.map((f) => f.toLowerCase()));
  return ACLED_COLUMNS.filter((c) => present.has(c)).length >= 6;
}

/** ACLED's columns, field by field (ACLED has no title: one is made from the event and place). */
const ACLED_MAPPING: FieldMapping = {
  title: { value: '{sub_event_type} in {location}' },
  occurred_at: { column: 'event_date' },
  time_precision: { column: 'time_precision' },
  event_type: { column: 'event_type' },
  sub_event_type: { column: 'sub_event_type' },
  actor1: { column: 'actor1' },
  actor2: { column: 'actor2' },
  fatalities: { column: 'fatalities' },
  injured: null,
  location_name: { column: 'location' },
  geo_precision: { column: 'geo_precision' },
  source: { column: 'source' },
  source_url: null,
  reliability: { value: 'F' },
  credibility: { value: '6' },
  notes: { column: 'notes' },
  tags: { column: 'tags' },
};

/** Fixed values for required fields no column supplies. */
const INCIDENT_DEFAULTS: Record<string, string> = {
  time_precision: '1',
  geo_precision: '1',
  event_type: 'Strategic developments',
  sub_event_type: 'Other',
  reliability: 'F',
  credibility: '6',
};
const ZONE_DEFAULTS: Record<string, string> = { affiliation: 'unknown', status: 'active', reliability: 'F', credibility: '6' };

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function guess(fields: readonly MappableField[], columns: readonly string[], defaults: Record<string, string>): FieldMapping {
  const byName = new Map(columns.map((c) => [squash(c), c]));
  const used = new Set<string>();
  const mapping: FieldMapping = {};
  for (const f of fields) {
    const found = (SYNONYMS[f.key] ?? []).map((s) => byName.get(s)).find((c): c is string => c !== undefined && !used.has(c));
    if (found) {
      used.add(found);
      mapping[f.key] = { column: found };
    } else {
      mapping[f.key] = defaults[f.key] !== undefined ? { value: defaults[f.key]! } : null;
    }
  }
  return mapping;
}

export function guessIncidentMapping(columns: readonly string[], acled: boolean): FieldMapping {
  if (acled) {
    const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
    // ACLED's own column names, in whatever case the export used.
    return Object.fromEntries(
      Object.entries(ACLED_MAPPING).map(([k, v]) => [k, v && 'column' in v ? (lower.has(v.column) ? { column: lower.get(v.column)! } : (INCIDENT_DEFAULTS[k] ? { value: INCIDENT_DEFAULTS[k]! } : null)) : v]),
    );
  }
  return guess(INCIDENT_MAPPABLE, columns, INCIDENT_DEFAULTS);
}

export function guessZoneMapping(columns: readonly string[], mostlyLines: boolean): FieldMapping {
  return guess(ZONE_MAPPABLE, columns, { ...ZONE_DEFAULTS, kind: mostlyLines ? 'route' : 'deployment' });
}

/** Points with something like a date become incidents; everything else a reference overlay. */
export function guessTarget(geometryTypes: Record<string, number>, incidentMapping: FieldMapping, acled: boolean): LayerTarget {
  if (acled) return 'incidents';
  const total = Object.values(geometryTypes).reduce((a, b) => a + b, 0);
  const points = (geometryTypes.Point ?? 0) + (geometryTypes.MultiPoint ?? 0);
  const dated = incidentMapping.occurred_at !== null && incidentMapping.occurred_at !== undefined && 'column' in incidentMapping.occurred_at;
  return total > 0 && points / total > 0.5 && dated ? 'incidents' : 'overlay';
}

// ----- values -------------------------------------------------------------------------------

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date as Faultline stores it (YYYY-MM-DD, or with THH:MM), from the usual spellings. */
export function normaliseDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`; // GDAL writes dates as YYYY/MM/DD in KML
    return m[4] && m[4] !== '00:00' ? `${day}T${m[4]}` : day;
  }
  m = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(t); // ACLED's older "29 May 2023"
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2]!.toLowerCase()) && m![2]!.length >= 3);
    if (month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t); // day first, as written in the Balkans
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return t;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

function resolve(source: FieldSource | null | undefined, props: Record<string, unknown>): string {
  if (!source) return '';
  // Own properties only: a column named "constructor" or "__proto__" that a feature lacks
  // must not find Object.prototype's.
  const own = (column: string) => Object.hasOwn(props, column);
  if ('column' in source) return own(source.column) ? text(props[source.column]) : '';
  return source.value.replace(/\{([^{}]+)\}/g, (whole, column: string) => (own(column) ? text(props[column]) : whole));
}

const INTEGER_FIELDS = new Set(['time_precision', 'geo_precision', 'fatalities', 'injured', 'credibility']);

function integer(value: string, fallback: number | null): number | string {
  if (value === '') return fallback ?? value;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/** The event type as Faultline spells it, when the text names one (any case). */
function eventType(value: string): string {
  return EVENT_TYPES.find((t) => t.toLowerCase() === value.toLowerCase()) ?? value;
}

function subEventType(type: string, value: string): string {
  const subs = (ACLED_EVENT_TYPES as Record<string, readonly string[]>)[type] ?? [];
  return subs.find((s) => s.toLowerCase() === value.toLowerCase()) ?? value;
}

/** Candidate IncidentFields (without lon/lat) from one row; validated by the caller. */
export function incidentCandidate(props: Record<string, unknown>, mapping: FieldMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of INCIDENT_MAPPABLE) {
    const value = resolve(mapping[f.key], props);
    if (INTEGER_FIELDS.has(f.key)) out[f.key] = integer(value, f.key === 'fatalities' || f.key === 'injured' ? 0 : null);
    else if (f.key === 'occurred_at') out[f.key] = normaliseDate(value);
    else if (f.key === 'tags') out[f.key] = value.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    else if (f.key === 'reliability') out[f.key] = value.toUpperCase();
    else out[f.key] = value;
  }
  out.event_type = eventType(out.event_type as string);
  out.sub_event_type = subEventType(out.event_type as string, out.sub_event_type as string);
  // A fixed sub-event type that does not belong to the row's event type (the default "Other"
  // with a column of event types) gives way to the type's first sub-event; one read from a
  // column is left for validation to judge.
  const subs = (ACLED_EVENT_TYPES as Record<string, readonly string[]>)[out.event_type as string];
  const fixed = !mapping.sub_event_type || 'value' in mapping.sub_event_type;
  if (subs && fixed && !subs.includes(out.sub_event_type as string)) out.sub_event_type = subs[0];
  return out;
}

/** Candidate ZoneFields (without geometry and circle) from one row. */
export function zoneCandidate(props: Record<string, unknown>, mapping: FieldMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ZONE_MAPPABLE) {
    const value = resolve(mapping[f.key], props);
    if (f.key === 'credibility') out[f.key] = integer(value, null);
    else if (f.key === 'valid_from' || f.key === 'valid_to') out[f.key] = value === '' ? '' : normaliseDate(value);
    else if (['kind', 'affiliation', 'status'].includes(f.key)) out[f.key] = value.toLowerCase();
    else if (f.key === 'reliability') out[f.key] = value.toUpperCase();
    else out[f.key] = value;
  }
  out.sidc = '';
  return out;
}
