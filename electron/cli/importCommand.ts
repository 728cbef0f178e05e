import { join } from 'node:path';
import type { MergeCounts } from '../../shared/domain/merge';
import { applyCaseImport, prepareCaseImport } from '../imports/caseImport';
import { ImportFileError } from '../imports/importErrors';
import type { GpkgCaseStore } from '../store/caseStore';
import { SettingsStore } from '../services/settingsStore';

/**
 * `faultline import <case.gpkg> <other.gpkg>`: merges a colleague's case file into a case,
 * the same way File ▸ Import Case File does (preview, snapshot, one transaction), without the
 * questions: rows the file cannot supply are refused unless `--skip-invalid` says to import
 * the rest, and conflicts are stored in the case for the analyst to resolve in the app.
 */
export interface ImportCommandOptions {
  target: string;
  other: string;
  importValidPart: boolean;
  userDataDir: string;
  openCase: (path: string) => GpkgCaseStore;
}

export async function importCaseFileCommand(options: ImportCommandOptions): Promise<{ counts: MergeCounts; summary: string }> {
  // Opening the case checks it (integrity, schema) and brings it to the current schema.
  const store = options.openCase(options.target);
  try {
    const info = store.info();
    const target = { path: options.target, caseId: info.id };
    const prepared = await prepareCaseImport(options.other, target);
    if (prepared.kind === 'foreign') throw new ImportFileError('not_faultline', prepared.message);
    try {
      const result = await applyCaseImport(prepared.prepared, target, {
        author: new SettingsStore(options.userDataDir).get().author,
        importValidPart: options.importValidPart,
        snapshotDir: join(options.userDataDir, 'snapshots'),
      });
      const c = result.counts;
      const lines = [
        `Imported “${prepared.prepared.preview.source.name}” into “${info.name}”: ${c.added} added, ${c.updated} updated, ${c.deleted} deleted, ${c.unchanged} unchanged, ${c.conflicts} conflicts.`,
      ];
      if (result.skipped) lines.push(`${result.skipped} rows of the file could not be imported and were skipped.`);
      if (c.conflicts) lines.push('Conflicts are kept in the case until you resolve them in Faultline.');
      if (result.snapshotPath) lines.push(`The case as it was before is saved in ${result.snapshotPath}`);
      if (!result.importId) lines.push('Nothing changed: the case already had everything in that file.');
      return { counts: c, summary: lines.join('\n') };
    } finally {
      prepared.prepared.dispose();
    }
  } finally {
    store.close();
  }
}
