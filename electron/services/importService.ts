import { join } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CaseInfo } from '../../shared/domain/case';
import { applyCaseImport, openTargetConnection, prepareCaseImport, type PreparedCaseImport } from '../imports/caseImport';
import { listConflicts, resolveConflict } from '../imports/conflicts';
import { ImportFileError } from '../imports/importErrors';
import type { MergeControl } from '../imports/mergeEngine';
import { rowHistory } from '../imports/rowHistory';
import { ImportUndo } from '../imports/importUndo';
import { openReadOnly } from '../store/connection';
import type { CaseStore } from '../store/types';
import type { HostHooks } from './host';

/**
 * The `imports` and `history` services: previews and imports of colleagues' case files, the
 * conflicts they leave, undo of an import (importUndo.ts: of data imports too), and the history
 * of a row.
 *
 * One import runs at a time, and while it runs nothing else may write to the case (its
 * transaction is open across turns of the event loop; see mergeEngine.ts): `isBusy` tells the
 * other services to refuse writes with a clear message instead.
 */

export interface ImportServiceContext {
  userDataDir: string;
  hooks: HostHooks;
  currentCase(): CaseStore | null;
  author(): string;
  /** Closes the open case, runs `change` on its file, and opens it again (undo, redo). */
  reopenAfter(change: (path: string) => void): CaseInfo;
  changed(reason: string): void;
  log(message: string, err?: unknown): void;
}

/** Previews kept at once (each holds a private copy of a file). */
const MAX_PREVIEWS = 4;

type CaseImportHandlers = { imports: Omit<ApiHandlers['imports'], 'readData' | 'applyData' | 'discardData'>; history: ApiHandlers['history'] };

export interface ImportService {
  handlers: CaseImportHandlers;
  isBusy(): boolean;
  /** Where snapshots before imports go, and the undo of imports (data imports use both too). */
  snapshotsRoot: string;
  undo: ImportUndo;
  dispose(): void;
}

export function createImportService(ctx: ImportServiceContext): ImportService {
  const previews = new Map<string, { prepared: PreparedCaseImport; casePath: string }>();
  const jobs = new Map<string, MergeControl>();
  let applying = false;
  const snapshotsRoot = join(ctx.userDataDir, 'snapshots');
  const undo = new ImportUndo(snapshotsRoot, { currentCasePath: () => ctx.currentCase()?.path ?? null, reopenAfter: ctx.reopenAfter });

  function requireCase(): CaseStore & { caseId?: string } {
    const store = ctx.currentCase();
    if (!store) throw new ApiError('no_case', 'No case is open. Open the case to import into first.');
    return store;
  }

  function requireIdle(): void {
    if (applying) throw new ApiError('busy', 'An import is running; wait for it to finish or cancel it.');
  }

  function target() {
    const store = requireCase();
    return { path: store.path, caseId: store.info().id };
  }

  function control(jobId: string | undefined): MergeControl {
    const c: MergeControl = {};
    if (jobId) {
      c.onProgress = (p) => ctx.hooks.emit('import.progress', { jobId, ...p });
      jobs.set(jobId, c);
    }
    return c;
  }

  function forget(previewId: string): void {
    previews.get(previewId)?.prepared.dispose();
    previews.delete(previewId);
  }

  function withCaseDb<T>(fn: (db: ReturnType<typeof openTargetConnection>, caseId: string) => T): T {
    requireIdle();
    const t = target();
    const db = openTargetConnection(t);
    try {
      return fn(db, t.caseId);
    } finally {
      db.close();
    }
  }

  const handlers: CaseImportHandlers = {
    imports: {
      choosePath: async ({ kind }) => ({ path: ctx.hooks.chooseImportPath ? await ctx.hooks.chooseImportPath(kind) : null }),
      preview: async ({ path, jobId }) => {
        requireIdle();
        const t = target();
        const c = control(jobId);
        try {
          const result = await prepareCaseImport(path, t, c);
          if (c.cancelled) {
            if (result.kind === 'case') result.prepared.dispose();
            throw new ImportFileError('cancelled', 'Reading the file was cancelled; nothing was changed.');
          }
          if (result.kind === 'foreign') return { kind: 'foreign', message: result.message, path };
          previews.set(result.prepared.id, { prepared: result.prepared, casePath: t.path });
          while (previews.size > MAX_PREVIEWS) forget(previews.keys().next().value!);
          return { kind: 'case', preview: result.prepared.preview };
        } finally {
          if (jobId) jobs.delete(jobId);
        }
      },
      apply: async ({ previewId, jobId, importValidPart }) => {
        requireIdle();
        const entry = previews.get(previewId);
        if (!entry) throw new ApiError('not_found', 'That preview is no longer available; choose the file again.');
        const t = target();
        if (t.path !== entry.casePath) throw new ApiError('invalid', 'Another case was opened since the preview; choose the file again.');
        applying = true;
        try {
          const result = await applyCaseImport(
            entry.prepared,
            t,
            { author: ctx.author(), importValidPart: importValidPart ?? false, snapshotDir: snapshotsRoot },
            control(jobId),
          );
          if (result.importId && result.snapshotPath) {
            undo.remember({ importId: result.importId, casePath: t.path, caseId: t.caseId, label: entry.prepared.preview.source.name, before: result.snapshotPath, mark: result.auditMark });
          }
          forget(previewId);
          if (result.importId) ctx.changed('imported');
          return { importId: result.importId, counts: result.counts, skipped: result.skipped, undoable: result.undoable };
        } finally {
          applying = false;
          jobs.delete(jobId);
        }
      },
      discard: ({ previewId }) => {
        forget(previewId);
        return {};
      },
      cancel: ({ jobId }) => {
        const job = jobs.get(jobId);
        if (job) job.cancelled = true;
        return { cancelled: Boolean(job) };
      },
      conflicts: () => {
        const t = target();
        const db = openReadOnly(t.path);
        try {
          return listConflicts(db, t.caseId);
        } finally {
          db.close();
        }
      },
      resolve: ({ conflictId, choice }) => {
        const result = withCaseDb((db, caseId) => resolveConflict(db, caseId, conflictId, choice, ctx.author()));
        ctx.changed('conflict.resolved');
        return result;
      },
      undo: ({ importId, discardLaterWork }) => {
        requireIdle();
        requireCase();
        const result = undo.undo(importId, discardLaterWork ?? false);
        if (result.undone) ctx.changed('import.undone');
        return result;
      },
      redo: ({ importId }) => {
        requireIdle();
        requireCase();
        const info = undo.redo(importId);
        ctx.changed('import.redone');
        return info;
      },
    },
    history: {
      forRow: ({ table, id }) => {
        const t = target();
        const db = openReadOnly(t.path);
        try {
          return rowHistory(db, t.caseId, table, id);
        } finally {
          db.close();
        }
      },
    },
  };

  return {
    handlers,
    isBusy: () => applying,
    snapshotsRoot,
    undo,
    dispose() {
      for (const id of [...previews.keys()]) forget(id);
    },
  };
}
