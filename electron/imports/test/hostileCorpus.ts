import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCase } from '../../store/caseStore';
import { encodeGpkgGeometry, encodeGpkgPoint } from '../../store/gpkgBinary';
import { INCIDENT_COLUMNS } from '../../store/incidentRows';
import { WRITTEN_TRIGGER_SET, triggerName } from '../../store/rtree';
import { registerSpatialFunctions } from '../../store/spatialFunctions';
import { AUTHOR, ZVECAN, sampleFields } from './mergeHelpers';

/**
 * The corpus of hostile and broken files of issue 5, made by the tests themselves: each maker
 * writes one file into `dir` and returns its path.
 */

export const COLLEAGUE_CASE = '33333333-3333-4333-8333-333333333333';
const INCIDENT_INDEX = { table: 'incidents', column: 'geom', pk: 'fid' };

/** A healthy colleague's case with `n` incidents (the base of most hostile files). */
export function colleagueCase(dir: string, name = 'colleague.gpkg', n = 3): string {
  const file = path.join(dir, name);
  const store = createCase(file, { name: 'Colleague’s case', author: 'Bo', id: COLLEAGUE_CASE });
  if (n > 50) {
    store.saveIncidentsBulk(Array.from({ length: n }, (_, i) => ({ fields: sampleFields({ title: `Row ${i}`, notes: 'x'.repeat(200) }), admin: ZVECAN })), 'Bo');
  } else {
    for (let i = 0; i < n; i++) store.saveIncident({ fields: sampleFields({ title: `Colleague incident ${i + 1}` }) }, ZVECAN, 'Bo');
  }
  store.close();
  return file;
}

function raw(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  registerSpatialFunctions(db);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

export function notSqlite(dir: string): string {
  const file = path.join(dir, 'minutes.gpkg');
  fs.writeFileSync(file, 'Minutes of the meeting in Zvečan, 29 May 2023.\n'.repeat(50));
  return file;
}

export function truncatedCase(dir: string): string {
  const file = colleagueCase(dir, 'cut-off.gpkg', 400);
  // VACUUM writes the schema first and the tables after it, as a freshly copied file would be
  // laid out: the cut then falls in the data, not in the table of tables.
  raw(file, (db) => db.exec('VACUUM'));
  const size = fs.statSync(file).size;
  fs.truncateSync(file, Math.floor(size / 2));
  return file;
}

/** Garbage over a few leaf pages of the incidents table (not the header, not the schema). */
export function corruptedCase(dir: string): string {
  const file = colleagueCase(dir, 'damaged.gpkg', 400);
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'incidents' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[];
  db.close();
  const fd = fs.openSync(file, 'r+');
  const garbage = Buffer.alloc(64, 0xa5);
  for (const page of leaves.slice(2, 5)) fs.writeSync(fd, garbage, 0, garbage.length, (page - 1) * pageSize);
  fs.closeSync(fd);
  return file;
}

export function sqliteNotGpkg(dir: string): string {
  const file = path.join(dir, 'contacts.gpkg');
  const db = new Database(file);
  db.exec(`CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ana', '+383 44 000 000')`);
  db.close();
  return file;
}

/** A GeoPackage made by GDAL from GeoJSON, as QGIS users share them. */
export function gdalGeoPackage(dir: string): string {
  const geojson = path.join(dir, 'checkpoints.geojson');
  fs.writeFileSync(
    geojson,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Jarinje' }, geometry: { type: 'Point', coordinates: [20.75, 43.15] } }],
    }),
  );
  const file = path.join(dir, 'checkpoints.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', file, geojson], { stdio: 'ignore' });
  return file;
}

export function newerSchemaCase(dir: string): string {
  const file = colleagueCase(dir, 'from-the-future.gpkg');
  raw(file, (db) => db.prepare(`UPDATE faultline_meta SET value = '99' WHERE key = 'schema_version'`).run());
  return file;
}

/** A case with a trigger that would write into its own table on every insert, and a view. */
export function caseWithTriggerAndView(dir: string): string {
  const file = colleagueCase(dir, 'with-trigger.gpkg');
  raw(file, (db) => {
    db.exec(`CREATE TABLE stolen (x TEXT)`);
    db.exec(`CREATE TRIGGER exfiltrate AFTER INSERT ON incidents BEGIN INSERT INTO stolen VALUES (NEW.title); END`);
    db.exec(`CREATE VIEW incidents_summary AS SELECT title FROM incidents`);
  });
  return file;
}

/**
 * A Faultline case whose incidents table was re-created without any constraint (as a crafted
 * file can be), holding `rows` as given: each row's columns default to a valid incident.
 */
export function caseWithRows(dir: string, name: string, rows: Record<string, unknown>[]): string {
  const file = colleagueCase(dir, name, 0);
  raw(file, (db) => {
    for (const which of WRITTEN_TRIGGER_SET) db.exec(`DROP TRIGGER ${triggerName(INCIDENT_INDEX, which)}`);
    db.exec(`DROP TABLE incidents`);
    db.exec(`CREATE TABLE incidents (fid INTEGER PRIMARY KEY, ${INCIDENT_COLUMNS.join(', ')})`);
    const insert = db.prepare(`INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${INCIDENT_COLUMNS.map((c) => `@${c}`).join(', ')})`);
    rows.forEach((overrides, i) => insert.run({ ...validRow(i), ...overrides }));
  });
  return file;
}

export function validRow(i: number): Record<string, unknown> {
  const f = sampleFields({ title: `Crafted incident ${i + 1}` });
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  return {
    id: `44444444-4444-4444-8444-${hex(i + 1)}`,
    geom: encodeGpkgPoint(f.lon, f.lat),
    title: f.title,
    occurred_at: f.occurred_at,
    time_precision: f.time_precision,
    event_type: f.event_type,
    sub_event_type: f.sub_event_type,
    actor1: f.actor1,
    actor2: f.actor2,
    fatalities: f.fatalities,
    injured: f.injured,
    location_name: f.location_name,
    geo_precision: f.geo_precision,
    country: ZVECAN.country,
    admin1: ZVECAN.admin1,
    admin2: ZVECAN.admin2,
    source: f.source,
    source_url: f.source_url,
    reliability: f.reliability,
    credibility: f.credibility,
    notes: f.notes,
    tags: f.tags.join('; '),
    created_at: '2023-06-01T10:00:00.000Z',
    updated_at: '2023-06-01T10:00:00.000Z',
    created_by: 'Bo',
    author: 'Bo',
    origin_case: COLLEAGUE_CASE,
    deleted_at: null,
  };
}

/** A GeoPackageBinary polygon, to put where a point belongs. */
export function polygonBlob(): Buffer {
  return encodeGpkgGeometry({ type: 'Polygon', coordinates: [[[20, 42], [21, 42], [21, 43], [20, 42]]] });
}

/** POINT(lon lat) written byte by byte, so NaN and out-of-range values get through. */
export function rawPointBlob(lon: number, lat: number): Buffer {
  const b = Buffer.alloc(29);
  b.write('GP', 0, 'latin1');
  b[2] = 0;
  b[3] = 1;
  b.writeInt32LE(4326, 4);
  b[8] = 1;
  b.writeUInt32LE(1, 9);
  b.writeDoubleLE(lon, 13);
  b.writeDoubleLE(lat, 21);
  return b;
}

export { AUTHOR };

/**
 * A column computed each time it is read, added to `table` of a healthy case: `megabytes`
 * of text per row, over `rows` rows of that table (filled in when it has fewer). What SQLite
 * builds reading it once is megabytes × rows.
 */
export function caseWithComputedColumn(dir: string, table: string, megabytes = 0.001, rows = 1): string {
  const file = colleagueCase(dir, `computed-${table}.gpkg`);
  raw(file, (db) => {
    if (table === 'merge_imports') {
      const insert = db.prepare(`INSERT INTO merge_imports (id, at, author, source_case_id, source_case_name, source_file, counts) VALUES (?, '2023-06-01T10:00:00.000Z', 'Bo', ?, 'Old case', 'old.gpkg', '{}')`);
      for (let i = 0; i < rows; i++) insert.run(`55555555-5555-4555-8555-${String(i).padStart(12, '0')}`, COLLEAGUE_CASE);
    }
    db.exec(`ALTER TABLE ${table} ADD COLUMN pad TEXT GENERATED ALWAYS AS (printf('%.*c', ${Math.round(megabytes * 1024 * 1024)}, 'x')) VIRTUAL`);
  });
  return file;
}

/** A case whose name (in faultline_meta) is `bytes` long: far more than any case detail we write. */
export function caseWithLongDetail(dir: string, bytes: number): string {
  const file = colleagueCase(dir, 'long-name.gpkg');
  raw(file, (db) => db.prepare(`UPDATE faultline_meta SET value = ? WHERE key = 'name'`).run('N'.repeat(bytes)));
  return file;
}

/** A GeoPackage made by GDAL (see gdalGeoPackage) with a computed column added to its layer. */
export function gdalGeoPackageWithComputedColumn(dir: string, megabytes = 0.001): string {
  const file = gdalGeoPackage(dir);
  raw(file, (db) => db.exec(`ALTER TABLE checkpoints ADD COLUMN pad TEXT GENERATED ALWAYS AS (printf('%.*c', ${Math.round(megabytes * 1024 * 1024)}, 'x')) VIRTUAL`));
  return file;
}

/** A GeoPackage layer `notes` of `rows` points, each with `chars` characters of stored text. */
export function geoPackageWithLongText(dir: string, rows: number, chars: number): string {
  const file = gdalGeoPackage(dir);
  raw(file, (db) => {
    db.exec(`ALTER TABLE checkpoints ADD COLUMN notes TEXT`);
    const geom = db.prepare(`SELECT geom FROM checkpoints LIMIT 1`).pluck().get();
    const insert = db.prepare(`INSERT INTO checkpoints (geom, name, notes) VALUES (?, ?, printf('%.*c', ${chars}, 'n'))`);
    for (let i = 1; i < rows; i++) insert.run(geom, `Checkpoint ${i}`);
    db.exec(`UPDATE checkpoints SET notes = printf('%.*c', ${chars}, 'n')`);
  });
  return file;
}
