import type { DispatchResult } from './dispatch';

/**
 * What the Electron preload script exposes as `window.faultline` through contextBridge, and
 * nothing else: one call function and one event subscription. Results come back as a
 * `DispatchResult` rather than a thrown error because Electron strips custom error fields.
 */
export interface FaultlineBridge {
  call(method: string, args: unknown): Promise<DispatchResult>;
  /** Subscribes to events from the Node side; returns the unsubscribe function. */
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /**
   * The path on disk of a file dropped on the window (a DOM `File`), or '' when it has none.
   * Only Electron can tell; a web page never learns paths, so the web host takes an upload.
   */
  pathForFile?(file: unknown): string;
}

/** IPC channel names shared by main and preload. */
export const IPC_CALL = 'faultline:call';
export const IPC_EVENT = 'faultline:event';
