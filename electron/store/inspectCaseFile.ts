import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { Uuid } from '../../shared/domain/incident';
import { findComputedColumns, shortName } from './computedColumns';
import { openReadOnly } from './connection';
import { GPKG_APPLICATION_ID, GPKG_LEGACY_APPLICATION_IDS } from './gpkgCore';
import { META_KEYS, META_TABLE, hasTable, readMeta, readSchemaVersion } from './meta';
import { CURRENT_SCHEMA_VERSION } from './migrations/index';
import { newerSchemaMessage } from './migrations/runner';
import { findSchemaProblem } from './schemaCheck';

/**
 * Says whether a file is a Faultline case we can open, without writing to it: the file is
 * opened read-only with trusted_schema=OFF (see connection.ts), so this is safe on any file and
 * is what the CLI `validate` command and `openCase` use. Each failure is one sentence naming the
 * file and what is wrong with it.
 */

export type CaseFileProblem =
  | 'not_found'
  | 'not_a_file'
  | 'unreadable'
  | 'not_sqlite'
  | 'corrupt'
  | 'not_gpkg'
  | 'not_faultline'
  | 'newer_schema'
  | 'foreign_schema_objects'
  | 'computed_columns'
  | 'broken_spatial_index';

export interface CaseFileInfo {
  caseId: string;
  name: string;
  schemaVersion: number;
  /** Live (not tombstoned) rows. */
  incidents: number;
  zones: number;
}

export type CaseFileInspection =
  | { ok: true; info: CaseFileInfo }
  | { ok: false; problem: CaseFileProblem; message: string };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** How a file is named in messages: its base name in quotes. */
export function fileSubject(filePath: string): string {
  return `“${path.basename(filePath)}”`;
}

function fail(problem: CaseFileProblem, message: string): CaseFileInspection {
  return { ok: false, problem, message };
}

/** Checks that `filePath` is (or links to) a regular, readable file that starts like SQLite. */
function inspectFileOnDisk(filePath: string, subject: string): CaseFileInspection | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath); // follows a symlink to what it points at
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not_found', `${subject} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') return fail('unreadable', `${subject} cannot be read (permission denied).`);
    return fail('unreadable', `${subject} cannot be read (${code ?? 'unknown error'}).`);
  }
  if (stat.isDirectory()) return fail('not_a_file', `${subject} is a folder, not a case file.`);
  if (!stat.isFile()) return fail('not_a_file', `${subject} is not a regular file (it is a device, pipe or socket).`);
  if (stat.size === 0) return fail('not_sqlite', `${subject} is empty, not a case file.`);

  const header = Buffer.alloc(100);
  let read = 0;
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      read = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail('unreadable', `${subject} cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error')}).`);
  }
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return fail('not_sqlite', `${subject} is not a SQLite file.`);
  }
  if (read < 100) return fail('corrupt', `${subject} is damaged (its SQLite header is cut off).`);

  // The header records the database size; a file shorter than that was cut off (an interrupted
  // copy or download). The count is only valid when its "valid-for" stamp matches the change
  // counter, and a WAL file may still hold pages, so only judge a file that has no WAL.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  const changeCounter = header.readUInt32BE(24);
  const walSize = fs.existsSync(`${filePath}-wal`) ? fs.statSync(`${filePath}-wal`).size : 0;
  if (pages > 0 && validFor === changeCounter && walSize === 0 && stat.size < pages * pageSize) {
    return fail(
      'corrupt',
      `${subject} is damaged (it is shorter than its header says; it may have been cut off while being copied).`,
    );
  }
  return null;
}

function sqliteFailure(err: unknown, subject: string): CaseFileInspection {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB') return fail('not_sqlite', `${subject} is not a SQLite file.`);
  if (code.startsWith('SQLITE_CORRUPT')) return fail('corrupt', `${subject} is damaged (${message}).`);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM')) {
    return fail('unreadable', `${subject} cannot be read (${message}).`);
  }
  return fail('corrupt', `${subject} could not be read as a case (${message}).`);
}

function liveCount(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}

function inspectDatabase(db: Database.Database, filePath: string, subject: string): CaseFileInspection {
  // Before anything reads a row (the integrity check reads them all): a computed column could
  // make that read take minutes (computedColumns.ts).
  const computed = findComputedColumns(db);
  if (computed[0]) {
    return fail(
      'computed_columns',
      `${subject} has a computed column “${shortName(computed[0].column)}” in its table “${shortName(computed[0].table)}”, which no Faultline case has; it is not opened.`,
    );
  }
  const check = db.pragma('quick_check') as { quick_check: string }[];
  const firstProblem = check[0]?.quick_check ?? 'no result';
  if (firstProblem !== 'ok') return fail('corrupt', `${subject} is damaged (integrity check failed: ${firstProblem}).`);

  const applicationId = (db.pragma('application_id', { simple: true }) as number) >>> 0;
  if (applicationId !== GPKG_APPLICATION_ID && !GPKG_LEGACY_APPLICATION_IDS.includes(applicationId)) {
    return fail('not_gpkg', `${subject} is a SQLite database but not a GeoPackage.`);
  }

  const notFaultline = fail('not_faultline', `${subject} is a GeoPackage but not a Faultline case.`);
  if (!hasTable(db, META_TABLE)) return notFaultline;
  let caseId: string | null;
  let schemaVersion: number;
  try {
    caseId = readMeta(db, META_KEYS.caseId);
    schemaVersion = readSchemaVersion(db);
  } catch {
    return notFaultline;
  }
  if (caseId === null || !Uuid.safeParse(caseId).success || !(schemaVersion >= 1)) return notFaultline;
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    return fail('newer_schema', newerSchemaMessage(schemaVersion, CURRENT_SCHEMA_VERSION, subject));
  }

  const schemaProblem = findSchemaProblem(db, subject);
  if (schemaProblem) return fail(schemaProblem.problem, schemaProblem.message);

  let incidents: number;
  let zones: number;
  try {
    incidents = liveCount(db, 'incidents');
    zones = liveCount(db, 'zones');
  } catch {
    return fail('not_faultline', `${subject} is a GeoPackage but not a Faultline case (its incident or zone table is missing or altered).`);
  }
  const name = readMeta(db, META_KEYS.name) ?? path.basename(filePath, path.extname(filePath));
  return { ok: true, info: { caseId, name, schemaVersion, incidents, zones } };
}

export function inspectCaseFile(filePath: string): CaseFileInspection {
  const subject = fileSubject(filePath);
  const onDisk = inspectFileOnDisk(filePath, subject);
  if (onDisk) return onDisk;
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(filePath);
    return inspectDatabase(db, filePath, subject);
  } catch (err) {
    return sqliteFailure(err, subject);
  } finally {
    db?.close();
  }
}

/** The ApiError `openCase` throws for a failed inspection. */
export function inspectionError(result: Extract<CaseFileInspection, { ok: false }>): ApiError {
  if (result.problem === 'not_found') return new ApiError('not_found', result.message);
  if (result.problem === 'unreadable') return new ApiError('io', result.message);
  if (result.problem === 'corrupt') return new ApiError('damaged', result.message);
  return new ApiError('bad_file', result.message);
}
