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

/** One column as read through the guards: text and blobs cut, an oversized geometry not read. */
function guardedColumn(table: MergeTable, c: string): string {
  if (c === 'geom') {
    const cap = GEOMETRY_CAP[table];
    return `CASE WHEN length(geom) <= ${cap} THEN geom END AS geom, length(geom) > ${cap} AS geom_too_large`;
  }
  const cap = (TEXT_CAP[c] ?? DEFAULT_TEXT_CAP) + 1;
  return `CASE WHEN typeof(${c}) IN ('text', 'blob') THEN substr(${c}, 1, ${cap}) ELSE ${c} END AS ${c}`;
}

/**
 * Rows holding a value that may be over its limit: octet_length is cheap (no decoding), and a
 * character is at most 4 bytes, so any text within its limit passes; only these rows are read
 * through the guards, the others (nearly all, in a real case) as they are.
 */
function oversizedCondition(table: MergeTable, columns: readonly string[]): string {
  return columns
    .map((c) => (c === 'geom' ? `octet_length(geom) > ${GEOMETRY_CAP[table]}` : `octet_length(${c}) > ${((TEXT_CAP[c] ?? DEFAULT_TEXT_CAP) + 1) * 4}`))
    .join(' OR ');
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

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * `schema.safeParse(value)`, or, for a row the preview already validated in these very bytes
 * (see readSourceRows), the value as it is: the schemas have no transforms, so for a valid
 * row what they return is what they were given.
 */
function check<T>(schema: { safeParse(v: unknown): Parsed<T> }, value: unknown, trusted: boolean): Parsed<T> {
  return trusted ? { success: true, data: value as T } : schema.safeParse(value);
}

function provenanceOf(raw: Raw, reasons: string[], trusted: boolean) {
  const parsed = check(ProvenanceSchema, {
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    author: raw.author,
    origin_case: raw.origin_case,
    deleted_at: raw.deleted_at ?? null,
  }, trusted);
  if (!parsed.success) reasons.push(...issues(parsed.error));
  const createdBy = check(ProvenanceSchema.shape.author, raw.created_by, trusted);
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

function toIncident(raw: Raw, trusted: boolean): SourceRow<Incident> {
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
  const fields = check(IncidentFieldsSchema, {
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
  }, trusted);
  if (!fields.success) reasons.push(...issues(fields.error));
  const admin = check(AdminAreaSchema, { country: raw.country, admin1: raw.admin1, admin2: raw.admin2 }, trusted);
  if (!admin.success) reasons.push(...issues(admin.error));
  const stamps = provenanceOf(raw, reasons, trusted);
  if (!fields.success || !admin.success || !stamps) return bad();
  return {
    ok: true,
    fid: raw.fid,
    value: { id: id!, fields: fields.data, admin: admin.data, provenance: stamps.provenance },
    createdBy: stamps.createdBy,
  };
}

/** Zones are few and their shapes complex: they are always validated in full. */
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
  const fields = check(ZoneFieldsSchema, {
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
  }, false);
  if (!fields.success) reasons.push(...issues(fields.error));
  const stamps = provenanceOf(raw, reasons, false);
  if (!fields.success || !stamps) return bad();
  return { ok: true, fid: raw.fid, value: { id: id!, fields: fields.data, provenance: stamps.provenance }, createdBy: stamps.createdBy };
}

/**
 * Rows of `table`, validated, in the file's row order. Rows that share an id are all skipped.
 * Reads with `iterate()`, so memory stays flat however large the file is.
 *
 * `validated`: the fids the preview skipped, when these are the very bytes the preview read
 * (the caller checks the copy's SHA-256). Then the incidents the preview accepted are not run
 * through the schemas a second time: the same bytes through the same code give the same
 * answer, and the schema checks are the largest cost of a 100,000-incident import after the
 * inserts themselves. The cheap checks (id, geometry, missing values) still run, and the
 * case file's CHECK constraints stay as the backstop.
 */
export function readSourceRows(db: Database.Database, table: 'incidents', validated?: ReadonlySet<number>): Generator<SourceRow<Incident>>;
export function readSourceRows(db: Database.Database, table: 'zones', validated?: ReadonlySet<number>): Generator<SourceRow<Zone>>;
export function readSourceRows(db: Database.Database, table: MergeTable, validated?: ReadonlySet<number>): Generator<SourceRow<Incident> | SourceRow<Zone>>;
export function* readSourceRows(db: Database.Database, table: MergeTable, validated?: ReadonlySet<number>): Generator<SourceRow<Incident> | SourceRow<Zone>> {
  const columns = table === 'incidents' ? INCIDENT_COLUMNS : ZONE_COLUMNS;
  const convert = (raw: Raw) => (table === 'incidents' ? toIncident(raw, validated !== undefined && !validated.has(raw.fid)) : toZone(raw));
  const labelColumn = table === 'incidents' ? 'title' : 'name';
  // Ids used by more than one row (a crafted file: ours has a UNIQUE index on id).
  const shared = new Map<unknown, number>(
    // Ids longer than a UUID are refused row by row anyway, and are not read here.
    (db.prepare(`SELECT id, count(*) FROM ${table} WHERE id IS NOT NULL AND octet_length(id) <= 80 GROUP BY id HAVING count(*) > 1`).raw().all() as [unknown, number][]),
  );
  const oversized = db.prepare(`SELECT fid FROM ${table} WHERE ${oversizedCondition(table, columns)}`).pluck().all() as number[];
  const names = ['fid', ...columns];
  const reads: [Database.Statement, unknown[]][] = [];
  if (oversized.length === 0) {
    reads.push([db.prepare(`SELECT fid, ${columns.join(', ')} FROM ${table}`), []]);
  } else {
    const list = JSON.stringify(oversized);
    reads.push([db.prepare(`SELECT fid, ${columns.join(', ')} FROM ${table} WHERE fid NOT IN (SELECT value FROM json_each(?))`), [list]]);
    reads.push([db.prepare(`SELECT fid, ${columns.map((c) => guardedColumn(table, c)).join(', ')} FROM ${table} WHERE fid IN (SELECT value FROM json_each(?))`), [list]]);
  }
  for (const [statement, params] of reads) {
    const guarded = statement.columns().some((c) => c.name === 'geom_too_large');
    const keys = guarded ? statement.columns().map((c) => c.name) : names;
    const build = table === 'incidents' && !guarded ? incidentRaw : (values: unknown[]) => genericRaw(keys, values);
    for (const values of statement.raw().iterate(...params) as IterableIterator<unknown[]>) {
      const raw = build(values);
      const copies = shared.get(raw.id);
      if (copies !== undefined) {
        yield {
          ok: false,
          fid: raw.fid,
          id: typeof raw.id === 'string' ? raw.id : null,
          label: label(raw, labelColumn),
          reasons: [`its id is shared by ${copies} rows of the file, so none of them can be trusted`],
        };
      } else {
        yield convert(raw);
      }
    }
  }
}

/**
 * Up to `limit` rows of `table` after row number `afterFid`, in fid order, through the guards,
 * validated; for reading what can be read of a damaged file (recovery.ts), a slice at a time.
 */
export function readRowsAfter(db: Database.Database, table: MergeTable, afterFid: number, limit: number): (SourceRow<Incident> | SourceRow<Zone>)[] {
  const columns = table === 'incidents' ? INCIDENT_COLUMNS : ZONE_COLUMNS;
  const statement = db.prepare(`SELECT fid, ${columns.map((c) => guardedColumn(table, c)).join(', ')} FROM ${table} WHERE fid > ? ORDER BY fid LIMIT ?`);
  const keys = statement.columns().map((c) => c.name);
  return (statement.raw().all(afterFid, limit) as unknown[][]).map((values) => {
    const raw = genericRaw(keys, values);
    return table === 'incidents' ? toIncident(raw, false) : toZone(raw);
  });
}

function genericRaw(keys: string[], values: unknown[]): Raw {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) raw[keys[i]!] = values[i];
  return raw as Raw;
}

/**
 * An incident row from `SELECT fid, <INCIDENT_COLUMNS>` in raw (array) mode. Written out, so
 * V8 builds every row with one shape: at 100,000 rows this is several times cheaper than
 * better-sqlite3's objects or a loop over column names.
 */
function incidentRaw(v: unknown[]): Raw {
  return {
    fid: v[0] as number,
    id: v[1], geom: v[2], title: v[3], occurred_at: v[4], time_precision: v[5], event_type: v[6], sub_event_type: v[7],
    actor1: v[8], actor2: v[9], fatalities: v[10], injured: v[11], location_name: v[12], geo_precision: v[13],
    country: v[14], admin1: v[15], admin2: v[16], source: v[17], source_url: v[18], reliability: v[19],
    credibility: v[20], notes: v[21], tags: v[22], created_at: v[23], updated_at: v[24], created_by: v[25],
    author: v[26], origin_case: v[27], deleted_at: v[28],
  };
}
const INCIDENT_RAW_ORDER = ['fid', ...INCIDENT_COLUMNS].join();
if (Object.keys(incidentRaw([])).join() !== INCIDENT_RAW_ORDER) throw new Error('incidentRaw is out of step with INCIDENT_COLUMNS');

/** Columns of `table` the file lacks (an altered or foreign table), in our column order. */
export function missingColumns(db: Database.Database, table: MergeTable): string[] {
  const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
  const columns = table === 'incidents' ? INCIDENT_COLUMNS : ZONE_COLUMNS;
  return ['fid', ...columns].filter((c) => !present.has(c));
}
