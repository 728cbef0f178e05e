import type Database from 'better-sqlite3';

/**
 * `faultline_meta`: our key/value table inside the case file (case id, name, creation stamp,
 * schema version). It exists because the GeoPackage standard owns `PRAGMA user_version`.
 */

export const META_TABLE = 'faultline_meta';

export const META_KEYS = {
  caseId: 'case_id',
  name: 'name',
  createdAt: 'created_at',
  createdBy: 'created_by',
  schemaVersion: 'schema_version',
} as const;

export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function readMeta(db: Database.Database, key: string): string | null {
  const row = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).get(key) as { value: unknown } | undefined;
  return row === undefined || row.value === null ? null : String(row.value);
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(
    key,
    value,
  );
}

/** The schema version recorded in the file: 0 for a database without our meta table. */
export function readSchemaVersion(db: Database.Database): number {
  if (!hasTable(db, META_TABLE)) return 0;
  const raw = readMeta(db, META_KEYS.schemaVersion);
  if (raw === null) return 0;
  const version = Number(raw);
  return Number.isSafeInteger(version) && version >= 0 ? version : NaN;
}
