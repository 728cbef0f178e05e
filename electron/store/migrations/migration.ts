import type Database from 'better-sqlite3';

/**
 * One schema migration (Signal-Desktop's `ts/sql/migrations` is the model): one file per
 * version, `up` runs inside a transaction opened by the runner, and never changes once shipped:
 * a later change to the schema is a new migration.
 */
export interface Migration {
  version: number;
  /** What the migration does, in a few words (also the file name after the version). */
  name: string;
  up(db: Database.Database): void;
}
