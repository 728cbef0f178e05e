import type Database from 'better-sqlite3';
import { GPKG_APPLICATION_ID, GPKG_CORE_TABLES_SQL, GPKG_SRS_ROWS_SQL, GPKG_USER_VERSION, SQL_NOW } from '../gpkgCore';
import { createSpatialIndexSql } from '../rtree';
import type { Migration } from './migration';

/**
 * Schema 1: an empty Faultline case. A GeoPackage 1.4 with
 *   - the mandatory tables (gpkg_spatial_ref_sys with -1, 0 and 4326, gpkg_contents,
 *     gpkg_geometry_columns) and gpkg_extensions;
 *   - feature tables `incidents` (POINT) and `zones` (GEOMETRY), each with an R*Tree index;
 *   - attribute tables `faultline_meta` (key/value) and `audit_log`.
 *
 * Identity. GeoPackage requires an INTEGER PRIMARY KEY on every user table, and the R*Tree is
 * keyed by it. That key, `fid`, is a local row number only: two case files number their rows
 * independently, so the same fid means different incidents in different files. What identifies
 * a row everywhere (merge, import, export, audit) is `id`, a UUID that travels with the row.
 * Nothing may ever match rows across files by fid.
 *
 * Column types are GeoPackage types only (TEXT, INTEGER, REAL, DATETIME, POINT, GEOMETRY...).
 * `occurred_at` is TEXT, not DATE/DATETIME, because it holds a day or a day with local time
 * (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), neither of which is a GeoPackage DATETIME. Tags are one
 * TEXT joined by "; ", as ACLED exports them. CHECK constraints use built-in SQL only, so any
 * SQLite (QGIS, GDAL, the sqlite3 shell) can enforce them.
 */

const HEX = '[0-9a-f]';
const UUID_GLOB = `'${[8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-')}'`;
const UUID_CHECK = (col: string) => `${col} GLOB ${UUID_GLOB}`;
const DIGITS = (n: number) => '[0-9]'.repeat(n);
const DAY_GLOB = `${DIGITS(4)}-${DIGITS(2)}-${DIGITS(2)}`;
const DATETIME_CHECK = (col: string) => `${col} GLOB '${DAY_GLOB}T${DIGITS(2)}:${DIGITS(2)}:${DIGITS(2)}.${DIGITS(3)}Z'`;
const EVENT_DATE_CHECK = (col: string) => `${col} GLOB '${DAY_GLOB}' OR ${col} GLOB '${DAY_GLOB}T${DIGITS(2)}:${DIGITS(2)}'`;
/**
 * A whole number in a range. Comparisons, not `IN (1, 2, 3)`: SQLite evaluates a constant IN
 * list inside a CHECK through a temporary index on every row, which made bulk inserts of
 * 100,000 incidents markedly slower. For the same reason text enumerations below use BETWEEN
 * or OR chains.
 */
const WHOLE = (col: string, min: number, max?: number) =>
  `typeof(${col}) = 'integer' AND ${col} >= ${min}` + (max === undefined ? '' : ` AND ${col} <= ${max}`);

/** Provenance columns every row carries (DESIGN §3). `author` is who changed the row last. */
const PROVENANCE_COLUMNS = `
    created_at DATETIME NOT NULL CHECK (${DATETIME_CHECK('created_at')}),
    updated_at DATETIME NOT NULL CHECK (${DATETIME_CHECK('updated_at')}),
    created_by TEXT NOT NULL,
    author TEXT NOT NULL,
    origin_case TEXT NOT NULL CHECK (${UUID_CHECK('origin_case')}),
    deleted_at DATETIME CHECK (deleted_at IS NULL OR ${DATETIME_CHECK('deleted_at')})`;

const GRADING_COLUMNS = `
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (length(reliability) = 1 AND reliability BETWEEN 'A' AND 'F'),
    credibility INTEGER NOT NULL DEFAULT 6 CHECK (${WHOLE('credibility', 1, 6)})`;

const INCIDENTS_SQL = `CREATE TABLE incidents (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (${UUID_CHECK('id')}),
    geom POINT NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    occurred_at TEXT NOT NULL CHECK (${EVENT_DATE_CHECK('occurred_at')}),
    time_precision INTEGER NOT NULL CHECK (${WHOLE('time_precision', 1, 3)}),
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL DEFAULT '',
    actor2 TEXT NOT NULL DEFAULT '',
    fatalities INTEGER NOT NULL DEFAULT 0 CHECK (${WHOLE('fatalities', 0)}),
    injured INTEGER NOT NULL DEFAULT 0 CHECK (${WHOLE('injured', 0)}),
    location_name TEXT NOT NULL DEFAULT '',
    geo_precision INTEGER NOT NULL CHECK (${WHOLE('geo_precision', 1, 3)}),
    country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',${GRADING_COLUMNS},
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',${PROVENANCE_COLUMNS}
  )`;

/**
 * Zones are built by a later issue; the table exists from the start so every case file has the
 * same layers. A circle is stored as its polygon plus centre and radius (DESIGN §4).
 */
const ZONES_SQL = `CREATE TABLE zones (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (${UUID_CHECK('id')}),
    geom GEOMETRY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    force TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    affiliation TEXT NOT NULL DEFAULT 'unknown',
    sidc TEXT NOT NULL DEFAULT '',
    strength TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    valid_from TEXT CHECK (valid_from IS NULL OR ${EVENT_DATE_CHECK('valid_from')}),
    valid_to TEXT CHECK (valid_to IS NULL OR ${EVENT_DATE_CHECK('valid_to')}),
    source TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',${GRADING_COLUMNS},
    notes TEXT NOT NULL DEFAULT '',
    circle_center_lon REAL CHECK (circle_center_lon IS NULL OR circle_center_lon BETWEEN -180 AND 180),
    circle_center_lat REAL CHECK (circle_center_lat IS NULL OR circle_center_lat BETWEEN -90 AND 90),
    circle_radius_m REAL CHECK (circle_radius_m IS NULL OR circle_radius_m > 0),${PROVENANCE_COLUMNS}
  )`;

const META_SQL = `CREATE TABLE faultline_meta (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
  )`;

/**
 * One row per change. `row_id` is the changed row's `id` (UUID), or NULL for an entry that
 * covers a bulk write (see caseStore `saveIncidentsBulk`). `before`/`after` are JSON text.
 */
const AUDIT_SQL = `CREATE TABLE audit_log (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (${UUID_CHECK('id')}),
    at DATETIME NOT NULL CHECK (${DATETIME_CHECK('at')}),
    author TEXT NOT NULL,
    case_id TEXT NOT NULL CHECK (${UUID_CHECK('case_id')}),
    table_name TEXT NOT NULL,
    row_id TEXT,
    action TEXT NOT NULL CHECK (action = 'create' OR action = 'update' OR action = 'delete' OR action = 'restore'),
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after))
  )`;

const CONTENTS_SQL = `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES
  ('incidents', 'features', 'Incidents', 'Incidents (ACLED-compatible fields, Admiralty grading)', ${SQL_NOW}, 4326),
  ('zones', 'features', 'Zones', 'Deployment, patrol and exclusion zones, checkpoints and routes', ${SQL_NOW}, 4326),
  ('faultline_meta', 'attributes', 'Faultline case metadata', 'Case id, name and schema version', ${SQL_NOW}, NULL),
  ('audit_log', 'attributes', 'Audit log', 'Who changed what, with the row before and after', ${SQL_NOW}, NULL)`;

const GEOMETRY_COLUMNS_SQL = `INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES
  ('incidents', 'geom', 'POINT', 4326, 0, 0),
  ('zones', 'geom', 'GEOMETRY', 4326, 0, 0)`;

export const migration1Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database) {
    db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
    db.pragma(`user_version = ${GPKG_USER_VERSION}`);
    const statements = [
      ...GPKG_CORE_TABLES_SQL,
      GPKG_SRS_ROWS_SQL,
      INCIDENTS_SQL,
      ZONES_SQL,
      META_SQL,
      AUDIT_SQL,
      `CREATE INDEX incidents_occurred_at ON incidents (occurred_at)`,
      `CREATE INDEX zones_valid_from ON zones (valid_from)`,
      `CREATE INDEX audit_log_row ON audit_log (table_name, row_id)`,
      CONTENTS_SQL,
      GEOMETRY_COLUMNS_SQL,
      ...createSpatialIndexSql({ table: 'incidents', column: 'geom', pk: 'fid' }),
      ...createSpatialIndexSql({ table: 'zones', column: 'geom', pk: 'fid' }),
    ];
    for (const sql of statements) db.exec(sql);
  },
};
