import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { META_KEYS, readSchemaVersion, writeMeta } from '../meta';
import { MIGRATIONS } from './index';
import type { Migration } from './migration';

/**
 * Brings a database up to the newest schema: checks that the migration list is 1, 2, 3...
 * without gaps, refuses a file written by a newer Faultline, then runs each pending migration in
 * its own transaction and records the new version in `faultline_meta` (not `user_version`,
 * which belongs to the GeoPackage standard). A failing migration rolls back alone and leaves
 * the file at the previous version.
 */

/** Throws (a programming error, not a user one) unless versions run 1..n in order. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(
        `Migration list is out of order or has a gap: position ${index + 1} holds version ${m.version} (${m.name})`,
      );
    }
  });
  if (migrations.length === 0) throw new Error('The migration list is empty');
}

export function newerSchemaMessage(fileVersion: number, latest: number, subject = 'This case'): string {
  return `${subject} was written by a newer version of Faultline (schema ${fileVersion}; this version reads up to ${latest}). Update Faultline to open it.`;
}

export interface MigrationResult {
  from: number;
  to: number;
}

export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  checkMigrationList(migrations);
  const latest = migrations[migrations.length - 1]!.version;
  const from = readSchemaVersion(db);
  if (Number.isNaN(from)) {
    throw new ApiError('bad_file', 'This case records an unreadable schema version; it may have been edited by another program.');
  }
  if (from > latest) throw new ApiError('bad_file', newerSchemaMessage(from, latest));
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      writeMeta(db, META_KEYS.schemaVersion, String(migration.version));
    })();
  }
  return { from, to: latest };
}
