import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { IncidentSchema } from '../../../shared/domain/incident';
import { createCase, openCase, openCaseReadOnly, type GpkgCaseStore } from '../caseStore';
import { CURRENT_SCHEMA_VERSION } from '../migrations/index';
import { normalizeSql, spatialIndexTriggerSql } from '../rtree';
import { AUTHOR, ZVECAN, sampleFields, tempDir } from './helpers';

const CASE_ID = '6f1c2a8e-5b7d-4e3f-9a21-0c4d8e7f6a5b';

function newCase(dir = tempDir(), name = 'North Kosovo 2023'): { store: GpkgCaseStore; file: string } {
  const file = path.join(dir, 'case.gpkg');
  return { store: createCase(file, { name, author: AUTHOR, id: CASE_ID }), file };
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

function auditRows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT author, case_id, table_name, row_id, action, before, after FROM audit_log ORDER BY fid`).all() as {
      author: string;
      case_id: string;
      table_name: string;
      row_id: string | null;
      action: string;
      before: string | null;
      after: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe('createCase', () => {
  it('creates a case file and reports it', () => {
    const { store, file } = newCase();
    const info = store.info();
    expect(info).toMatchObject({
      id: CASE_ID,
      name: 'North Kosovo 2023',
      path: file,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      counts: { incidents: 0, zones: 0 },
      first: null,
      last: null,
    });
    expect(info.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(store.path).toBe(file);
    store.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('never overwrites an existing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'taken.gpkg');
    fs.writeFileSync(file, 'precious');
    const err = apiError(() => createCase(file, { name: 'X', author: AUTHOR }));
    expect(err.code).toBe('io');
    expect(err.message).toBe('“taken.gpkg” already exists; Faultline does not overwrite files.');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses a missing folder, a name without .gpkg, an empty case name', () => {
    const dir = tempDir();
    expect(apiError(() => createCase(path.join(dir, 'nope', 'c.gpkg'), { name: 'X', author: AUTHOR })).message).toMatch(/^The folder “.*nope” does not exist\.$/);
    expect(apiError(() => createCase(path.join(dir, 'c.sqlite'), { name: 'X', author: AUTHOR })).message).toBe(
      'A case file name must end in .gpkg (“c.sqlite” does not).',
    );
    expect(apiError(() => createCase(path.join(dir, 'c.gpkg'), { name: '  ', author: AUTHOR })).code).toBe('invalid');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes leftover WAL files of an earlier file with the same name', () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.gpkg');
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 7));
    const store = createCase(file, { name: 'X', author: AUTHOR });
    expect(store.info().name).toBe('X');
    store.close();
  });

  it('audits the creation of the case', () => {
    const { store, file } = newCase();
    store.close();
    const [row] = auditRows(file);
    expect(row).toMatchObject({ author: AUTHOR, case_id: CASE_ID, table_name: 'faultline_meta', row_id: CASE_ID, action: 'create', before: null });
  });
});

describe('in-memory cases', () => {
  it('work like file cases (for tests and tools)', () => {
    const store = createCase(':memory:', { name: 'Scratch', author: AUTHOR, id: CASE_ID });
    const saved = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    expect(store.listIncidents({ bbox: [20.8, 42.9, 20.9, 43] })).toEqual([saved]);
    expect(store.info()).toMatchObject({ id: CASE_ID, path: ':memory:', counts: { incidents: 1, zones: 0 } });
    expect(apiError(() => store.setCaseName('')).code).toBe('invalid');
    store.close();
  });
});

describe('incidents', () => {
  it('saves a new incident with provenance and an audit row', () => {
    const { store, file } = newCase();
    const saved = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    expect(IncidentSchema.parse(saved)).toEqual(saved);
    expect(saved.fields).toEqual(sampleFields());
    expect(saved.admin).toEqual(ZVECAN);
    expect(saved.provenance).toMatchObject({ author: AUTHOR, origin_case: CASE_ID, deleted_at: null });
    expect(saved.provenance.created_at).toBe(saved.provenance.updated_at);
    expect(store.getIncident(saved.id)).toEqual(saved);
    store.close();
    const audit = auditRows(file).filter((r) => r.table_name === 'incidents');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', row_id: saved.id, before: null });
    expect(JSON.parse(audit[0]!.after!)).toEqual(saved);
  });

  it('creates with a given id that is not in the case yet', () => {
    const { store } = newCase();
    const id = '11111111-2222-4333-8444-555555555555';
    expect(store.saveIncident({ id, fields: sampleFields() }, ZVECAN, AUTHOR).id).toBe(id);
    store.close();
  });

  it('updates: keeps created_at and origin, stamps updated_at and the new author, audits before/after', async () => {
    const { store, file } = newCase();
    const created = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    await new Promise((r) => setTimeout(r, 5));
    const fields = sampleFields({ injured: 94, lon: 20.84, tags: [] });
    const updated = store.saveIncident({ id: created.id, fields }, ZVECAN, 'Ben Editor');
    expect(updated.fields).toEqual(fields);
    expect(updated.provenance).toMatchObject({
      created_at: created.provenance.created_at,
      origin_case: CASE_ID,
      author: 'Ben Editor',
      deleted_at: null,
    });
    expect(updated.provenance.updated_at > created.provenance.updated_at).toBe(true);
    expect(store.getIncident(created.id)).toEqual(updated);
    // The box moved with the point.
    expect(store.listIncidents({ bbox: [20.839, 42.9, 20.841, 42.91] }).map((i) => i.id)).toEqual([created.id]);
    expect(store.listIncidents({ bbox: [20.835, 42.9, 20.837, 42.91] })).toEqual([]);
    store.close();
    const audit = auditRows(file).filter((r) => r.table_name === 'incidents');
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before!)).toEqual(created);
    expect(JSON.parse(audit[1]!.after!)).toEqual(updated);
    expect(audit[1]!.author).toBe('Ben Editor');
  });

  it('writes nothing for a save that changes nothing', () => {
    const { store, file } = newCase();
    const created = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    expect(store.saveIncident({ id: created.id, fields: sampleFields() }, ZVECAN, 'Ben Editor')).toEqual(created);
    store.close();
    expect(auditRows(file).filter((r) => r.table_name === 'incidents')).toHaveLength(1);
  });

  it('tombstones on delete, clears it on restore, audits both', () => {
    const { store, file } = newCase();
    const created = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    const deleted = store.deleteIncident(created.id, 'Ben Editor');
    expect(deleted.provenance.deleted_at).toMatch(/Z$/);
    expect(deleted.provenance.author).toBe('Ben Editor');
    expect(store.listIncidents({})).toEqual([]);
    expect(store.info().counts.incidents).toBe(0);
    expect(store.getIncident(created.id)).toEqual(deleted); // tombstones stay readable
    expect(store.deleteIncident(created.id, AUTHOR)).toEqual(deleted); // already deleted: no change
    const restored = store.restoreIncident(created.id, AUTHOR);
    expect(restored.provenance.deleted_at).toBeNull();
    expect(restored.fields).toEqual(created.fields);
    expect(store.listIncidents({}).map((i) => i.id)).toEqual([created.id]);
    store.close();
    const audit = auditRows(file).filter((r) => r.table_name === 'incidents');
    expect(audit.map((r) => r.action)).toEqual(['create', 'delete', 'restore']);
    expect(JSON.parse(audit[1]!.after!).provenance.deleted_at).toBe(deleted.provenance.deleted_at);
  });

  it('refuses unknown ids, invalid fields and unsigned changes with clear errors', () => {
    const { store } = newCase();
    const missing = apiError(() => store.getIncident('11111111-2222-4333-8444-555555555555'));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe('There is no incident with id 11111111-2222-4333-8444-555555555555 in this case.');
    expect(apiError(() => store.getIncident('fid-1')).code).toBe('not_found');
    expect(apiError(() => store.deleteIncident('11111111-2222-4333-8444-555555555555', AUTHOR)).code).toBe('not_found');
    const invalid = apiError(() => store.saveIncident({ fields: sampleFields({ fatalities: -3, title: '' }) }, ZVECAN, AUTHOR));
    expect(invalid.code).toBe('invalid');
    expect(invalid.problems?.map((p) => p.field).sort()).toEqual(['fatalities', 'title']);
    expect(apiError(() => store.saveIncident({ fields: sampleFields() }, ZVECAN, ' ')).code).toBe('invalid');
    expect(apiError(() => store.saveIncident({ id: 'x', fields: sampleFields() }, ZVECAN, AUTHOR)).code).toBe('invalid');
    expect(store.info().counts.incidents).toBe(0);
    store.close();
    expect(apiError(() => store.info()).code).toBe('no_case');
  });
});

describe('listIncidents', () => {
  function seeded() {
    const { store, file } = newCase();
    const at = (title: string, occurred_at: string, lon: number, lat: number) =>
      store.saveIncident({ fields: sampleFields({ title, occurred_at, lon, lat }) }, ZVECAN, AUTHOR);
    const zvecan = at('Zvečan riot', '2023-05-29', 20.8361, 42.9075);
    const leposavic = at('Leposavić protest', '2023-05-26T14:30', 20.8025, 43.1022);
    const banjska = at('Banjska attack', '2023-09-24T03:00', 20.7597, 42.9783);
    const banjskaLater = at('Banjska aftermath', '2023-09-24', 20.7597, 42.9783);
    const sarajevo = at('Sarajevo statement', '2023-06-01', 18.4131, 43.8563);
    return { store, file, zvecan, leposavic, banjska, banjskaLater, sarajevo };
  }
  const titles = (list: { fields: { title: string } }[]) => list.map((i) => i.fields.title);

  it('orders by event date then title', () => {
    const { store } = seeded();
    expect(titles(store.listIncidents({}))).toEqual([
      'Leposavić protest',
      'Zvečan riot',
      'Sarajevo statement',
      'Banjska aftermath',
      'Banjska attack',
    ]);
    store.close();
  });

  it('filters by bounding box (north Kosovo, not Sarajevo)', () => {
    const { store } = seeded();
    expect(titles(store.listIncidents({ bbox: [20.7, 42.85, 20.9, 43.0] }))).toEqual(['Zvečan riot', 'Banjska aftermath', 'Banjska attack']);
    // Edges are inclusive.
    expect(titles(store.listIncidents({ bbox: [20.8361, 42.9075, 20.8361, 42.9075] }))).toEqual(['Zvečan riot']);
    // A box a hair beside the point: the float32 R*Tree may offer it, the exact test removes it.
    expect(store.listIncidents({ bbox: [20.83610001, 42.9, 20.84, 42.91] })).toEqual([]);
    store.close();
  });

  it('filters by event days, inclusive, whether or not a time is given', () => {
    const { store } = seeded();
    expect(titles(store.listIncidents({ from: '2023-09-24', to: '2023-09-24' }))).toEqual(['Banjska aftermath', 'Banjska attack']);
    expect(titles(store.listIncidents({ from: '2023-05-26', to: '2023-05-29' }))).toEqual(['Leposavić protest', 'Zvečan riot']);
    expect(titles(store.listIncidents({ from: '2023-06-01' }))).toEqual(['Sarajevo statement', 'Banjska aftermath', 'Banjska attack']);
    expect(titles(store.listIncidents({ to: '2023-05-26' }))).toEqual(['Leposavić protest']);
    store.close();
  });

  it('combines box and days and leaves tombstones out', () => {
    const { store, banjska } = seeded();
    store.deleteIncident(banjska.id, AUTHOR);
    expect(titles(store.listIncidents({ bbox: [20.7, 42.85, 20.9, 43.2], from: '2023-05-27', to: '2023-12-31' }))).toEqual([
      'Zvečan riot',
      'Banjska aftermath',
    ]);
    const info = store.info();
    expect(info.counts.incidents).toBe(4);
    expect([info.first, info.last]).toEqual(['2023-05-26', '2023-09-24']);
    store.close();
  });

  it('answers a box query through the R*Tree (EXPLAIN QUERY PLAN)', () => {
    const { store } = seeded();
    for (const query of [{ bbox: [20.7, 42.85, 20.9, 43.0] as [number, number, number, number] }, { bbox: [20.7, 42.85, 20.9, 43.0] as [number, number, number, number], from: '2023-01-01', to: '2023-12-31' }]) {
      const plan = store.listIncidentsPlan(query).join('\n');
      expect(plan).toMatch(/SCAN rtree_incidents_geom VIRTUAL TABLE/);
      expect(plan).toMatch(/SEARCH incidents USING INTEGER PRIMARY KEY/);
    }
    expect(store.listIncidentsPlan({ from: '2023-06-01' }).join('\n')).toMatch(/incidents_occurred_at/);
    store.close();
  });
});

describe('persistence', () => {
  it('keeps everything across close and reopen, with the WAL folded into the file', () => {
    const { store, file } = newCase();
    const a = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    const b = store.saveIncident({ fields: sampleFields({ title: 'Second', lon: 19.5, lat: 44.2 }) }, ZVECAN, AUTHOR);
    store.deleteIncident(b.id, AUTHOR);
    store.setCaseName('Renamed case', 'Ben Editor');
    store.close();
    // The .gpkg alone carries everything: WAL folded in, no -wal/-shm left beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.gpkg']);

    const again = openCase(file);
    expect(again.info()).toMatchObject({ id: CASE_ID, name: 'Renamed case', counts: { incidents: 1, zones: 0 } });
    expect(again.getIncident(a.id)).toEqual(a);
    expect(again.getIncident(b.id).provenance.deleted_at).not.toBeNull();
    expect(again.listIncidents({ bbox: [20.8, 42.9, 20.9, 43] }).map((i) => i.id)).toEqual([a.id]);
    // Writing still works after reopening (triggers, functions, trusted schema).
    const c = again.saveIncident({ fields: sampleFields({ title: 'Third' }) }, ZVECAN, AUTHOR);
    expect(again.listIncidents({ bbox: [20.8, 42.9, 20.9, 43] }).map((i) => i.id)).toEqual([a.id, c.id]);
    again.close();
    const rename = auditRows(file).find((r) => r.table_name === 'faultline_meta' && r.action === 'update');
    expect(rename).toMatchObject({ author: 'Ben Editor', row_id: 'name' });
    expect(JSON.parse(rename!.after!)).toEqual({ name: 'Renamed case' });
  });

  it('reads a case without writing to it (openCaseReadOnly)', () => {
    const { store, file } = newCase();
    store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    store.close();
    const before = fs.readFileSync(file);
    const count = openCaseReadOnly(file, (reader) => {
      expect(() => (reader as GpkgCaseStore).saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR)).toThrow(/read-only/);
      return reader.listIncidents({}).length;
    });
    expect(count).toBe(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.gpkg']);
  });
});

describe('damaged rows', () => {
  it('reports a location another program broke as a bad file, naming the incident', () => {
    const { store, file } = newCase();
    const saved = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    store.close();
    const db = new Database(file);
    // A tool with sloppy ST_ functions (here: stubs that accept anything) lets garbage through.
    for (const fn of ['ST_IsEmpty', 'ST_MinX', 'ST_MaxX', 'ST_MinY', 'ST_MaxY']) db.function(fn, (_blob: unknown) => 0);
    db.prepare(`UPDATE incidents SET geom = ? WHERE id = ?`).run(Buffer.from('GP\u0000\u0001broken', 'latin1'), saved.id);
    db.close();
    const reader = (fn: () => unknown) => apiError(fn);
    const err = openCaseReadOnly(file, (r) => reader(() => r.getIncident(saved.id)));
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/^The location of incident “Clashes outside the municipal building” is damaged in the case file \(.+\)\.$/);
  });
});

describe('saveIncidentsBulk', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      fields: sampleFields({ title: `Incident ${i}`, lon: 18 + (i % 100) * 0.05, lat: 42 + Math.floor(i / 100) * 0.05 }),
      admin: ZVECAN,
    }));

  it('creates many incidents in one transaction with one audit row, and the R*Tree follows', () => {
    const { store, file } = newCase();
    const result = store.saveIncidentsBulk(many(1000), AUTHOR);
    expect(result.created).toBe(1000);
    expect(result.updated).toBe(0);
    expect(new Set(result.ids).size).toBe(1000);
    expect(store.info().counts.incidents).toBe(1000);
    // Exactly the points inside a box, found through the index.
    const box: [number, number, number, number] = [18.49, 42.09, 18.76, 42.36];
    const inBox = store.listIncidents({ bbox: box });
    expect(inBox).toHaveLength(6 * 6);
    expect(store.getIncident(result.ids[0]!).fields.title).toBe('Incident 0');
    store.close();

    const audit = auditRows(file).filter((r) => r.table_name === 'incidents');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', row_id: null });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ count: 1000, ids: result.ids });

    // The insert trigger is back, exactly as the standard writes it; the file reopens.
    const db = new Database(file, { readonly: true });
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'rtree_incidents_geom_insert'`).pluck().get() as string;
    expect(normalizeSql(sql)).toBe(normalizeSql(spatialIndexTriggerSql({ table: 'incidents', column: 'geom', pk: 'fid' }, 'insert')));
    expect(db.prepare(`SELECT count(*) FROM rtree_incidents_geom`).pluck().get()).toBe(1000);
    db.close();
    const again = openCase(file);
    const single = again.saveIncident({ fields: sampleFields({ lon: 18.6, lat: 42.2, title: 'After bulk' }) }, ZVECAN, AUTHOR);
    expect(again.listIncidents({ bbox: box }).map((i) => i.id)).toContain(single.id);
    again.close();
  });

  it('updates incidents it already has, one audit row each with the before state', () => {
    const { store, file } = newCase();
    const existing = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
    const result = store.saveIncidentsBulk(
      [{ id: existing.id, fields: sampleFields({ injured: 100 }), admin: ZVECAN }, ...many(3)],
      'Importer',
    );
    expect(result).toMatchObject({ created: 3, updated: 1 });
    expect(result.ids[0]).toBe(existing.id);
    expect(store.getIncident(existing.id).fields.injured).toBe(100);
    store.close();
    const audit = auditRows(file).filter((r) => r.table_name === 'incidents');
    expect(audit.map((r) => [r.action, r.row_id])).toEqual([
      ['create', existing.id],
      ['update', existing.id],
      ['create', null],
    ]);
    expect(JSON.parse(audit[1]!.before!)).toEqual(existing);
  });

  it('saves nothing when one row is refused, and keeps the index trigger', () => {
    const { store, file } = newCase();
    const rows = many(400);
    rows[300] = { ...rows[300]!, fields: { ...rows[300]!.fields, credibility: 9 as never } };
    const err = apiError(() => store.saveIncidentsBulk(rows, AUTHOR));
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/^Incident 301 of 400 was refused \(CHECK constraint failed.*\); nothing was saved\.$/);
    expect(store.info().counts.incidents).toBe(0);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'rtree_incidents_geom_insert'`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM rtree_incidents_geom`).pluck().get()).toBe(0);
    db.close();
  });
});
