import type { AppInfo } from '../../shared/api/contract';
import type { Incident } from '../../shared/domain/incident';
import type { HostConnection } from '../api/hostClient';
import type { UndoStack } from '../history/undoStack';
import { errorMessage, toast } from '../ui/toast';
import { conflictsBadge, showConflicts } from './conflictsPanel';
import { enableFileDrop } from './fileDrop';
import { showHistory } from './historyDialog';
import { importCaseFile, type ImportFlowContext } from './importFlow';
import { importData } from './dataImport';

/**
 * What the workbench needs of imports, in one place: the commands (import a case file, show
 * conflicts, show an incident's history), the conflicts badge, which incidents and zones are
 * in conflict (the map marks them), and drag-and-drop of files onto the window.
 */
export class ImportsController {
  private readonly _badge = conflictsBadge(() => void this.showConflicts());
  private _conflicted = new Set<string>();

  constructor(
    private readonly _host: HostConnection,
    private readonly _app: AppInfo,
    private readonly _history: UndoStack,
    private readonly _hooks: {
      /** Reloads the incidents and zones of the open case. */
      reloadRows(): Promise<void>;
      /** Redraws the incidents and zones (after the set in conflict changed). */
      redraw(): void;
      /** Reloads the reference overlays (after data was imported). */
      reloadOverlays(): Promise<void>;
    },
  ) {}

  get badge(): HTMLElement {
    return this._badge.element;
  }

  isConflicted(id: string): boolean {
    return this._conflicted.has(id);
  }

  /** Whether any row of the case waits in a conflict. */
  get hasConflicts(): boolean {
    return this._conflicted.size > 0;
  }

  private get _flow(): ImportFlowContext {
    return { host: this._host, app: this._app, history: this._history, afterChange: () => this.afterChange(), importData: (path) => this.importData(path) };
  }

  /** After an import, an undo of one, or a resolved conflict: reload what the window shows. */
  async afterChange(): Promise<void> {
    await this._hooks.reloadRows();
    await this.refreshConflicts();
  }

  /** Reads which rows are in conflict (a freshly opened case may carry some). */
  async refreshConflicts(): Promise<void> {
    const before = this._conflicted;
    try {
      const conflicts = await this._host.api.imports.conflicts({});
      this._conflicted = new Set(conflicts.map((c) => c.rowId));
      this._badge.set(conflicts.length);
    } catch {
      this._conflicted = new Set();
      this._badge.set(0);
    }
    // Redrawing every marker is costly in a large case: only when the conflict rings change.
    const same = before.size === this._conflicted.size && [...before].every((id) => this._conflicted.has(id));
    if (!same) this._hooks.redraw();
  }

  importCaseFile(path?: string): void {
    importCaseFile(this._flow, path).catch((err) => toast(errorMessage(err), { kind: 'error' }));
  }

  /** File ▸ Import Data: a file from another tool, mapped layer by layer. */
  importData(path?: string): void {
    importData(this._flow, () => this._hooks.reloadOverlays(), path).catch((err) => toast(errorMessage(err), { kind: 'error' }));
  }

  async showConflicts(): Promise<void> {
    try {
      await showConflicts(this._host.api, () => this.afterChange());
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
    }
  }

  showHistory(incident: Incident): void {
    void showHistory(this._host.api, 'incidents', incident.id, incident.fields.title);
  }

  enableFileDrop(): void {
    enableFileDrop(this._host, {
      caseFile: (path) => this.importCaseFile(path),
      data: (path) => this.importData(path),
    });
  }
}
