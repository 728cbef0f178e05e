import { join } from 'node:path';
import type { MergeCounts } from '../../shared/domain/merge';
import { applyCaseImport, checkConsent, openIncomingCase, previewIncomingCase } from '../imports/caseImport';
import { ImportFileError } from '../imports/importErrors';
import type { GpkgCaseStore } from '../store/caseStore';
import { inspectCaseFile, inspectionError } from '../store/inspectCaseFile';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations/index';
import { SettingsStore } from '../services/settingsStore';

/**
 * `faultline import <case.gpkg> <other.gpkg>`: merges a colleague's case file into a case,
 * the same way File ▸ Import Case File does (preview, snapshot, one transaction), without the
 * questions: rows the file cannot supply are refused unless `--skip-invalid` says to import
 * the rest, and conflicts are stored in the case for the analyst to resolve in the app.
 *
 * A refused import leaves the case byte for byte as it was. Opening a case read-write moves
 * SQLite's change counter (and may bring it to the current schema), so the case is only
 * inspected read-only until the incoming file has passed every check of its own and the
 * preview has shown it can be imported as asked; a case that needs its schema brought up to
 * date (or its spatial index rebuilt) is opened for that only then.
 */
export interface ImportCommandOptions {
  target: string;
  other: string;
  importValidPart: boolean;
  userDataDir: string;
  openCase: (path: string) => GpkgCaseStore;
}

export async function importCaseFileCommand(options: ImportCommandOptions): Promise<{ counts: MergeCounts; summary: string }> {
  const inspection = inspectCaseFile(options.target);
  if (!inspection.ok && inspection.problem !== 'broken_spatial_index') throw inspectionError(inspection);
  const incoming = openIncomingCase(options.other, { path: options.target });
  if (incoming.kind === 'foreign') throw new ImportFileError('not_faultline', incoming.message);
  let info: { id: string; name: string };
  if (inspection.ok && inspection.info.schemaVersion === CURRENT_SCHEMA_VERSION) {
    info = { id: inspection.info.caseId, name: inspection.info.name };
  } else {
    // An older schema or a broken spatial index: opening the case puts it right.
    try {
      const store = options.openCase(options.target);
      info = store.info();
      store.close();
    } catch (err) {
      incoming.source.close();
      incoming.file.dispose();
      throw err;
    }
  }
  const target = { path: options.target, caseId: info.id };
  const prepared = await previewIncomingCase(incoming, target);
  try {
    checkConsent(prepared, options.importValidPart);
    const result = await applyCaseImport(prepared, target, {
      author: new SettingsStore(options.userDataDir).get().author,
      importValidPart: options.importValidPart,
      snapshotDir: join(options.userDataDir, 'snapshots'),
    });
    const c = result.counts;
    const lines = [
      `Imported “${prepared.preview.source.name}” into “${info.name}”: ${c.added} added, ${c.updated} updated, ${c.deleted} deleted, ${c.unchanged} unchanged, ${c.conflicts} conflicts.`,
    ];
    if (result.skipped) lines.push(`${result.skipped} rows of the file could not be imported and were skipped.`);
    if (c.conflicts) lines.push('Conflicts are kept in the case until you resolve them in Faultline.');
    if (result.snapshotPath) lines.push(`The case as it was before is saved in ${result.snapshotPath}`);
    if (!result.importId) lines.push('Nothing changed: the case already had everything in that file.');
    return { counts: c, summary: lines.join('\n') };
  } finally {
    prepared.dispose();
  }
}
