import type Database from 'better-sqlite3';
import {
  AdminAreaSchema,
  IncidentFieldsSchema,
  ProvenanceSchema,
  Uuid,
  type Incident,
} from '../../shared/domain/incident';
import { LIMITS } from '../../shared/domain/limits';
import { ZONE_LIMITS, ZoneFieldsSchema, type Zone } from '../../shared/domain/zone';
import { GeometryBlobError, WGS84_SRS_ID, decodeGpkgGeometry, readGpkgHeader, readGpkgPoint } from '../store/gpkgBinary';
import { INCIDENT_COLUMNS, splitTags } from '../store/incidentRows';
import { ZONE_COLUMNS } from '../store/zoneRows';
import type { MergeTable } from './contentHash';

/**
 * Reading the rows of a case file from elsewhere, one at a time, as values the analyst's case
 * can take, or as a skipped row with the reasons why.
 *
 * Nothing in the file is trusted: the table may have been created without our constraints, so
 * any column can hold NULL, a number where text belongs, megabytes of text, a blob that is not
 * GeoPackageBinary, NaN coordinates, a polygon where a point belongs, or an id that another
 * row also has. So:
 *   - every text or blob column is cut in SQL to one character more than its limit before it
 *     reaches JavaScript (a cut value is always too long, so it is refused, never shortened
 *     into something valid), and an oversized geometry is not read at all;
 *   - every row is checked against the same schemas the UI's saves go through
 *     (IncidentFieldsSchema, ZoneFieldsSchema, ProvenanceSchema, AdminAreaSchema);
 *   - rows come ordered by id, so rows sharing an id arrive together: all of them are skipped,
 *     because nothing says which one is right.
 */

export type SourceRow<T> =
  | { ok: true; fid: number; value: T; createdBy: string }
  | { ok: false; fid: number; id: string | null; label: string; reasons: string[] };

/** Most characters read of each column; anything longer is refused. */
const TEXT_CAP: Record<string, number> = {
  id: 80,
  title: LIMITS.title,
  name: LIMITS.title,
  notes: LIMITS.notes,
  source_url: LIMITS.url,
  tags: LIMITS.tags * (LIMITS.tag + 2) + 40,
  sidc: ZONE_LIMITS.sidc,
  strength: ZONE_LIMITS.strength,
};
const DEFAULT_TEXT_CAP = LIMITS.shortText;
/** A point blob is 29 bytes as we write it (61 with an envelope); a zone may be large. */
const GEOMETRY_CAP: Record<MergeTable, number> = { incidents: 1024, zones: 8 * 1024 * 1024 };

function selectSql(table: MergeTable, columns: readonly string[]): string {
  const parts = columns.map((c) => {
    if (c === 'geom') {
      const cap = GEOMETRY_CAP[table];
      return `CASE WHEN length(geom) <= ${cap} THEN geom END AS geom, length(geom) > ${cap} AS geom_too_large`;
    }
    const cap = (TEXT_CAP[c] ?? DEFAULT_TEXT_CAP) + 1;
    return `CASE WHEN typeof(${c}) IN ('text', 'blob') THEN substr(${c}, 1, ${cap}) ELSE ${c} END AS ${c}`;
  });
  return `SELECT fid, ${parts.join(', ')} FROM ${table} ORDER BY id, fid`;
}

type Raw = Record<string, unknown> & { fid: number };

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }, prefix = ''): string[] {
  return error.issues.map((i) => {
    const where = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    return where ? `${where}: ${i.message}` : i.message;
  });
}

function label(raw: Raw, column: 'title' | 'name'): string {
  const v = raw[column];
  return typeof v === 'string' && v.trim() ? (v.length > 80 ? `${v.slice(0, 80)}…` : v) : `row ${raw.fid}`;
}

function missing(raw: Raw, columns: readonly string[], nullable: readonly string[]): string[] {
  return columns.filter((c) => c !== 'geom' && !nullable.includes(c) && (raw[c] === null || raw[c] === undefined)).map((c) => `${c} is missing`);
}

function provenanceOf(raw: Raw, reasons: string[]) {
  const parsed = ProvenanceSchema.safeParse({
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    author: raw.author,
    origin_case: raw.origin_case,
    deleted_at: raw.deleted_at ?? null,
  });
  if (!parsed.success) reasons.push(...issues(parsed.error));
  const createdBy = ProvenanceSchema.shape.author.safeParse(raw.created_by);
  if (!createdBy.success) reasons.push(...issues(createdBy.error, 'created_by'));
  return parsed.success && createdBy.success ? { provenance: parsed.data, createdBy: createdBy.data } : null;
}

/** Why a geometry blob cannot be used, or null. */
function geometryProblem(raw: Raw): string | null {
  if (raw.geom_too_large) return 'geom: the geometry is too large';
  if (raw.geom === null || raw.geom === undefined) return 'geom is missing';
  if (!(raw.geom instanceof Uint8Array)) return 'geom: not a GeoPackage geometry (not a binary value)';
  try {
    const { srsId } = readGpkgHeader(raw.geom);
    if (srsId !== WGS84_SRS_ID) return `geom: the geometry is in another coordinate system (srs ${srsId}), not WGS 84 longitude/latitude`;
  } catch (err) {
    if (err instanceof GeometryBlobError) return `geom: invalid GeoPackageBinary (${err.message})`;
    throw err;
  }
  return null;
}

function toIncident(raw: Raw): SourceRow<Incident> {
  const reasons = missing(raw, INCIDENT_COLUMNS, ['deleted_at']);
  const id = typeof raw.id === 'string' ? raw.id : null;
  if (!Uuid.safeParse(raw.id).success) reasons.push('id is not a valid UUID');
  let point: [number, number] | null = null;
  const geomProblem = geometryProblem(raw);
  if (geomProblem) reasons.push(geomProblem);
  else {
    try {
      point = readGpkgPoint(raw.geom as Uint8Array);
    } catch (err) {
      if (!(err instanceof GeometryBlobError)) throw err;
      reasons.push(`geom: ${err.message}`);
    }
  }
  const bad = (): SourceRow<Incident> => ({ ok: false, fid: raw.fid, id, label: label(raw, 'title'), reasons });
  if (reasons.length) return bad();
  const fields = IncidentFieldsSchema.safeParse({
    title: raw.title,
    occurred_at: raw.occurred_at,
    time_precision: raw.time_precision,
    event_type: raw.event_type,
    sub_event_type: raw.sub_event_type,
    actor1: raw.actor1,
    actor2: raw.actor2,
    fatalities: raw.fatalities,
    injured: raw.injured,
    location_name: raw.location_name,
    geo_precision: raw.geo_precision,
    source: raw.source,
    source_url: raw.source_url,
    reliability: raw.reliability,
    credibility: raw.credibility,
    notes: raw.notes,
    tags: typeof raw.tags === 'string' ? splitTags(raw.tags) : raw.tags,
    lon: point![0],
    lat: point![1],
  });
  if (!fields.success) reasons.push(...issues(fields.error));
  const admin = AdminAreaSchema.safeParse({ country: raw.country, admin1: raw.admin1, admin2: raw.admin2 });
  if (!admin.success) reasons.push(...issues(admin.error));
  const stamps = provenanceOf(raw, reasons);
  if (!fields.success || !admin.success || !stamps) return bad();
  return {
    ok: true,
    fid: raw.fid,
    value: { id: id!, fields: fields.data, admin: admin.data, provenance: stamps.provenance },
    createdBy: stamps.createdBy,
  };
}

function toZone(raw: Raw): SourceRow<Zone> {
  const nullable = ['valid_from', 'valid_to', 'circle_center_lon', 'circle_center_lat', 'circle_radius_m', 'deleted_at'];
  const reasons = missing(raw, ZONE_COLUMNS, nullable);
  const id = typeof raw.id === 'string' ? raw.id : null;
  if (!Uuid.safeParse(raw.id).success) reasons.push('id is not a valid UUID');
  let geometry: unknown = null;
  const geomProblem = geometryProblem(raw);
  if (geomProblem) reasons.push(geomProblem);
  else {
    try {
      const decoded = decodeGpkgGeometry(raw.geom as Uint8Array);
      if (decoded.empty) reasons.push(`geom: the ${decoded.geometry.type} is empty`);
      geometry = decoded.geometry;
    } catch (err) {
      if (!(err instanceof GeometryBlobError)) throw err;
      reasons.push(`geom: ${err.message}`);
    }
  }
  const circleParts = [raw.circle_center_lon, raw.circle_center_lat, raw.circle_radius_m];
  const someCircle = circleParts.some((v) => v !== null && v !== undefined);
  const wholeCircle = circleParts.every((v) => v !== null && v !== undefined);
  if (someCircle && !wholeCircle) reasons.push('circle: the centre or radius is missing');
  const bad = (): SourceRow<Zone> => ({ ok: false, fid: raw.fid, id, label: label(raw, 'name'), reasons });
  if (reasons.length) return bad();
  const fields = ZoneFieldsSchema.safeParse({
    name: raw.name,
    kind: raw.kind,
    force: raw.force,
    unit: raw.unit,
    affiliation: raw.affiliation,
    sidc: raw.sidc,
    strength: raw.strength,
    status: raw.status,
    valid_from: raw.valid_from ?? '',
    valid_to: raw.valid_to ?? '',
    source: raw.source,
    source_url: raw.source_url,
    reliability: raw.reliability,
    credibility: raw.credibility,
    notes: raw.notes,
    geometry,
    circle: wholeCircle ? { center: [raw.circle_center_lon, raw.circle_center_lat], radius_m: raw.circle_radius_m } : null,
  });
  if (!fields.success) reasons.push(...issues(fields.error));
  const stamps = provenanceOf(raw, reasons);
  if (!fields.success || !stamps) return bad();
  return { ok: true, fid: raw.fid, value: { id: id!, fields: fields.data, provenance: stamps.provenance }, createdBy: stamps.createdBy };
}

/**
 * Rows of `table`, validated, in id order. Rows that share an id are all skipped. Reads with
 * `iterate()`, so memory stays flat however large the file is.
 */
export function readSourceRows(db: Database.Database, table: 'incidents'): Generator<SourceRow<Incident>>;
export function readSourceRows(db: Database.Database, table: 'zones'): Generator<SourceRow<Zone>>;
export function readSourceRows(db: Database.Database, table: MergeTable): Generator<SourceRow<Incident> | SourceRow<Zone>>;
export function* readSourceRows(db: Database.Database, table: MergeTable): Generator<SourceRow<Incident> | SourceRow<Zone>> {
  const columns = table === 'incidents' ? INCIDENT_COLUMNS : ZONE_COLUMNS;
  const convert = table === 'incidents' ? toIncident : toZone;
  const labelColumn = table === 'incidents' ? 'title' : 'name';
  let group: Raw[] = [];
  const flush = function* (): Generator<SourceRow<Incident> | SourceRow<Zone>> {
    if (group.length === 1) yield convert(group[0]!);
    else if (group.length > 1) {
      for (const raw of group) {
        yield {
          ok: false,
          fid: raw.fid,
          id: typeof raw.id === 'string' ? raw.id : null,
          label: label(raw, labelColumn),
          reasons: [`its id is shared by ${group.length} rows of the file, so none of them can be trusted`],
        };
      }
    }
    group = [];
  };
  for (const raw of db.prepare(selectSql(table, columns)).iterate() as IterableIterator<Raw>) {
    if (group.length > 0 && (group[0]!.id !== raw.id || raw.id === null)) yield* flush();
    group.push(raw);
  }
  yield* flush();
}

/** Columns of `table` the file lacks (an altered or foreign table), in our column order. */
export function missingColumns(db: Database.Database, table: MergeTable): string[] {
  const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
  const columns = table === 'incidents' ? INCIDENT_COLUMNS : ZONE_COLUMNS;
  return ['fid', ...columns].filter((c) => !present.has(c));
}
