import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createCase, openCase } from '../caseStore';
import { encodeGpkgPoint } from '../gpkgBinary';
import { CURRENT_SCHEMA_VERSION } from '../migrations/index';
import { GPKG14_TRIGGER_SET, WRITTEN_TRIGGER_SET, spatialIndexTriggerSql, triggerName } from '../rtree';
import { inspectCaseFile, type CaseFileProblem } from '../inspectCaseFile';
import { registerSpatialFunctions } from '../spatialFunctions';
import { AUTHOR, ZVECAN, sampleFields, tempDir } from './helpers';

const CASE_ID = '0b9e7c1d-3a5f-4e2b-8c6d-1f0a9b8c7d6e';

/** A closed case file with `n` incidents. */
function makeCase(dir: string, name = 'case.gpkg', n = 3): string {
  const file = path.join(dir, name);
  const store = createCase(file, { name: 'Test case', author: AUTHOR, id: CASE_ID });
  if (n > 0) {
    store.saveIncidentsBulk(
      Array.from({ length: n }, (_, i) => ({ fields: sampleFields({ title: `Incident ${i}`, notes: 'x'.repeat(200) }), admin: ZVECAN })),
      AUTHOR,
    );
  }
  store.close();
  return file;
}

/** Changes a file behind Faultline's back, as another program would. */
function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  registerSpatialFunctions(db);
  change(db);
  db.close();
}

function expectProblem(file: string, problem: CaseFileProblem, message: string | RegExp): void {
  const result = inspectCaseFile(file);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem).toBe(problem);
  if (typeof message === 'string') expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
}

function openError(file: string): ApiError {
  try {
    openCase(file).close();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('openCase accepted the file');
}

describe('inspectCaseFile accepts', () => {
  it('a case Faultline wrote, and reports what is in it', () => {
    const file = makeCase(tempDir());
    expect(inspectCaseFile(file)).toEqual({
      ok: true,
      info: { caseId: CASE_ID, name: 'Test case', schemaVersion: CURRENT_SCHEMA_VERSION, incidents: 3, zones: 0 },
    });
  });

  it('a symlink to a case', () => {
    const dir = tempDir();
    const file = makeCase(dir);
    const link = path.join(dir, 'link.gpkg');
    fs.symlinkSync(file, link);
    expect(inspectCaseFile(link).ok).toBe(true);
  });

  it('GDAL’s feature-count triggers (added when QGIS edits the file)', () => {
    const file = makeCase(tempDir());
    tamper(file, (db) => {
      db.exec(`CREATE TABLE gpkg_ogr_contents (table_name TEXT NOT NULL PRIMARY KEY, feature_count INTEGER DEFAULT NULL)`);
      db.exec(`INSERT INTO gpkg_ogr_contents VALUES ('incidents', 3)`);
      db.exec(
        `CREATE TRIGGER "trigger_insert_feature_count_incidents" AFTER INSERT ON "incidents" BEGIN UPDATE gpkg_ogr_contents SET feature_count = feature_count + 1 WHERE lower(table_name) = lower('incidents'); END`,
      );
      db.exec(
        `CREATE TRIGGER "trigger_delete_feature_count_incidents" AFTER DELETE ON "incidents" BEGIN UPDATE gpkg_ogr_contents SET feature_count = feature_count - 1 WHERE lower(table_name) = lower('incidents'); END`,
      );
    });
    expect(inspectCaseFile(file).ok).toBe(true);
    const store = openCase(file);
    store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT feature_count FROM gpkg_ogr_contents`).pluck().get()).toBe(4);
    db.close();
  });

  it('our R*Tree triggers as GDAL spells them (quoted, on one line)', () => {
    const file = makeCase(tempDir());
    tamper(file, (db) => {
      const spec = { table: 'incidents', column: 'geom', pk: 'fid' };
      for (const which of WRITTEN_TRIGGER_SET) {
        const name = triggerName(spec, which);
        const gdalStyle = spatialIndexTriggerSql(spec, which)
          .replace(/\s+/g, ' ')
          .replace(/\b(rtree_incidents_geom\w*|incidents|geom|fid)\b/g, '"$1"')
          .replace(/" \(/g, '"(');
        db.exec(`DROP TRIGGER ${name}`);
        db.exec(gdalStyle);
      }
    });
    expect(inspectCaseFile(file).ok).toBe(true);
  });

  it('the GeoPackage 1.4 trigger set, and keeps the index right through it', () => {
    const file = makeCase(tempDir(), 'case.gpkg', 0);
    tamper(file, (db) => {
      const spec = { table: 'incidents', column: 'geom', pk: 'fid' };
      for (const which of WRITTEN_TRIGGER_SET) db.exec(`DROP TRIGGER ${triggerName(spec, which)}`);
      for (const which of GPKG14_TRIGGER_SET) db.exec(spatialIndexTriggerSql(spec, which));
    });
    expect(inspectCaseFile(file).ok).toBe(true);
    const store = openCase(file);
    const a = store.saveIncident({ fields: sampleFields({ lon: 20, lat: 43 }) }, ZVECAN, AUTHOR);
    store.saveIncident({ id: a.id, fields: sampleFields({ lon: 19, lat: 44 }) }, ZVECAN, AUTHOR); // update6
    expect(store.listIncidents({ bbox: [18.9, 43.9, 19.1, 44.1] }).map((i) => i.id)).toEqual([a.id]);
    expect(store.listIncidents({ bbox: [19.9, 42.9, 20.1, 43.1] })).toEqual([]);
    store.close();
  });
});

describe('inspectCaseFile refuses, with one sentence', () => {
  it('a case with a computed column, before its integrity check reads a row (and Open Case too)', () => {
    const file = makeCase(tempDir(), 'computed.gpkg');
    // 64 MB built each time one row's column is read, over every row: an integrity check
    // that read it would run for minutes and take gigabytes.
    tamper(file, (db) => db.exec(`ALTER TABLE incidents ADD COLUMN pad TEXT GENERATED ALWAYS AS (printf('%.*c', 67108864, 'x')) VIRTUAL`));
    const message = '“computed.gpkg” has a computed column “pad” in its table “incidents”, which no Faultline case has; it is not opened.';
    expectProblem(file, 'computed_columns', message);
    expect(openError(file).message).toBe(message);
  });

  it('a missing file', () => {
    const dir = tempDir();
    expectProblem(path.join(dir, 'gone.gpkg'), 'not_found', '“gone.gpkg” does not exist.');
    expect(openError(path.join(dir, 'gone.gpkg')).code).toBe('not_found');
  });

  it('a folder', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.gpkg'));
    expectProblem(path.join(dir, 'folder.gpkg'), 'not_a_file', '“folder.gpkg” is a folder, not a case file.');
  });

  it.skipIf(process.platform === 'win32')('a symlink to a device', () => {
    const dir = tempDir();
    const link = path.join(dir, 'device.gpkg');
    fs.symlinkSync('/dev/null', link);
    expectProblem(link, 'not_a_file', '“device.gpkg” is not a regular file (it is a device, pipe or socket).');
  });

  it('an empty file', () => {
    const file = path.join(tempDir(), 'empty.gpkg');
    fs.writeFileSync(file, '');
    expectProblem(file, 'not_sqlite', '“empty.gpkg” is empty, not a case file.');
  });

  it('a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'notes.gpkg');
    fs.writeFileSync(file, 'Meeting notes: KFOR reinforcements arrive on Monday.\n'.repeat(50));
    expectProblem(file, 'not_sqlite', '“notes.gpkg” is not a SQLite file.');
    expect(openError(file)).toMatchObject({ code: 'bad_file', message: '“notes.gpkg” is not a SQLite file.' });
  });

  it('a truncated case (an interrupted copy)', () => {
    const file = makeCase(tempDir(), 'cut.gpkg', 500);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectProblem(file, 'corrupt', '“cut.gpkg” is damaged (it is shorter than its header says; it may have been cut off while being copied).');
  });

  it('a case with a damaged page', () => {
    const file = makeCase(tempDir(), 'damaged.gpkg', 500);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // Scribble over the pages in the second half of the file (table b-tree pages).
    for (let p = Math.floor(pages / 2); p < pages - 1; p++) bytes.fill(0xa5, p * pageSize, p * pageSize + 64);
    fs.writeFileSync(file, bytes);
    expectProblem(file, 'corrupt', /^“damaged\.gpkg” is damaged \((integrity check failed: .+|.+malformed.*)\)\.$/);
  });

  it('a SQLite database that is not a GeoPackage', () => {
    const file = path.join(tempDir(), 'plain.gpkg');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expectProblem(file, 'not_gpkg', '“plain.gpkg” is a SQLite database but not a GeoPackage.');
  });

  it('a GeoPackage that is not a Faultline case', () => {
    const file = makeCase(tempDir(), 'other.gpkg', 0);
    tamper(file, (db) => db.exec(`DELETE FROM faultline_meta WHERE key = 'case_id'`));
    expectProblem(file, 'not_faultline', '“other.gpkg” is a GeoPackage but not a Faultline case.');
    const bare = path.join(tempDir(), 'bare.gpkg');
    const db = new Database(bare);
    db.pragma('application_id = 0x47504B47');
    db.exec('CREATE TABLE gpkg_contents (table_name TEXT)');
    db.close();
    expectProblem(bare, 'not_faultline', '“bare.gpkg” is a GeoPackage but not a Faultline case.');
  });

  it('a case from a newer Faultline', () => {
    const file = makeCase(tempDir(), 'future.gpkg');
    tamper(file, (db) => db.prepare(`UPDATE faultline_meta SET value = ? WHERE key = 'schema_version'`).run(String(CURRENT_SCHEMA_VERSION + 1)));
    const message = `“future.gpkg” was written by a newer version of Faultline (schema ${CURRENT_SCHEMA_VERSION + 1}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Faultline to open it.`;
    expectProblem(file, 'newer_schema', message);
    expect(openError(file)).toMatchObject({ code: 'bad_file', message });
  });

  it('a case with a trigger Faultline did not create, without running or changing anything', () => {
    const file = makeCase(tempDir(), 'trap.gpkg');
    tamper(file, (db) => db.exec(`CREATE TRIGGER wipe_audit AFTER INSERT ON incidents BEGIN DELETE FROM audit_log; END`));
    const before = fs.readFileSync(file);
    const message =
      '“trap.gpkg” contains a trigger “wipe_audit” that Faultline did not create, so Faultline will not open it for editing; import its data into a case instead.';
    expectProblem(file, 'foreign_schema_objects', message);
    expect(openError(file)).toMatchObject({ code: 'bad_file', message });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a case where one of our trigger names hides different SQL', () => {
    const file = makeCase(tempDir(), 'swapped.gpkg');
    tamper(file, (db) => {
      db.exec(`DROP TRIGGER rtree_incidents_geom_delete`);
      db.exec(`CREATE TRIGGER rtree_incidents_geom_delete AFTER DELETE ON incidents BEGIN DELETE FROM audit_log; END`);
    });
    expectProblem(file, 'foreign_schema_objects', /contains a trigger “rtree_incidents_geom_delete” that Faultline did not create/);
  });

  it('a case with a view', () => {
    const file = makeCase(tempDir(), 'view.gpkg');
    tamper(file, (db) => db.exec(`CREATE VIEW live AS SELECT * FROM incidents WHERE deleted_at IS NULL`));
    expectProblem(
      file,
      'foreign_schema_objects',
      '“view.gpkg” contains a view “live” that Faultline did not create, so Faultline will not open it for editing; import its data into a case instead.',
    );
  });

  it('a case whose spatial index lost a trigger', () => {
    const file = makeCase(tempDir(), 'stale.gpkg');
    tamper(file, (db) => db.exec(`DROP TRIGGER rtree_incidents_geom_update2`));
    expectProblem(
      file,
      'broken_spatial_index',
      '“stale.gpkg” has an incomplete spatial index on “incidents” (missing rtree_incidents_geom_update2), so edits would not show up on the map.',
    );
  });

  it('a case whose geometry blobs another program broke is still opened, but writes of bad blobs fail', () => {
    // Not a refusal: the schema is fine. The ST_ functions refuse the blob when a trigger meets it.
    const file = makeCase(tempDir(), 'blob.gpkg', 1);
    tamper(file, (db) => {
      expect(() => db.prepare(`UPDATE incidents SET geom = ?`).run(Buffer.from('nonsense'))).toThrow(/truncated|GP/);
      db.prepare(`UPDATE incidents SET geom = ?`).run(encodeGpkgPoint(20, 43));
    });
    expect(inspectCaseFile(file).ok).toBe(true);
  });
});
