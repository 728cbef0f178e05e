import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCase, openCase } from '../electron/store/caseStore';
import { encodeGpkgPoint } from '../electron/store/gpkgBinary';
import { INSERT_INCIDENT_SQL, insertValues } from '../electron/store/incidentRows';
import { registerSpatialFunctions } from '../electron/store/spatialFunctions';
import { BENCH_BOX, generateIncidents, percentile, prng, type GeneratedIncident } from './dataset';

/**
 * Baseline: the same rows into a plain table with the same columns, with raw better-sqlite3
 * prepared inserts in one transaction: no index, no R*Tree, no audit, no provenance logic.
 */
function rawInsert(dir: string, rows: GeneratedIncident[]): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE incidents (fid INTEGER PRIMARY KEY, id TEXT, title TEXT, occurred_at TEXT, time_precision INTEGER,
    event_type TEXT, sub_event_type TEXT, actor1 TEXT, actor2 TEXT, fatalities INTEGER, injured INTEGER, location_name TEXT,
    geo_precision INTEGER, country TEXT, admin1 TEXT, admin2 TEXT, source TEXT, source_url TEXT, reliability TEXT,
    credibility INTEGER, notes TEXT, tags TEXT, lon REAL, lat REAL, geom BLOB)`);
  const insert = db.prepare(`INSERT INTO incidents (id, title, occurred_at, time_precision, event_type, sub_event_type, actor1,
    actor2, fatalities, injured, location_name, geo_precision, country, admin1, admin2, source, source_url, reliability,
    credibility, notes, tags, lon, lat, geom) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) {
      const f = r.fields;
      insert.run(r.id, f.title, f.occurred_at, f.time_precision, f.event_type, f.sub_event_type, f.actor1, f.actor2,
        f.fatalities, f.injured, f.location_name, f.geo_precision, r.admin.country, r.admin.admin1, r.admin.admin2,
        f.source, f.source_url, f.reliability, f.credibility, f.notes, f.tags.join('; '), f.lon, f.lat, encodeGpkgPoint(f.lon, f.lat));
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Second baseline, the floor for any writer that keeps the case's schema: raw better-sqlite3
 * inserts of the same rows into an empty case's own GeoPackage table (same columns, CHECK
 * constraints, UNIQUE id, date index), with the R*Tree filled by direct inserts rather than
 * through its triggers, in one transaction. No validation, no audit, no provenance logic.
 */
function rawSchemaInsert(dir: string, rows: GeneratedIncident[]): number {
  const path = join(dir, 'raw-schema.gpkg');
  createCase(path, { name: 'Raw schema baseline', author: 'bench' }).close();
  const db = new Database(path);
  registerSpatialFunctions(db); // the update triggers, compiled with the insert, name them
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(INSERT_INCIDENT_SQL);
  const rtree = db.prepare(`INSERT INTO rtree_incidents_geom (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`);
  const provenance = { created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', author: 'bench', origin_case: '0190a0b0-0000-7000-8000-000000000000', deleted_at: null };
  const t0 = performance.now();
  db.transaction(() => {
    db.exec('DROP TRIGGER rtree_incidents_geom_insert');
    for (const r of rows) {
      const { lastInsertRowid } = insert.run(insertValues(r.id, r.fields, r.admin, provenance, 'bench'));
      rtree.run(lastInsertRowid, r.fields.lon, r.fields.lon, r.fields.lat, r.fields.lat);
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

export interface StoreBenchResult {
  rows: number;
  rawMs: number;
  rawSchemaMs: number;
  storeMs: number;
  queryP50: number;
  queryP95: number;
  scanP50: number;
  casePath: string;
}

export function runStoreBench(dir: string, count: number): StoreBenchResult {
  const rows = generateIncidents(count);
  const rawMs = rawInsert(dir, rows);
  const rawSchemaMs = rawSchemaInsert(dir, rows);

  const casePath = join(dir, 'bench-100k.gpkg');
  const store = createCase(casePath, { name: 'Benchmark', author: 'bench' });
  const t0 = performance.now();
  store.saveIncidentsBulk(rows, 'bench');
  const storeMs = performance.now() - t0;
  store.close();

  // Town-sized boxes (about 8 × 8 km) and one-year windows, at random over the region.
  const reader = openCase(casePath);
  const random = prng(7);
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const w = BENCH_BOX.w + random() * (BENCH_BOX.e - BENCH_BOX.w - 0.1);
    const s = BENCH_BOX.s + random() * (BENCH_BOX.n - BENCH_BOX.s - 0.07);
    const year = 2019 + Math.floor(random() * 6);
    const q0 = performance.now();
    reader.listIncidents({ bbox: [w, s, w + 0.1, s + 0.07], from: `${year}-01-01`, to: `${year}-12-31` });
    if (i >= 100) times.push(performance.now() - q0); // the first 100 warm the cache
  }
  reader.close();

  // For comparison, the same question as a full scan over the raw table's lon/lat columns.
  const raw = new Database(join(dir, 'raw.sqlite'), { readonly: true });
  const scan = raw.prepare('SELECT * FROM incidents WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? AND occurred_at BETWEEN ? AND ?');
  const scanTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const w = BENCH_BOX.w + random() * 6;
    const s = BENCH_BOX.s + random() * 3;
    const q0 = performance.now();
    scan.all(w, w + 0.1, s, s + 0.07, '2021-01-01', '2021-12-31');
    scanTimes.push(performance.now() - q0);
  }
  raw.close();

  times.sort((a, b) => a - b);
  scanTimes.sort((a, b) => a - b);
  return {
    rows: count,
    rawMs,
    rawSchemaMs,
    storeMs,
    queryP50: percentile(times, 50),
    queryP95: percentile(times, 95),
    scanP50: percentile(scanTimes, 50),
    casePath,
  };
}
