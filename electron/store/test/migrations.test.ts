import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { openNewForWriting } from '../connection';
import { encodeGpkgGeometry, encodeGpkgPoint } from '../gpkgBinary';
import { GPKG_APPLICATION_ID, GPKG_USER_VERSION } from '../gpkgCore';
import { readSchemaVersion, writeMeta } from '../meta';
import { migration1Initial } from '../migrations/1-initial';
import { migration2MergeState } from '../migrations/2-merge-state';
import { migration3ReferenceOverlays } from '../migrations/3-reference-overlays';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../migrations/index';
import type { Migration } from '../migrations/migration';
import { checkMigrationList, runMigrations } from '../migrations/runner';
import { findSchemaProblem } from '../schemaCheck';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
function memoryDb(): Database.Database {
  const db = openNewForWriting(':memory:');
  open.push(db);
  return db;
}

const names = (db: Database.Database, type: string) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);

const UUID = '00000000-0000-4000-8000-000000000001';
const NOW = '2023-05-29T10:00:00.000Z';

function insertIncident(db: Database.Database, fid: number, geom: Buffer, overrides: Record<string, unknown> = {}) {
  const row = {
    fid,
    id: `00000000-0000-4000-8000-${String(fid).padStart(12, '0')}`,
    geom,
    title: 'A title',
    occurred_at: '2023-05-29',
    time_precision: 1,
    event_type: 'Riots',
    sub_event_type: 'Mob violence',
    geo_precision: 1,
    created_at: NOW,
    updated_at: NOW,
    created_by: 'Ana',
    author: 'Ana',
    origin_case: UUID,
    ...overrides,
  };
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO incidents (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

const rtree = (db: Database.Database) => db.prepare(`SELECT id, minx, maxx, miny, maxy FROM rtree_incidents_geom ORDER BY id`).all();

describe('migration 1: initial', () => {
  it('makes an empty database a GeoPackage 1.4 with the case tables', () => {
    const db = memoryDb();
    db.transaction(() => migration1Initial.up(db))();
    expect(db.pragma('application_id', { simple: true })).toBe(GPKG_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(GPKG_USER_VERSION);
    expect(names(db, 'table')).toEqual(
      expect.arrayContaining([
        'gpkg_spatial_ref_sys',
        'gpkg_contents',
        'gpkg_geometry_columns',
        'gpkg_extensions',
        'incidents',
        'zones',
        'faultline_meta',
        'audit_log',
        'rtree_incidents_geom',
        'rtree_zones_geom',
      ]),
    );
    expect(db.prepare(`SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id`).all()).toEqual([
      { srs_id: -1, organization: 'NONE', organization_coordsys_id: -1 },
      { srs_id: 0, organization: 'NONE', organization_coordsys_id: 0 },
      { srs_id: 4326, organization: 'EPSG', organization_coordsys_id: 4326 },
    ]);
    expect(db.prepare(`SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4326`).pluck().get()).toMatch(/^GEOGCS\["WGS 84"/);
    expect(db.prepare(`SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name`).all()).toEqual([
      { table_name: 'audit_log', data_type: 'attributes', srs_id: null },
      { table_name: 'faultline_meta', data_type: 'attributes', srs_id: null },
      { table_name: 'incidents', data_type: 'features', srs_id: 4326 },
      { table_name: 'zones', data_type: 'features', srs_id: 4326 },
    ]);
    expect(db.prepare(`SELECT * FROM gpkg_geometry_columns ORDER BY table_name`).all()).toEqual([
      { table_name: 'incidents', column_name: 'geom', geometry_type_name: 'POINT', srs_id: 4326, z: 0, m: 0 },
      { table_name: 'zones', column_name: 'geom', geometry_type_name: 'GEOMETRY', srs_id: 4326, z: 0, m: 0 },
    ]);
    expect(db.prepare(`SELECT table_name, extension_name, scope FROM gpkg_extensions ORDER BY table_name`).all()).toEqual([
      { table_name: 'incidents', extension_name: 'gpkg_rtree_index', scope: 'write-only' },
      { table_name: 'zones', extension_name: 'gpkg_rtree_index', scope: 'write-only' },
    ]);
    expect(names(db, 'trigger')).toEqual(
      ['incidents', 'zones'].flatMap((t) =>
        ['delete', 'insert', 'update1', 'update2', 'update3', 'update4'].map((w) => `rtree_${t}_geom_${w}`),
      ),
    );
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['incidents_occurred_at', 'audit_log_row']));
    // The unique constraint on the UUID is the id index.
    const idIndex = db.prepare(`SELECT name FROM pragma_index_list('incidents') WHERE "unique" = 1 AND origin = 'u'`).pluck().all();
    expect(idIndex).toHaveLength(1);
    expect(findSchemaProblem(db, 'test')).toBeNull();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps the R*Tree in step through the triggers on insert, update and delete', () => {
    const db = memoryDb();
    db.transaction(() => migration1Initial.up(db))();
    insertIncident(db, 1, encodeGpkgPoint(20.5, 43.25));
    insertIncident(db, 2, encodeGpkgPoint(19, 44));
    expect(rtree(db)).toEqual([
      { id: 1, minx: 20.5, maxx: 20.5, miny: 43.25, maxy: 43.25 },
      { id: 2, minx: 19, maxx: 19, miny: 44, maxy: 44 },
    ]);
    db.prepare(`UPDATE incidents SET geom = ? WHERE fid = 1`).run(encodeGpkgPoint(18.5, 42.5));
    db.prepare(`UPDATE incidents SET fid = 7 WHERE fid = 2`).run();
    expect(rtree(db)).toEqual([
      { id: 1, minx: 18.5, maxx: 18.5, miny: 42.5, maxy: 42.5 },
      { id: 7, minx: 19, maxx: 19, miny: 44, maxy: 44 },
    ]);
    db.prepare(`DELETE FROM incidents WHERE fid = 1`).run();
    expect(rtree(db)).toEqual([{ id: 7, minx: 19, maxx: 19, miny: 44, maxy: 44 }]);
  });

  it('indexes zones of any geometry type by their envelope, and drops empty ones from the index', () => {
    const db = memoryDb();
    db.transaction(() => migration1Initial.up(db))();
    const polygon = encodeGpkgGeometry({ type: 'Polygon', coordinates: [[[20, 42], [21, 42], [21, 43.5], [20, 42]]] });
    const insert = db.prepare(
      `INSERT INTO zones (fid, id, geom, name, kind, created_at, updated_at, created_by, author, origin_case)
       VALUES (?, ?, ?, 'Zone', 'patrol area', '${NOW}', '${NOW}', 'Ana', 'Ana', '${UUID}')`,
    );
    insert.run(1, UUID, polygon);
    expect(db.prepare(`SELECT minx, maxx, miny, maxy FROM rtree_zones_geom`).all()).toEqual([{ minx: 20, maxx: 21, miny: 42, maxy: 43.5 }]);
    db.prepare(`UPDATE zones SET geom = ? WHERE fid = 1`).run(encodeGpkgGeometry({ type: 'MultiPolygon', coordinates: [] }));
    expect(db.prepare(`SELECT count(*) FROM rtree_zones_geom`).pluck().get()).toBe(0);
  });

  it('refuses impossible values with CHECK constraints', () => {
    const db = memoryDb();
    db.transaction(() => migration1Initial.up(db))();
    const point = encodeGpkgPoint(20, 43);
    expect(() => insertIncident(db, 1, point, { fatalities: -1 })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 2, point, { fatalities: 1.5 })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 3, point, { reliability: 'G' })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 4, point, { credibility: 7 })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 5, point, { occurred_at: '29/05/2023' })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 6, point, { created_at: '2023-05-29 10:00:00' })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 7, point, { id: 'not-a-uuid' })).toThrow(/CHECK constraint/);
    expect(() => insertIncident(db, 8, point, { title: '   ' })).toThrow(/CHECK constraint/);
    insertIncident(db, 9, point, { occurred_at: '2023-09-24T03:00' });
    expect(db.prepare(`SELECT count(*) FROM incidents`).pluck().get()).toBe(1);
  });
});

describe('migration 2: merge state', () => {
  it('adds the merge tables as GeoPackage attribute tables, to a case of schema 1 with its rows', () => {
    const db = memoryDb();
    db.transaction(() => migration1Initial.up(db))();
    insertIncident(db, 1, encodeGpkgPoint(20.8, 42.9));
    db.transaction(() => migration2MergeState.up(db))();
    for (const table of ['row_revisions', 'merge_conflicts', 'merge_imports']) {
      expect(names(db, 'table')).toContain(table);
      expect(db.prepare(`SELECT data_type FROM gpkg_contents WHERE table_name = ?`).pluck().get(table)).toBe('attributes');
    }
    expect(db.prepare(`SELECT count(*) FROM incidents`).pluck().get()).toBe(1);
    db.prepare(`INSERT INTO row_revisions (table_name, row_id, rev) VALUES ('incidents', ?, 'abc')`).run(UUID);
    expect(() => db.prepare(`INSERT INTO row_revisions (table_name, row_id, rev) VALUES ('incidents', ?, 'abc')`).run(UUID)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO row_revisions (table_name, row_id, rev) VALUES ('audit_log', ?, 'x')`).run(UUID)).toThrow(/CHECK/);
    expect(findSchemaProblem(db, 'the case')).toBeNull();
  });
});

describe('migration 3: reference overlays', () => {
  it('adds the overlay tables, the features one as a GeoPackage feature layer of any geometry', () => {
    const db = memoryDb();
    db.transaction(() => {
      migration1Initial.up(db);
      migration2MergeState.up(db);
      migration3ReferenceOverlays.up(db);
    })();
    expect(db.prepare(`SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = 'reference_features'`).get()).toEqual({ data_type: 'features', srs_id: 4326 });
    expect(db.prepare(`SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'reference_features'`).pluck().get()).toBe('GEOMETRY');
    expect(db.prepare(`SELECT data_type FROM gpkg_contents WHERE table_name = 'reference_overlays'`).pluck().get()).toBe('attributes');
    const insert = db.prepare(`INSERT INTO reference_overlays (id, name, color, source_file, feature_count, created_at, created_by) VALUES (?, 'Borders', ?, 'b.kml', 0, '2023-06-01T10:00:00.000Z', 'Ana')`);
    insert.run(UUID, '#1c5d99');
    expect(() => insert.run('00000000-0000-4000-8000-000000000002', 'red')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO reference_features (overlay_id, geom, properties) VALUES (?, ?, 'not json')`).run(UUID, encodeGpkgPoint(20, 42))).toThrow(/CHECK/);
    expect(findSchemaProblem(db, 'the case')).toBeNull();
  });
});

describe('migration runner', () => {
  it('runs every migration on an empty database and records the version in faultline_meta', () => {
    const db = memoryDb();
    expect(runMigrations(db)).toEqual({ from: 0, to: CURRENT_SCHEMA_VERSION });
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(GPKG_USER_VERSION); // untouched by us
    expect(runMigrations(db)).toEqual({ from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION });
  });

  it('checks that the list is ordered and gapless', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    const noop = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} });
    expect(() => checkMigrationList([noop(1), noop(3)])).toThrow(/position 2 holds version 3/);
    expect(() => checkMigrationList([noop(2), noop(1)])).toThrow(/out of order or has a gap/);
    expect(() => checkMigrationList([])).toThrow(/empty/);
  });

  it('runs only pending migrations', () => {
    const db = memoryDb();
    runMigrations(db);
    const ran: number[] = [];
    const extra: Migration = {
      version: CURRENT_SCHEMA_VERSION + 1,
      name: 'test',
      up: () => {
        ran.push(CURRENT_SCHEMA_VERSION + 1);
      },
    };
    expect(runMigrations(db, [...MIGRATIONS, extra])).toEqual({ from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION + 1 });
    expect(ran).toEqual([CURRENT_SCHEMA_VERSION + 1]);
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION + 1);
  });

  it('rolls back a failing migration alone and leaves the previous version', () => {
    const db = memoryDb();
    runMigrations(db);
    const failing: Migration = {
      version: CURRENT_SCHEMA_VERSION + 1,
      name: 'fails halfway',
      up: (d) => {
        d.exec(`CREATE TABLE half_done (fid INTEGER PRIMARY KEY)`);
        throw new Error('disk on fire');
      },
    };
    expect(() => runMigrations(db, [...MIGRATIONS, failing])).toThrow(/disk on fire/);
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(names(db, 'table')).not.toContain('half_done');
  });

  it('refuses a database written by a newer Faultline', () => {
    const db = memoryDb();
    runMigrations(db);
    writeMeta(db, 'schema_version', String(CURRENT_SCHEMA_VERSION + 5));
    let error: unknown;
    try {
      runMigrations(db);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('bad_file');
    expect((error as ApiError).message).toBe(
      `This case was written by a newer version of Faultline (schema ${CURRENT_SCHEMA_VERSION + 5}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Faultline to open it.`,
    );
  });
});
