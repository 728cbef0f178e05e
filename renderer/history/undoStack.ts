/** One undoable change to the case, already applied when pushed. */
export interface UndoableCommand {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * Undo / redo history of the case's changes. Commands run one at a time (a second Ctrl+Z
 * while the first is still talking to the case waits for it), so the history and the file
 * never disagree.
 */
export class UndoStack {
  private readonly _done: UndoableCommand[] = [];
  private readonly _undone: UndoableCommand[] = [];
  private _queue: Promise<unknown> = Promise.resolve();
  private readonly _listeners = new Set<() => void>();

  constructor(private readonly _limit = 200) {}

  push(command: UndoableCommand): void {
    this._done.push(command);
    if (this._done.length > this._limit) this._done.shift();
    this._undone.length = 0;
    this._changed();
  }

  get canUndo(): boolean {
    return this._done.length > 0;
  }
  get canRedo(): boolean {
    return this._undone.length > 0;
  }
  get undoLabel(): string | null {
    return this._done.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this._undone.at(-1)?.label ?? null;
  }

  /** Undoes the last change; resolves with its label, or null when there was nothing to undo. */
  undo(): Promise<string | null> {
    return this._serial(async () => {
      const command = this._done.pop();
      if (!command) return null;
      try {
        await command.undo();
      } catch (err) {
        this._done.push(command);
        throw err;
      } finally {
        this._changed();
      }
      this._undone.push(command);
      this._changed();
      return command.label;
    });
  }

  redo(): Promise<string | null> {
    return this._serial(async () => {
      const command = this._undone.pop();
      if (!command) return null;
      try {
        await command.redo();
      } catch (err) {
        this._undone.push(command);
        throw err;
      } finally {
        this._changed();
      }
      this._done.push(command);
      this._changed();
      return command.label;
    });
  }

  clear(): void {
    this._done.length = 0;
    this._undone.length = 0;
    this._changed();
  }

  onChange(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  private _serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this._queue.then(task, task);
    this._queue = next.catch(() => undefined);
    return next;
  }

  private _changed(): void {
    for (const l of this._listeners) l();
  }
}
