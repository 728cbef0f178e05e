import fs from 'node:fs';
import path from 'node:path';
import type { ForeignImportResult, ForeignLayerChoice, ForeignPreview } from '../../../shared/domain/foreign';
import type { AdminArea } from '../../../shared/domain/incident';
import { newRowId } from '../../store/rowIds';
import { openTargetConnection, snapshotFileName, takeSnapshot, type CaseTarget } from '../caseImport';
import { auditMark } from '../laterChanges';
import { copyOutsideFile, type PreparedFile } from '../sourceFile';
import { applyForeignImport, wroteAnything } from './applyForeign';
import type { ForeignDataset } from './foreignLayer';
import { foreignPreview } from './foreignPreview';
import { readForeignFile } from './readForeignFile';

/**
 * File ▸ Import Data: a file from another tool is copied privately (as a case file is), read
 * into layers, and shown for mapping; then the layers the analyst mapped are written.
 */
export interface PreparedForeignImport {
  id: string;
  dataset: ForeignDataset;
  preview: ForeignPreview;
  dispose(): void;
}

export function prepareForeignImport(filePath: string, target: CaseTarget): PreparedForeignImport {
  const file: PreparedFile = copyOutsideFile(filePath, { notSameAs: target.path, sqlite: /\.gpkg$/i.test(filePath) });
  try {
    const dataset = readForeignFile(file);
    const id = newRowId();
    // A GeoPackage is read as it is copied; the rest is in memory: the copy is not needed.
    file.dispose();
    return { id, dataset, preview: foreignPreview(id, dataset), dispose: () => {} };
  } catch (err) {
    file.dispose();
    throw err;
  }
}

export interface AppliedForeignImport extends ForeignImportResult {
  /** The snapshot of the case before the import, when one was taken and kept. */
  snapshotPath: string | null;
  /** The audit log's position right after the import (see laterChanges.ts). */
  auditMark: number;
}

/**
 * Writes the mapped layers. Like a case import, a real one (not a dry run) is preceded by a
 * snapshot of the case in `snapshotDir` (per case id), so it can be undone as one step; the
 * snapshot is removed again when the import changed nothing or failed.
 */
export function applyForeignChoices(
  prepared: PreparedForeignImport,
  target: CaseTarget,
  choices: ForeignLayerChoice[],
  options: { author: string; lookup(lon: number, lat: number): AdminArea; importValidPart: boolean; dryRun: boolean; snapshotDir?: string | null },
): AppliedForeignImport {
  const db = openTargetConnection(target);
  const importId = newRowId();
  let snapshotPath: string | null = null;
  try {
    if (options.snapshotDir && !options.dryRun) snapshotPath = takeSnapshot(db, path.join(options.snapshotDir, target.caseId), snapshotFileName(importId));
    const written = applyForeignImport(db, prepared.dataset, choices, { ...options, caseId: target.caseId, importId });
    const changed = !options.dryRun && wroteAnything(written);
    if (!changed && snapshotPath) {
      fs.rmSync(snapshotPath, { force: true });
      snapshotPath = null;
    }
    return { ...written, importId: changed ? importId : null, undoable: changed && snapshotPath !== null, snapshotPath, auditMark: auditMark(db) };
  } catch (err) {
    if (snapshotPath) fs.rmSync(snapshotPath, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
