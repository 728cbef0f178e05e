import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCase } from '../caseStore';
import { openReadOnly, openVerifiedForWriting } from '../connection';
import { encodeGpkgPoint } from '../gpkgBinary';
import { registerSpatialFunctions } from '../spatialFunctions';
import { AUTHOR, tempDir } from './helpers';

/** The premises of the trusted_schema decision documented in connection.ts. */
describe('trusted_schema', () => {
  function caseFile(): string {
    const file = path.join(tempDir(), 'case.gpkg');
    createCase(file, { name: 'Trust', author: AUTHOR }).close();
    return file;
  }
  const insertSql = `INSERT INTO incidents (id, geom, title, occurred_at, time_precision, event_type, sub_event_type,
      geo_precision, created_at, updated_at, created_by, author, origin_case)
    VALUES ('00000000-0000-4000-8000-000000000001', ?, 'T', '2023-05-29', 1, 'Riots', 'Mob violence', 1,
      '2023-05-29T00:00:00.000Z', '2023-05-29T00:00:00.000Z', 'a', 'a', '00000000-0000-4000-8000-000000000002')`;

  it('with trusted_schema OFF, the R*Tree triggers cannot call our ST_ functions', () => {
    const db = new Database(caseFile());
    registerSpatialFunctions(db);
    db.pragma('trusted_schema = OFF');
    expect(() => db.prepare(insertSql).run(encodeGpkgPoint(20, 43))).toThrow(/unsafe use of ST_IsEmpty/);
    db.close();
  });

  it('a verified connection has trusted_schema ON and can write', () => {
    const db = openVerifiedForWriting(caseFile(), '“case.gpkg”');
    expect(db.pragma('trusted_schema', { simple: true })).toBe(1);
    db.prepare(insertSql).run(encodeGpkgPoint(20, 43));
    expect(db.prepare('SELECT count(*) FROM rtree_incidents_geom').pluck().get()).toBe(1);
    db.close();
  });

  it('a read-only connection keeps trusted_schema OFF and cannot write', () => {
    const db = openReadOnly(caseFile());
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/readonly/);
    db.close();
  });

  it('stored SQL cannot load native code (load_extension stays disabled)', () => {
    const db = openVerifiedForWriting(caseFile(), '“case.gpkg”');
    expect(() => db.prepare(`SELECT load_extension('/nonexistent')`).get()).toThrow(/not authorized/);
    db.close();
  });
});
