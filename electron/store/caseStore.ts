import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { CASE_EXTENSION, CaseName } from '../../shared/domain/case';
import { timestamp } from '../../shared/domain/dates';
import { Uuid } from '../../shared/domain/incident';
import { AuditLog } from './auditLog';
import { openNewForWriting, openReadOnly, openVerifiedForWriting } from './connection';
import { GpkgCaseStore, type CaseReader } from './gpkgCaseStore';
import { fileSubject, inspectCaseFile, inspectionError } from './inspectCaseFile';
import { META_KEYS, readMeta, writeMeta } from './meta';
import { runMigrations } from './migrations/runner';
import type { CreateCaseOptions } from './types';

export type { BulkIncidentInput, BulkSaveResult, CaseStore, CreateCaseOptions } from './types';
export { GpkgCaseStore, type CaseReader } from './gpkgCaseStore';

/**
 * Creating and opening case files. A case is one GeoPackage (.gpkg) file (DESIGN §3).
 *
 *   createCase(path, {name, author, id?})  a new case; never overwrites a file
 *   openCase(path)                          an existing case, after `inspectCaseFile` accepts it
 *   openCaseReadOnly(path, read)            reads a case without writing to it (CLI stats)
 *
 * createCase and openCase return a GpkgCaseStore: the CaseStore interface plus
 * `listIncidentsPlan` (EXPLAIN QUERY PLAN, for tests and benchmarks) and `caseId`.
 */

/** SQLite's companion files of a database; they belong to it and mean nothing without it. */
const SIDECARS = ['-wal', '-shm', '-journal'];

function removeCaseFiles(filePath: string): void {
  for (const suffix of ['', ...SIDECARS]) {
    try {
      fs.rmSync(filePath + suffix, { force: true });
    } catch {
      // Best effort: we are already reporting the failure that got us here.
    }
  }
}

function ioError(err: unknown, doing: string): ApiError {
  if (err instanceof ApiError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : err instanceof Error
            ? err.message
            : String(err);
  return new ApiError('io', `Could not ${doing} (${reason}).`);
}

/**
 * Creates a new case file at `filePath` (which must end in .gpkg and must not exist; its folder
 * must exist) and returns the open store. Everything is written in one transaction: a failure
 * leaves no file behind. `':memory:'` creates an in-memory case (tests).
 */
export function createCase(filePath: string, opts: CreateCaseOptions): GpkgCaseStore {
  const name = CaseName.safeParse(opts.name);
  if (!name.success) throw new ApiError('invalid', name.error.issues[0]?.message ?? 'The case name is not valid');
  if (typeof opts.author !== 'string' || opts.author.trim() === '') throw new ApiError('invalid', 'A case must be created by a named author');
  if (opts.id !== undefined && !Uuid.safeParse(opts.id).success) throw new ApiError('invalid', 'The case id is not a valid UUID');
  const caseId = opts.id ?? randomUUID();
  const inMemory = filePath === ':memory:';
  const subject = inMemory ? 'the in-memory case' : fileSubject(filePath);

  if (!inMemory) {
    if (!filePath.toLowerCase().endsWith(CASE_EXTENSION)) {
      throw new ApiError('invalid', `A case file name must end in ${CASE_EXTENSION} (${subject} does not).`);
    }
    const dir = path.dirname(path.resolve(filePath));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new ApiError('io', `The folder “${dir}” does not exist.`);
    }
    try {
      // 'wx' creates the file only if nothing is there, atomically: no overwrite, no race.
      fs.closeSync(fs.openSync(filePath, 'wx'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new ApiError('io', `${subject} already exists; Faultline does not overwrite files.`);
      }
      throw ioError(err, `create ${subject}`);
    }
    // Leftover -wal/-journal files of an earlier file with this name would be replayed into the
    // new, empty database by SQLite; they belong to a file that no longer exists.
    for (const suffix of SIDECARS) fs.rmSync(filePath + suffix, { force: true });
  }

  let db: Database.Database | null = null;
  try {
    db = openNewForWriting(filePath);
    const now = timestamp();
    const conn = db;
    conn.transaction(() => {
      runMigrations(conn);
      writeMeta(conn, META_KEYS.caseId, caseId);
      writeMeta(conn, META_KEYS.name, name.data);
      writeMeta(conn, META_KEYS.createdAt, now);
      writeMeta(conn, META_KEYS.createdBy, opts.author);
      new AuditLog(conn, caseId).record({
        at: now,
        author: opts.author,
        table: 'faultline_meta',
        rowId: caseId,
        action: 'create',
        before: null,
        after: { case_id: caseId, name: name.data },
      });
    })();
    return new GpkgCaseStore(conn, filePath, caseId);
  } catch (err) {
    db?.close();
    if (!inMemory) removeCaseFiles(filePath);
    throw ioError(err, `create ${subject}`);
  }
}

/**
 * Opens an existing case read-write: `inspectCaseFile` must accept it (a SQLite file, intact,
 * a GeoPackage, a Faultline case, not from a newer Faultline, no foreign triggers or views),
 * then pending migrations run. Throws ApiError with one sentence naming what is wrong.
 */
export function openCase(filePath: string): GpkgCaseStore {
  const inspection = inspectCaseFile(filePath);
  if (!inspection.ok) throw inspectionError(inspection);
  const subject = fileSubject(filePath);
  try {
    fs.accessSync(filePath, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new ApiError('io', `${subject} is read-only; Faultline needs to write to a case it opens (import it into a new case instead).`);
  }
  try {
    // SQLite keeps its -wal and -shm files next to the case.
    fs.accessSync(path.dirname(path.resolve(filePath)), fs.constants.W_OK);
  } catch {
    throw new ApiError('io', `The folder of ${subject} is read-only; Faultline needs to write next to a case it opens.`);
  }

  let db: Database.Database | null = null;
  try {
    db = openVerifiedForWriting(filePath, subject);
    runMigrations(db);
    const caseId = readMeta(db, META_KEYS.caseId);
    if (caseId === null) throw new ApiError('bad_file', `${subject} is a GeoPackage but not a Faultline case.`);
    return new GpkgCaseStore(db, filePath, caseId);
  } catch (err) {
    db?.close();
    throw ioError(err, `open ${subject}`);
  }
}

/**
 * Opens a case read-only (trusted_schema OFF, nothing written, no migration), runs `read` on it
 * and closes it. For the CLI and other readers that must not touch the file. A case from an
 * older Faultline is read as it is; one from a newer Faultline is refused like `openCase` does.
 */
export function openCaseReadOnly<T>(filePath: string, read: (store: CaseReader) => T): T {
  const inspection = inspectCaseFile(filePath);
  if (!inspection.ok) throw inspectionError(inspection);
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(filePath);
    const store = new GpkgCaseStore(db, filePath, inspection.info.caseId, { readOnly: true });
    return read(store);
  } catch (err) {
    throw ioError(err, `read ${fileSubject(filePath)}`);
  } finally {
    db?.close();
  }
}
