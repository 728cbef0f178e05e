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
function rowPoint(geom: Buffer, title: string): [number, number] {
  try {
    return readGpkgPoint(geom);
  } catch (err) {
    if (!(err instanceof GeometryBlobError)) throw err;
    throw new ApiError('bad_file', `The location of incident “${title}” is damaged in the case file (${err.message}).`);
  }
}

type RowReader = <K extends keyof IncidentRow>(column: K) => IncidentRow[K];

function readIncident(get: RowReader): Incident {
  const [lon, lat] = rowPoint(get('geom'), get('title'));
  return {
    id: get('id'),
    fields: {
      title: get('title'),
      occurred_at: get('occurred_at'),
      time_precision: get('time_precision') as IncidentFields['time_precision'],
      event_type: get('event_type') as IncidentFields['event_type'],
      sub_event_type: get('sub_event_type'),
      actor1: get('actor1'),
      actor2: get('actor2'),
      fatalities: get('fatalities'),
      injured: get('injured'),
      location_name: get('location_name'),
      geo_precision: get('geo_precision') as IncidentFields['geo_precision'],
      source: get('source'),
      source_url: get('source_url'),
      reliability: get('reliability') as IncidentFields['reliability'],
      credibility: get('credibility') as IncidentFields['credibility'],
      notes: get('notes'),
      tags: splitTags(get('tags')),
      lon,
      lat,
    },
    admin: { country: get('country'), admin1: get('admin1'), admin2: get('admin2') },
    provenance: {
      created_at: get('created_at'),
      updated_at: get('updated_at'),
      author: get('author'),
      origin_case: get('origin_case'),
      deleted_at: get('deleted_at'),
    },
  };
}

export function rowToIncident(row: IncidentRow): Incident {
  return readIncident((column) => row[column]);
}

/** Position of each column in a row of SELECT_INCIDENT_SQL read with `.raw()` (fid first). */
const RAW_INDEX = Object.fromEntries(['fid', ...INCIDENT_COLUMNS].map((column, i) => [column, i])) as Record<keyof IncidentRow, number>;

/**
 * An incident from a row of SELECT_INCIDENT_SQL read as an array (`statement.raw()`): for
 * long lists, where better-sqlite3 builds arrays in about half the time it builds objects.
 */
export function rawRowToIncident(values: readonly unknown[]): Incident {
  return readIncident((column) => values[RAW_INDEX[column]] as never);
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
