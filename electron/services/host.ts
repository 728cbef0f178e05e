import type { ApiHandlers, EventName, EventPayload, SaveKind } from '../../shared/api/contract';
import type { ReportPrinter } from '../reports/reportPrinter';

/**
 * What differs between hosts (Electron, web host, CLI); everything else is shared services.
 */
export interface HostHooks {
  kind: 'electron' | 'web';
  /** Native save dialog; undefined where the host has none (the UI then uses its own chooser). */
  chooseNewPath?: (suggestedName: string) => Promise<string | null>;
  /** Native open dialog; undefined where the host has none. */
  chooseOpenPath?: () => Promise<string | null>;
  /** Native open dialog for a file to import (a case file, or data); undefined where the host has none. */
  chooseImportPath?: (kind: 'case' | 'data') => Promise<string | null>;
  /** Native save dialog for a report or an export; undefined where the host has none. */
  chooseSavePath?: (kind: SaveKind, suggestedName: string) => Promise<string | null>;
  /** Pushes an event to the UI. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Tells the host the open case changed (window title, recent-files menu). */
  onCaseOpened?: (info: { name: string; path: string } | null) => void;
}

export interface ServicesOptions {
  /** Per-user folder for settings and the recent-case list (and the demo case). */
  userDataDir: string;
  /** The folder holding `basemap/` (generated) and other resources. */
  resourcesDir: string;
  hooks: HostHooks;
  /** The built renderer (report.html is printed from it); the app's dist/renderer by default. */
  rendererDir?: string;
  /** Prints reports; a headless Chromium (found on the system) unless the host has its own. */
  reportPrinter?: ReportPrinter;
  /** Logs internal errors (never shown to the user as a stack trace). */
  log?: (message: string, err?: unknown) => void;
  /** How long after the last change the case's WAL is folded into the .gpkg (ms; default 1500). */
  checkpointDelayMs?: number;
}

export interface Services {
  handlers: ApiHandlers;
  /**
   * Opens what the user should see first: the given case, else the most recent case that
   * still exists, else the demo case (written to the user data folder on first start).
   */
  openInitialCase(path?: string): Promise<void>;
  /** Recent cases for a native "Open Recent" menu. */
  recentCases(): { path: string; name: string }[];
  dispose(): void;
}
