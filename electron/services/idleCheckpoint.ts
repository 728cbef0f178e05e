/**
 * Folds the case's write-ahead log into the .gpkg shortly after the analyst stops changing
 * things. Every change is committed at once, but a committed change lives in the `-wal` file
 * beside the case until SQLite checkpoints it (by default only after ~4 MB of changes, or when
 * the case is closed). An analyst who copies or mails the `.gpkg` alone while the app is open
 * would otherwise send a case without their last hour of work.
 *
 * The checkpoint is passive: it never waits for readers and never blocks a writer, so it can
 * neither stall the UI nor fail a save; whatever it cannot fold now is folded next time.
 */
export class IdleCheckpoint {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly checkpoint: () => void,
    private readonly delayMs: number,
    private readonly log: (message: string, err?: unknown) => void,
  ) {}

  /** After a change: checkpoint once `delayMs` pass without another change. */
  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.checkpoint();
      } catch (err) {
        // The change itself is committed; only its copy into the main file is late.
        this.log('Folding the write-ahead log into the case file failed; it is retried after the next change', err);
      }
    }, this.delayMs);
    // A pending checkpoint must not keep a command-line process alive.
    this.timer.unref?.();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
