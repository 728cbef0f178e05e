import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { findSchemaProblem } from './schemaCheck';
import { registerSpatialFunctions } from './spatialFunctions';

/**
 * Opening SQLite connections to case files, and the decision about `PRAGMA trusted_schema`.
 *
 * SQLite's `trusted_schema=OFF` stops triggers and views stored in a file from calling
 * application-defined SQL functions unless those functions are marked SQLITE_INNOCUOUS. That
 * is the right default for files from elsewhere: a crafted file could otherwise make our code
 * run functions with side effects just by being queried or written.
 *
 * The GeoPackage R*Tree triggers call ST_IsEmpty/ST_MinX/ST_MaxX/ST_MinY/ST_MaxY, which we must
 * define ourselves. better-sqlite3 cannot mark a function SQLITE_INNOCUOUS (only deterministic
 * and direct-only), so with trusted_schema=OFF every write to a feature table fails with
 * "unsafe use of ST_IsEmpty()". Our decision:
 *
 *   (a) Files from elsewhere, and every inspection (`inspectCaseFile`, the CLI `validate`), are
 *       opened read-only with trusted_schema=OFF and never written. Importing reads their
 *       tables (never views) into the analyst's own case.
 *   (b) A case is opened read-write only after `findSchemaProblem` has checked, on this very
 *       connection while trusted_schema is still OFF, that every trigger and view in the file
 *       is one we know: our own R*Tree triggers (statement-equal to the standard SQL) or GDAL's
 *       feature-count triggers, which only update gpkg_ogr_contents. Anything else refuses the
 *       file with one sentence naming the object.
 *   (c) Only then is trusted_schema turned ON, for this connection only. The only
 *       application-defined functions on it are the pure ST_* functions (no I/O, no state), so
 *       even an unexpected caller could learn nothing and change nothing through them.
 */

/** A read-only connection for inspecting or importing; never runs stored code with our functions. */
export function openReadOnly(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Per-connection settings of every read-write case connection. */
function configureWritable(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  // A crash leaves the file as it was before a transaction or after it, never between.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

/**
 * Opens an existing case read-write after verifying its schema (see above). `subject` names
 * the file in messages, e.g. “kosovo.gpkg”.
 */
export function openVerifiedForWriting(path: string, subject: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    registerSpatialFunctions(db);
    const problem = findSchemaProblem(db, subject);
    if (problem) throw new ApiError('bad_file', problem.message);
    // Verified: every trigger is ours or GDAL's feature count; see (b) and (c) above.
    db.pragma('trusted_schema = ON');
    configureWritable(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A connection to a database we are creating (an empty file we just made, or `:memory:` in
 * tests). Its schema is the one our migrations write, so it is trusted from the start.
 */
export function openNewForWriting(path: string): Database.Database {
  const db = new Database(path);
  try {
    registerSpatialFunctions(db);
    db.pragma('trusted_schema = ON');
    if (path !== ':memory:') configureWritable(db);
    else db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
