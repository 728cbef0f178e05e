import type { ApiHandlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { AdminArea } from '../../shared/domain/incident';
import { openTargetConnection } from '../imports/caseImport';
import { applyForeignChoices, prepareForeignImport, type PreparedForeignImport } from '../imports/foreign/foreignImport';
import { deleteOverlay, listOverlays, overlayFeatures, setOverlayVisible } from '../imports/foreign/overlays';
import type { ImportUndo } from '../imports/importUndo';
import { openReadOnly } from '../store/connection';
import type { CaseStore } from '../store/types';

/**
 * File ▸ Import Data (files from other tools, mapped layer by layer) and the reference
 * overlays it can create. Like case imports, nothing is written while another import runs.
 */
export interface ForeignServiceContext {
  currentCase(): CaseStore | null;
  author(): string;
  lookup(lon: number, lat: number): AdminArea;
  isBusy(): boolean;
  changed(reason: string): void;
  /** Snapshots before imports, and their undo: shared with case imports (importService.ts). */
  snapshotsRoot: string;
  undo: ImportUndo;
}

/** Files read at once (each is held in memory until imported or discarded). */
const MAX_READ = 2;

type ForeignHandlers = { imports: Pick<ApiHandlers['imports'], 'readData' | 'applyData' | 'discardData'>; overlays: ApiHandlers['overlays'] };

export function createForeignService(ctx: ForeignServiceContext): ForeignHandlers & { dispose(): void } {
  const read = new Map<string, { prepared: PreparedForeignImport; casePath: string }>();

  function target() {
    const store = ctx.currentCase();
    if (!store) throw new ApiError('no_case', 'No case is open. Open the case to import into first.');
    if (ctx.isBusy()) throw new ApiError('busy', 'An import is running; wait for it to finish or cancel it.');
    return { path: store.path, caseId: store.info().id };
  }

  function withDb<T>(write: boolean, fn: (db: ReturnType<typeof openReadOnly>, caseId: string) => T): T {
    const t = target();
    const db = write ? openTargetConnection(t) : openReadOnly(t.path);
    try {
      return fn(db, t.caseId);
    } finally {
      db.close();
    }
  }

  function forget(dataId: string): void {
    read.get(dataId)?.prepared.dispose();
    read.delete(dataId);
  }

  return {
    imports: {
      readData: ({ path }) => {
        const t = target();
        const prepared = prepareForeignImport(path, t);
        read.set(prepared.id, { prepared, casePath: t.path });
        while (read.size > MAX_READ) forget(read.keys().next().value!);
        return prepared.preview;
      },
      applyData: ({ dataId, layers, importValidPart, dryRun }) => {
        const entry = read.get(dataId);
        if (!entry) throw new ApiError('not_found', 'That file is no longer read; choose it again.');
        const t = target();
        if (t.path !== entry.casePath) throw new ApiError('invalid', 'Another case was opened since the file was read; choose it again.');
        const { snapshotPath, auditMark, ...result } = applyForeignChoices(entry.prepared, t, layers, {
          author: ctx.author(),
          lookup: ctx.lookup,
          importValidPart: importValidPart ?? false,
          dryRun: dryRun ?? false,
          snapshotDir: ctx.snapshotsRoot,
        });
        if (result.importId && snapshotPath) {
          ctx.undo.remember({ importId: result.importId, casePath: t.path, caseId: t.caseId, label: entry.prepared.dataset.fileName, before: snapshotPath, mark: auditMark });
        }
        if (!dryRun) {
          forget(dataId);
          ctx.changed('data.imported');
        }
        return result;
      },
      discardData: ({ dataId }) => {
        forget(dataId);
        return {};
      },
    },
    overlays: {
      list: () => (ctx.currentCase() ? withDb(false, (db) => listOverlays(db)) : []),
      features: ({ id }) => withDb(false, (db) => overlayFeatures(db, id)),
      setVisible: ({ id, visible }) => withDb(true, (db) => setOverlayVisible(db, id, visible)),
      remove: ({ id }) => {
        withDb(true, (db, caseId) => deleteOverlay(db, caseId, id, ctx.author()));
        ctx.changed('overlay.removed');
        return {};
      },
    },
    dispose() {
      for (const id of [...read.keys()]) forget(id);
    },
  };
}
