import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { timestamp } from '../../shared/domain/dates';
import type { ImportPreview, ImportResult } from '../../shared/domain/merge';
import { openReadOnly, openVerifiedForWriting } from '../store/connection';
import { fileSubject } from '../store/inspectCaseFile';
import { newRowId } from '../store/rowIds';
import { openSourceCase, type SourceCase } from './caseSource';
import { ImportFileError } from './importErrors';
import { auditMark } from './laterChanges';
import { applyMerge, previewMerge, type MergeControl, type MergeReport } from './mergeEngine';
import { copyOutsideFile, type PreparedFile } from './sourceFile';

/**
 * One import of a colleague's case file, from choosing the file to the merged case:
 *
 *   prepareCaseImport(file, target)  private copy, checks, preview (nothing written)
 *   applyCaseImport(prepared, ...)   snapshot of the case, then the merge in one transaction
 *
 * The prepared import holds the private copy, so what is applied is exactly what was
 * previewed, however the original changes meanwhile. `dispose()` removes the copy.
 *
 * The target is named by its path and gets its own connection here: the import's transaction
 * stays open across turns of the event loop (progress, cancel), and on a connection of its own
 * it cannot swallow anything else's writes, while the open case keeps reading the committed
 * state.
 */

export interface CaseTarget {
  path: string;
  caseId: string;
}

export interface PreparedCaseImport {
  id: string;
  source: SourceCase;
  report: MergeReport;
  preview: ImportPreview;
  dispose(): void;
}

export type PreparedImportResult = { kind: 'case'; prepared: PreparedCaseImport } | { kind: 'foreign'; message: string };

export function openTargetConnection(target: CaseTarget): Database.Database {
  return openVerifiedForWriting(target.path, fileSubject(target.path));
}

function toPreview(id: string, source: SourceCase, target: CaseTarget, report: MergeReport): ImportPreview {
  const sorted = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    previewId: id,
    source: { fileName: source.file.fileName, caseId: source.caseId, name: source.name, sameCase: source.caseId === target.caseId },
    incidents: report.incidents,
    zones: report.zones,
    totals: report.totals,
    authors: sorted(report.authors).map(([name, count]) => ({ name, count })),
    origins: sorted(report.origins).map(([caseId, count]) => ({ caseId, name: caseId === target.caseId ? 'this case' : (source.caseNames.get(caseId) ?? null), count })),
    skipped: { total: report.skippedTotal, rows: report.skipped },
    warnings: source.warnings,
  };
}

/** A colleague's case file, copied privately and checked, not yet compared with the target. */
export type IncomingCase = { kind: 'case'; file: PreparedFile; source: SourceCase } | { kind: 'foreign'; message: string };

/**
 * The checks of the incoming file alone (private copy, link, still being written, the case
 * itself, SQLite, computed columns, inspection, tables): nothing of the target is opened.
 */
export function openIncomingCase(filePath: string, target: Pick<CaseTarget, 'path'>): IncomingCase {
  const file = copyOutsideFile(filePath, { notSameAs: target.path, sqlite: true });
  try {
    const opened = openSourceCase(file);
    if (opened.kind === 'foreign') {
      file.dispose();
      return opened;
    }
    return { kind: 'case', file, source: opened.source };
  } catch (err) {
    file.dispose();
    throw err;
  }
}

/** What importing an incoming case would do; reads the target only. Takes over `incoming`. */
export async function previewIncomingCase(incoming: Extract<IncomingCase, { kind: 'case' }>, target: CaseTarget, control: MergeControl = {}): Promise<PreparedCaseImport> {
  const { file, source } = incoming;
  let db: Database.Database | null = null;
  try {
    db = openReadOnly(target.path);
    const report = await previewMerge(db, target.caseId, source, control);
    const id = newRowId();
    return {
      id,
      source,
      report,
      preview: toPreview(id, source, target, report),
      dispose() {
        source.close();
        file.dispose();
      },
    };
  } catch (err) {
    source.close();
    file.dispose();
    throw err;
  } finally {
    db?.close();
  }
}

export async function prepareCaseImport(filePath: string, target: CaseTarget, control: MergeControl = {}): Promise<PreparedImportResult> {
  const incoming = openIncomingCase(filePath, target);
  if (incoming.kind === 'foreign') return incoming;
  return { kind: 'case', prepared: await previewIncomingCase(incoming, target, control) };
}

/** Page cache of the import's connection (KiB): enough for the indexes of a 200,000-incident case. */
const IMPORT_CACHE_KB = 64 * 1024;

export interface ApplyCaseImportOptions {
  author: string;
  importValidPart?: boolean;
  /** Folder for the snapshot taken before the merge; none when null (benchmarks). */
  snapshotDir: string | null;
}

export interface AppliedImport extends ImportResult {
  /** Path of the snapshot of the case before the import, when one was taken and kept. */
  snapshotPath: string | null;
  /** The audit log's position right after the import (see laterChanges.ts). */
  auditMark: number;
}

/** Refuses up front what the preview already showed needs the analyst's consent. */
export function checkConsent(prepared: PreparedCaseImport, importValidPart: boolean): void {
  if (importValidPart) return;
  const { preview } = prepared;
  if (preview.warnings.length) throw new ImportFileError('foreign_schema_objects', `${preview.warnings[0]} Nothing was changed; import the valid part to go on.`);
  if (preview.skipped.total) {
    const n = preview.skipped.total;
    const first = preview.skipped.rows[0];
    const where = first ? ` (${first.table === 'incidents' ? 'incident' : 'zone'} “${first.label}”: ${first.reason})` : '';
    throw new ImportFileError('invalid_rows', `“${preview.source.fileName}” has ${n} row${n === 1 ? '' : 's'} Faultline cannot import${where}; nothing was changed. Import the valid part to skip ${n === 1 ? 'it' : 'them'}.`);
  }
}

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function snapshotFileName(importId: string, when = timestamp()): string {
  return `${when.replace(/[:.]/g, '-')}-before-import-${importId.slice(-12)}.gpkg`;
}

/** A consistent copy of the case as it is now (VACUUM INTO reads one snapshot of the file). */
export function takeSnapshot(db: Database.Database, dir: string, fileName: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}

export async function applyCaseImport(
  prepared: PreparedCaseImport,
  target: CaseTarget,
  options: ApplyCaseImportOptions,
  control: MergeControl = {},
): Promise<AppliedImport> {
  checkConsent(prepared, options.importValidPart ?? false);
  // The preview validated these bytes; make sure they still are those bytes.
  if (sha256Of(prepared.source.file.copyPath) !== prepared.source.file.sha256) {
    throw new ImportFileError('changed_since_preview', `The copy of “${prepared.source.file.fileName}” read for the preview has changed since; choose the file again.`);
  }
  const db = openTargetConnection(target);
  // A merge inserts all over the case's indexes (ids and dates of two analysts interleave):
  // with SQLite's default 2 MB page cache most of those inserts would read their page again.
  db.pragma(`cache_size = -${IMPORT_CACHE_KB}`);
  const importId = newRowId();
  let snapshotPath: string | null = null;
  try {
    if (options.snapshotDir) snapshotPath = takeSnapshot(db, path.join(options.snapshotDir, target.caseId), snapshotFileName(importId));
    const report = await applyMerge(
      db,
      target.caseId,
      prepared.source,
      {
        importId,
        author: options.author,
        importValidPart: options.importValidPart ?? false,
        snapshot: snapshotPath ? path.basename(snapshotPath) : null,
        validated: prepared.report.skippedFids,
      },
      control,
    );
    if (!report.changed && snapshotPath) {
      fs.rmSync(snapshotPath, { force: true });
      snapshotPath = null;
    }
    return { importId: report.changed ? importId : null, counts: report.totals, skipped: report.skippedTotal, undoable: snapshotPath !== null, snapshotPath, auditMark: auditMark(db) };
  } catch (err) {
    if (snapshotPath) fs.rmSync(snapshotPath, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
