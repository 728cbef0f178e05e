import type { ForeignImportResult, ForeignLayerChoice, ForeignPreview } from '../../../shared/domain/foreign';
import type { AdminArea } from '../../../shared/domain/incident';
import { newRowId } from '../../store/rowIds';
import { openTargetConnection, type CaseTarget } from '../caseImport';
import { copyOutsideFile, type PreparedFile } from '../sourceFile';
import { applyForeignImport } from './applyForeign';
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

export function applyForeignChoices(
  prepared: PreparedForeignImport,
  target: CaseTarget,
  choices: ForeignLayerChoice[],
  options: { author: string; lookup(lon: number, lat: number): AdminArea; importValidPart: boolean; dryRun: boolean },
): ForeignImportResult {
  const db = openTargetConnection(target);
  try {
    return applyForeignImport(db, prepared.dataset, choices, { ...options, caseId: target.caseId, importId: newRowId() });
  } finally {
    db.close();
  }
}
