import Database from 'better-sqlite3';
import { openReadOnly } from '../store/connection';
import { fileSubject, inspectCaseFile } from '../store/inspectCaseFile';
import { META_KEYS, hasTable, readMeta, readSchemaVersion } from '../store/meta';
import { findSchemaProblem } from '../store/schemaCheck';
import type { MergeTable } from './contentHash';
import { ImportFileError } from './importErrors';
import { missingColumns } from './sourceRows';
import type { PreparedFile } from './sourceFile';
import { refuseUnsafeTables } from './storedValuesGuard';

/**
 * A Faultline case file from elsewhere, opened for reading (DESIGN §3, "Opening a file someone
 * else made"): its private copy (see sourceFile.ts) is opened read-only with
 * trusted_schema=OFF, checked by `inspectCaseFile` (SQLite, intact by quick_check, GeoPackage,
 * Faultline, not newer), and read through its tables only, never its views.
 *
 * Triggers and views Faultline did not create do not stop an import: they are the file's code,
 * and a read-only connection with trusted_schema=OFF never runs them. They are reported as a
 * warning, and the analyst decides whether to import the data anyway ("the valid part").
 *
 * Two connections: one streams rows with `iterate()` (which keeps its connection busy), the
 * other answers lookups (the history of a row) while the stream is open.
 */
export interface SourceCase {
  file: PreparedFile;
  caseId: string;
  name: string;
  schemaVersion: number;
  /** Rows in the file (live and tombstoned), for progress. */
  rowCounts: Record<MergeTable, number>;
  /** File-level problems that need the analyst's consent (views, triggers). */
  warnings: string[];
  /** Names of cases this file knows: its own, and those it imported from. */
  caseNames: Map<string, string>;
  stream: Database.Database;
  lookup: Database.Database;
  /** Whether the file has the tables of schema 2 (row_revisions...). */
  hasMergeState: boolean;
  close(): void;
}

export type OpenedSource = { kind: 'case'; source: SourceCase } | { kind: 'foreign'; message: string };

const FEATURE_TABLES: readonly MergeTable[] = ['incidents', 'zones'];

function isRealTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/**
 * Case ids → names this file knows. Names are text from the file: single line, cut short; a
 * value longer than any name we write is not read at all (octet_length tells without reading).
 */
function knownCaseNames(db: Database.Database, caseId: string, name: string): Map<string, string> {
  const names = new Map<string, string>([[caseId, name]]);
  if (!isRealTable(db, 'merge_imports')) return names;
  try {
    const rows = db
      .prepare(
        `SELECT CASE WHEN octet_length(source_case_id) <= 40 THEN source_case_id END AS id,
                CASE WHEN octet_length(source_case_name) <= 484 THEN source_case_name ELSE '…' END AS name
           FROM merge_imports LIMIT 10000`,
      )
      .all() as { id: unknown; name: unknown }[];
    for (const r of rows) {
      if (typeof r.id === 'string' && typeof r.name === 'string' && !names.has(r.id)) names.set(r.id, r.name.replace(/[\r\n\t\p{Cc}]/gu, ' ').slice(0, 120));
    }
  } catch {
    // A damaged or altered table only costs us the names.
  }
  return names;
}

export function openSourceCase(file: PreparedFile): OpenedSource {
  const subject = fileSubject(file.originalPath);
  // Before the inspection: its integrity check reads every column of every row.
  refuseUnsafeTables(file.copyPath, subject);
  const inspection = inspectCaseFile(file.copyPath);
  const warnings: string[] = [];
  if (!inspection.ok) {
    switch (inspection.problem) {
      case 'not_faultline':
        return { kind: 'foreign', message: `${subject} is a GeoPackage but not a Faultline case; its layers can be imported as data instead.` };
      case 'foreign_schema_objects':
        // Reported, not refused: see above. The message names the object.
        warnings.push(`${inspection.message.replace(/, so Faultline will not open it for editing; import its data into a case instead\.$/, '.')} Faultline reads only its tables and never runs that code.`);
        break;
      case 'broken_spatial_index':
        break; // We never use the other file's spatial index.
      default:
        throw new ImportFileError(inspection.problem, inspection.message);
    }
  }
  const stream = openReadOnly(file.copyPath);
  let lookup: Database.Database | null = null;
  try {
    lookup = openReadOnly(file.copyPath);
    for (const table of FEATURE_TABLES) {
      if (!isRealTable(stream, table)) {
        throw new ImportFileError('not_a_case_table', `${subject} has no “${table}” table (it may be a view), so it is not a Faultline case that can be imported.`);
      }
      const lacking = missingColumns(stream, table);
      if (lacking.length) {
        throw new ImportFileError('not_a_case_table', `${subject} is not a complete Faultline case: its “${table}” table has no “${lacking[0]}” column.`);
      }
    }
    // The views-and-triggers warning lists the first such object; look for one in case the
    // inspection stopped at an earlier problem.
    if (warnings.length === 0) {
      const problem = findSchemaProblem(stream, subject);
      if (problem?.problem === 'foreign_schema_objects') {
        warnings.push(`${problem.message.replace(/, so Faultline will not open it for editing; import its data into a case instead\.$/, '.')} Faultline reads only its tables and never runs that code.`);
      }
    }
    const caseId = readMeta(stream, META_KEYS.caseId)!;
    const name = (readMeta(stream, META_KEYS.name) ?? file.fileName).replace(/[\r\n\t\p{Cc}]/gu, ' ').slice(0, 120);
    const count = (table: MergeTable) => (stream.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const source: SourceCase = {
      file,
      caseId,
      name,
      schemaVersion: readSchemaVersion(stream),
      rowCounts: { incidents: count('incidents'), zones: count('zones') },
      warnings,
      caseNames: knownCaseNames(stream, caseId, name),
      stream,
      lookup,
      hasMergeState: hasTable(stream, 'row_revisions') && isRealTable(stream, 'row_revisions'),
      close() {
        stream.close();
        lookup?.close();
      },
    };
    return { kind: 'case', source };
  } catch (err) {
    stream.close();
    lookup?.close();
    if (err instanceof ImportFileError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportFileError('corrupt', `${subject} could not be read as a case (${message}).`);
  }
}
