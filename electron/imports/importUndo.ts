import { ApiError } from '../../shared/api/errors';
import { timestamp } from '../../shared/domain/dates';
import type { CaseInfo } from '../../shared/domain/case';
import type { ImportUndoResult } from '../../shared/domain/merge';
import { openReadOnly } from '../store/connection';
import { changesSince, describeLaterChanges } from './laterChanges';
import { copyCaseFile, pruneSnapshots, restoreCaseFile, snapshotDir } from './snapshots';

/**
 * Undo and redo of imports (of colleagues' case files and of data from other tools), known for
 * the session: each import taken with a snapshot of the case before it can be undone as one
 * step, by putting that snapshot back.
 *
 * Putting a snapshot back wipes whatever was done after the import as well, so before doing it
 * the case is compared with the audit log's position at the end of the import (laterChanges.ts):
 * when anything is different, nothing is done and the answer names that work, for the analyst
 * to decide; only `discardLaterWork` goes on. Either way the case as it was just before the undo
 * is copied first, so redo puts back the import and everything after it.
 */

export interface UndoableImport {
  importId: string;
  casePath: string;
  caseId: string;
  /** What was imported, for messages: “Bo’s copy”, “acled.csv”. */
  label: string;
  /** The snapshot taken before the import. */
  before: string;
  /** The audit log's position at the end of the import (laterChanges.ts). */
  mark: number;
}

export interface UndoHost {
  currentCasePath(): string | null;
  /** Closes the open case, runs `change` on its file, and opens it again. */
  reopenAfter(change: (path: string) => void): CaseInfo;
}

export class ImportUndo {
  private readonly _imports = new Map<string, UndoableImport & { after: string | null }>();

  constructor(
    private readonly _snapshotsRoot: string,
    private readonly _host: UndoHost,
  ) {}

  remember(entry: UndoableImport): void {
    this._imports.set(entry.importId, { ...entry, after: null });
    pruneSnapshots(snapshotDir(this._snapshotsRoot, entry.caseId));
  }

  private _entry(importId: string) {
    const entry = this._imports.get(importId);
    if (!entry) throw new ApiError('not_found', 'This import can no longer be undone (its snapshot is not known in this session).');
    if (this._host.currentCasePath() !== entry.casePath) throw new ApiError('invalid', 'The case of that import is not the open case.');
    return entry;
  }

  /** The work done in the case since the import, in words, or null. */
  laterWork(importId: string): string | null {
    const entry = this._entry(importId);
    const db = openReadOnly(entry.casePath);
    try {
      return describeLaterChanges(changesSince(db, entry.caseId, entry.mark));
    } finally {
      db.close();
    }
  }

  undo(importId: string, discardLaterWork: boolean): ImportUndoResult {
    const entry = this._entry(importId);
    const later = this.laterWork(importId);
    if (later && !discardLaterWork) {
      return {
        undone: false,
        laterWork: later,
        message: `Undoing the import of “${entry.label}” would also undo what was done in the case after it: ${later}. Nothing was changed.`,
      };
    }
    const stamp = timestamp().replace(/[:.]/g, '-');
    const info = this._host.reopenAfter((casePath) => {
      entry.after = copyCaseFile(casePath, snapshotDir(this._snapshotsRoot, entry.caseId), `${stamp}-after-import-${importId.slice(-12)}.gpkg`);
      restoreCaseFile(casePath, entry.before);
    });
    return { undone: true, info };
  }

  redo(importId: string): CaseInfo {
    const entry = this._entry(importId);
    const after = entry.after;
    if (!after) throw new ApiError('not_found', 'There is no undone import to redo.');
    return this._host.reopenAfter((casePath) => restoreCaseFile(casePath, after));
  }
}
