import { ApiError } from '../../shared/api/errors';
import type { AdminArea, Incident, IncidentFields, Provenance } from '../../shared/domain/incident';
import { GeometryBlobError, encodeGpkgPoint, readGpkgPoint } from './gpkgBinary';

/**
 * How an Incident maps to a row of the `incidents` table and back. Only this file knows the
 * column list; the store's SQL is built from it.
 */

/** Every column except `fid`, in the order used by INSERT and SELECT. */
export const INCIDENT_COLUMNS = [
  'id',
  'geom',
  'title',
  'occurred_at',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'fatalities',
  'injured',
  'location_name',
  'geo_precision',
  'country',
  'admin1',
  'admin2',
  'source',
  'source_url',
  'reliability',
  'credibility',
  'notes',
  'tags',
  'created_at',
  'updated_at',
  'created_by',
  'author',
  'origin_case',
  'deleted_at',
] as const;

/** The columns an edit changes: the analyst's fields, the derived admin areas, the stamp. */
export const INCIDENT_EDITABLE_COLUMNS = INCIDENT_COLUMNS.filter(
  (c) => !['id', 'created_at', 'created_by', 'origin_case', 'deleted_at'].includes(c),
);

export interface IncidentRow {
  fid: number;
  id: string;
  geom: Buffer;
  title: string;
  occurred_at: string;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  fatalities: number;
  injured: number;
  location_name: string;
  geo_precision: number;
  country: string;
  admin1: string;
  admin2: string;
  source: string;
  source_url: string;
  reliability: string;
  credibility: number;
  notes: string;
  tags: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  author: string;
  origin_case: string;
  deleted_at: string | null;
}

/** Tags are stored as one TEXT joined by "; " (ACLED's convention). A tag cannot contain ";". */
export const TAG_SEPARATOR = '; ';

export function joinTags(tags: readonly string[]): string {
  return tags.join(TAG_SEPARATOR);
}

export function splitTags(stored: string): string[] {
  return stored === '' ? [] : stored.split(TAG_SEPARATOR);
}

/** The point of a row; a blob another program damaged is reported, not thrown as a crash. */
function rowPoint(row: IncidentRow): [number, number] {
  try {
    return readGpkgPoint(row.geom);
  } catch (err) {
    if (!(err instanceof GeometryBlobError)) throw err;
    throw new ApiError('bad_file', `The location of incident “${row.title}” is damaged in the case file (${err.message}).`);
  }
}

export function rowToIncident(row: IncidentRow): Incident {
  const [lon, lat] = rowPoint(row);
  return {
    id: row.id,
    fields: {
      title: row.title,
      occurred_at: row.occurred_at,
      time_precision: row.time_precision as IncidentFields['time_precision'],
      event_type: row.event_type as IncidentFields['event_type'],
      sub_event_type: row.sub_event_type,
      actor1: row.actor1,
      actor2: row.actor2,
      fatalities: row.fatalities,
      injured: row.injured,
      location_name: row.location_name,
      geo_precision: row.geo_precision as IncidentFields['geo_precision'],
      source: row.source,
      source_url: row.source_url,
      reliability: row.reliability as IncidentFields['reliability'],
      credibility: row.credibility as IncidentFields['credibility'],
      notes: row.notes,
      tags: splitTags(row.tags),
      lon,
      lat,
    },
    admin: { country: row.country, admin1: row.admin1, admin2: row.admin2 },
    provenance: {
      created_at: row.created_at,
      updated_at: row.updated_at,
      author: row.author,
      origin_case: row.origin_case,
      deleted_at: row.deleted_at,
    },
  };
}

/** Values for the editable columns, in INCIDENT_EDITABLE_COLUMNS order. */
function editableValues(fields: IncidentFields, admin: AdminArea, updatedAt: string, author: string): unknown[] {
  return [
    encodeGpkgPoint(fields.lon, fields.lat),
    fields.title,
    fields.occurred_at,
    fields.time_precision,
    fields.event_type,
    fields.sub_event_type,
    fields.actor1,
    fields.actor2,
    fields.fatalities,
    fields.injured,
    fields.location_name,
    fields.geo_precision,
    admin.country,
    admin.admin1,
    admin.admin2,
    fields.source,
    fields.source_url,
    fields.reliability,
    fields.credibility,
    fields.notes,
    joinTags(fields.tags),
    updatedAt,
    author,
  ];
}

/** Positional values for INSERT, in INCIDENT_COLUMNS order. */
export function insertValues(id: string, fields: IncidentFields, admin: AdminArea, provenance: Provenance, createdBy: string): unknown[] {
  const editable = editableValues(fields, admin, provenance.updated_at, provenance.author);
  // INCIDENT_COLUMNS = id, <editable up to tags>, created_at, updated_at, created_by, author, origin_case, deleted_at
  return [
    id,
    ...editable.slice(0, -2),
    provenance.created_at,
    provenance.updated_at,
    createdBy,
    provenance.author,
    provenance.origin_case,
    provenance.deleted_at,
  ];
}

/** Positional values for UPDATE ... SET <editable> WHERE id = ?. */
export function updateValues(id: string, fields: IncidentFields, admin: AdminArea, updatedAt: string, author: string): unknown[] {
  return [...editableValues(fields, admin, updatedAt, author), id];
}

export const INSERT_INCIDENT_SQL = `INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')})
  VALUES (${INCIDENT_COLUMNS.map(() => '?').join(', ')})`;

export const UPDATE_INCIDENT_SQL = `UPDATE incidents SET ${INCIDENT_EDITABLE_COLUMNS.map((c) => `${c} = ?`).join(', ')}
  WHERE id = ?`;

export const SELECT_INCIDENT_SQL = `SELECT fid, ${INCIDENT_COLUMNS.join(', ')} FROM incidents`;
