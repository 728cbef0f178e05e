import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCase } from '../electron/store/caseStore';
import { encodeGpkgPoint } from '../electron/store/gpkgBinary';
import { INSERT_INCIDENT_SQL, insertValues } from '../electron/store/incidentRows';
import { registerSpatialFunctions } from '../electron/store/spatialFunctions';
import { generateIncidents, type GeneratedIncident } from './dataset';

/**
 * Merging a colleague's case of `count` incidents into a case of `count` incidents, 10 % of
 * them shared: half of the shared ones identical, half edited by the colleague since (so they
 * are updated). The merge runs in a child process: its time, and its peak memory (maxRSS),
 * are the merge's own. Baseline: raw better-sqlite3 inserts of the colleague's rows into a
 * plain table, in one transaction.
 */

export interface MergeBenchResult {
  rows: number;
  rawMs: number;
  /** Raw inserts of the same rows into a copy of the case's own table, R*Tree filled directly (the schema's floor). */
  rawSchemaMs: number;
  previewMs: number;
  applyMs: number;
  counts: Record<string, number>;
  maxRssMb: number;
  startRssMb: number;
}

function rawInsert(dir: string, rows: GeneratedIncident[]): number {
  const db = new Database(join(dir, 'merge-raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE incidents (fid INTEGER PRIMARY KEY, id TEXT, title TEXT, occurred_at TEXT, time_precision INTEGER,
    event_type TEXT, sub_event_type TEXT, actor1 TEXT, actor2 TEXT, fatalities INTEGER, injured INTEGER, location_name TEXT,
    geo_precision INTEGER, country TEXT, admin1 TEXT, admin2 TEXT, source TEXT, source_url TEXT, reliability TEXT,
    credibility INTEGER, notes TEXT, tags TEXT, geom BLOB)`);
  const insert = db.prepare(`INSERT INTO incidents (id, title, occurred_at, time_precision, event_type, sub_event_type, actor1,
    actor2, fatalities, injured, location_name, geo_precision, country, admin1, admin2, source, source_url, reliability,
    credibility, notes, tags, geom) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) {
      const f = r.fields;
      insert.run(r.id, f.title, f.occurred_at, f.time_precision, f.event_type, f.sub_event_type, f.actor1, f.actor2,
        f.fatalities, f.injured, f.location_name, f.geo_precision, r.admin.country, r.admin.admin1, r.admin.admin2,
        f.source, f.source_url, f.reliability, f.credibility, f.notes, f.tags.join('; '), encodeGpkgPoint(f.lon, f.lat));
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Second baseline, the floor for any merge that keeps the case's schema: raw better-sqlite3
 * inserts of the colleague's rows into a copy of the analyst's case (its CHECK constraints,
 * UNIQUE id and date index), skipping the ids it already has, with the R*Tree filled by
 * direct inserts rather than through its triggers: no reading, validating or comparing.
 */
function rawSchemaInsert(dir: string, minePath: string, rows: GeneratedIncident[]): number {
  const path = join(dir, 'merge-raw-schema.gpkg');
  copyFileSync(minePath, path);
  const db = new Database(path);
  registerSpatialFunctions(db); // the update triggers, compiled with the insert, name them
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(`${INSERT_INCIDENT_SQL} ON CONFLICT(id) DO NOTHING`);
  const rtree = db.prepare(`INSERT INTO rtree_incidents_geom (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`);
  const provenance = { created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', author: 'Bo', origin_case: '0190a0b0-0000-7000-8000-000000000000', deleted_at: null };
  const t0 = performance.now();
  db.transaction(() => {
    db.exec('DROP TRIGGER rtree_incidents_geom_insert');
    for (const r of rows) {
      const { changes, lastInsertRowid } = insert.run(insertValues(r.id, r.fields, r.admin, provenance, 'Bo'));
      if (changes > 0) rtree.run(lastInsertRowid, r.fields.lon, r.fields.lon, r.fields.lat, r.fields.lat);
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

export function runMergeBench(dir: string, count: number): MergeBenchResult {
  const mine = generateIncidents(count, 42);
  const shared = Math.round(count / 10);
  const theirsNew = generateIncidents(count - shared, 4242).map((r, i) => ({ ...r, fields: { ...r.fields, title: `Colleague incident ${i + 1}` } }));
  const sharedRows = mine.slice(0, shared);
  const edited = sharedRows.slice(0, shared / 2).map((r) => ({ ...r, fields: { ...r.fields, fatalities: r.fields.fatalities + 1, notes: 'Corrected by the colleague.' } }));

  const minePath = join(dir, 'merge-mine.gpkg');
  const a = createCase(minePath, { name: 'Mine', author: 'Ana' });
  a.saveIncidentsBulk(mine, 'Ana');
  a.close();
  // The colleague's case had the shared incidents (as an import of mine would have given
  // them), edited half of them, and added their own.
  const theirsPath = join(dir, 'merge-theirs.gpkg');
  const b = createCase(theirsPath, { name: 'Theirs', author: 'Bo' });
  b.saveIncidentsBulk(sharedRows, 'Bo');
  b.saveIncidentsBulk(edited, 'Bo');
  b.saveIncidentsBulk(theirsNew, 'Bo');
  b.close();

  const theirRows = [...edited, ...sharedRows.slice(shared / 2), ...theirsNew];
  const rawMs = rawInsert(dir, theirRows);
  const rawSchemaMs = rawSchemaInsert(dir, minePath, theirRows);
  const target = join(dir, 'merge-target.gpkg');
  copyFileSync(minePath, target);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'mergeBenchChild.ts'), target, theirsPath], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the merge benchmark failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<MergeBenchResult, 'rows' | 'rawMs' | 'rawSchemaMs'>;
  return { rows: count, rawMs, rawSchemaMs, ...out };
}
