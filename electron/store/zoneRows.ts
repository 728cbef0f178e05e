import { ApiError } from '../../shared/api/errors';
import type { Provenance } from '../../shared/domain/incident';
import { ZoneGeometrySchema, type Zone, type ZoneFields } from '../../shared/domain/zone';
import { GeometryBlobError, decodeGpkgGeometry, encodeGpkgGeometry } from './gpkgBinary';

/** How a Zone maps to a row of the `zones` table and back. Only this file knows the columns. */

export const ZONE_COLUMNS = [
  'id',
  'geom',
  'name',
  'kind',
  'force',
  'unit',
  'affiliation',
  'sidc',
  'strength',
  'status',
  'valid_from',
  'valid_to',
  'source',
  'source_url',
  'reliability',
  'credibility',
  'notes',
  'circle_center_lon',
  'circle_center_lat',
  'circle_radius_m',
  'created_at',
  'updated_at',
  'created_by',
  'author',
  'origin_case',
  'deleted_at',
] as const;

/** The columns an edit changes (everything but identity, creation and the tombstone). */
export const ZONE_EDITABLE_COLUMNS = ZONE_COLUMNS.filter((c) => !['id', 'created_at', 'created_by', 'origin_case', 'deleted_at'].includes(c));

export interface ZoneRow {
  fid: number;
  id: string;
  geom: Buffer;
  name: string;
  kind: string;
  force: string;
  unit: string;
  affiliation: string;
  sidc: string;
  strength: string;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  source: string;
  source_url: string;
  reliability: string;
  credibility: number;
  notes: string;
  circle_center_lon: number | null;
  circle_center_lat: number | null;
  circle_radius_m: number | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  author: string;
  origin_case: string;
  deleted_at: string | null;
}

function rowGeometry(row: ZoneRow): ZoneFields['geometry'] {
  try {
    const { geometry, empty } = decodeGpkgGeometry(row.geom);
    const parsed = ZoneGeometrySchema.safeParse(geometry);
    if (empty || !parsed.success) throw new GeometryBlobError(`a ${empty ? 'empty ' : ''}${geometry.type} is not a zone shape`);
    return parsed.data;
  } catch (err) {
    if (!(err instanceof GeometryBlobError)) throw err;
    throw new ApiError('bad_file', `The shape of zone “${row.name}” is damaged in the case file (${err.message}).`);
  }
}

export function rowToZone(row: ZoneRow): Zone {
  const circle =
    row.circle_center_lon !== null && row.circle_center_lat !== null && row.circle_radius_m !== null
      ? { center: [row.circle_center_lon, row.circle_center_lat] as [number, number], radius_m: row.circle_radius_m }
      : null;
  return {
    id: row.id,
    fields: {
      name: row.name,
      kind: row.kind as ZoneFields['kind'],
      force: row.force,
      unit: row.unit,
      affiliation: row.affiliation as ZoneFields['affiliation'],
      sidc: row.sidc,
      strength: row.strength,
      status: row.status as ZoneFields['status'],
      valid_from: row.valid_from ?? '',
      valid_to: row.valid_to ?? '',
      source: row.source,
      source_url: row.source_url,
      reliability: row.reliability as ZoneFields['reliability'],
      credibility: row.credibility as ZoneFields['credibility'],
      notes: row.notes,
      geometry: rowGeometry(row),
      circle,
    },
    provenance: {
      created_at: row.created_at,
      updated_at: row.updated_at,
      author: row.author,
      origin_case: row.origin_case,
      deleted_at: row.deleted_at,
    },
  };
}

function editableValues(f: ZoneFields, updatedAt: string, author: string): unknown[] {
  return [
    encodeGpkgGeometry(f.geometry),
    f.name,
    f.kind,
    f.force,
    f.unit,
    f.affiliation,
    f.sidc,
    f.strength,
    f.status,
    f.valid_from || null,
    f.valid_to || null,
    f.source,
    f.source_url,
    f.reliability,
    f.credibility,
    f.notes,
    f.circle ? f.circle.center[0] : null,
    f.circle ? f.circle.center[1] : null,
    f.circle ? f.circle.radius_m : null,
    updatedAt,
    author,
  ];
}

/** Positional values for INSERT, in ZONE_COLUMNS order. */
export function zoneInsertValues(id: string, fields: ZoneFields, provenance: Provenance, createdBy: string): unknown[] {
  const editable = editableValues(fields, provenance.updated_at, provenance.author);
  // ZONE_COLUMNS = id, <editable up to circle_radius_m>, created_at, updated_at, created_by, author, origin_case, deleted_at
  return [id, ...editable.slice(0, -2), provenance.created_at, provenance.updated_at, createdBy, provenance.author, provenance.origin_case, provenance.deleted_at];
}

export function zoneUpdateValues(id: string, fields: ZoneFields, updatedAt: string, author: string): unknown[] {
  return [...editableValues(fields, updatedAt, author), id];
}

export const INSERT_ZONE_SQL = `INSERT INTO zones (${ZONE_COLUMNS.join(', ')}) VALUES (${ZONE_COLUMNS.map(() => '?').join(', ')})`;
export const UPDATE_ZONE_SQL = `UPDATE zones SET ${ZONE_EDITABLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
export const SELECT_ZONE_SQL = `SELECT fid, ${ZONE_COLUMNS.join(', ')} FROM zones`;
