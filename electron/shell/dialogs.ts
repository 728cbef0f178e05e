import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { SaveKind } from '../../shared/api/contract';

/** Native dialogs of the Electron host. Each is modal to the main window when there is one. */

const CASE_FILTERS = [
  { name: 'Faultline case / GeoPackage', extensions: ['gpkg'] },
  { name: 'All files', extensions: ['*'] },
];

export const DATA_ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0)';

/** A case name made safe as a file name on every platform (the name itself may be anything). */
export function caseFileName(suggestedName: string): string {
  const cleaned = suggestedName
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\p{Cc}/gu, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  return `${cleaned || 'New case'}.gpkg`;
}

function live(win: BrowserWindow | null): BrowserWindow | null {
  return win && !win.isDestroyed() ? win : null;
}

export async function chooseNewCasePath(win: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options = {
    title: 'New Case',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), caseFileName(suggestedName)),
    filters: CASE_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const parent = live(win);
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

const SAVE_FILTERS: Record<SaveKind, { title: string; filter: { name: string; extensions: string[] } }> = {
  pdf: { title: 'Save Report', filter: { name: 'PDF document', extensions: ['pdf'] } },
  geojson: { title: 'Export GeoJSON', filter: { name: 'GeoJSON', extensions: ['geojson'] } },
  kml: { title: 'Export KML', filter: { name: 'KML (Google Earth)', extensions: ['kml'] } },
  kmz: { title: 'Export KMZ', filter: { name: 'KMZ (Google Earth)', extensions: ['kmz'] } },
  csv: { title: 'Export CSV', filter: { name: 'CSV (spreadsheet)', extensions: ['csv'] } },
};

/** Where to save a report or an export; the system dialog asks before replacing a file. */
export async function chooseSavePath(win: BrowserWindow | null, kind: SaveKind, suggestedName: string): Promise<string | null> {
  const { title, filter } = SAVE_FILTERS[kind];
  const options = {
    title,
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const parent = live(win);
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function chooseCaseToOpen(win: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Open Case',
    defaultPath: app.getPath('documents'),
    filters: CASE_FILTERS,
    properties: ['openFile'] as Array<'openFile'>,
  };
  const parent = live(win);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const IMPORT_FILTERS = {
  case: [
    { name: 'Faultline case / GeoPackage', extensions: ['gpkg'] },
    { name: 'All files', extensions: ['*'] },
  ],
  data: [
    { name: 'Geographic data', extensions: ['geojson', 'json', 'kml', 'kmz', 'gpx', 'csv', 'gpkg'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** A file to import: a colleague's case, or data from another tool. */
export async function chooseFileToImport(win: BrowserWindow | null, kind: 'case' | 'data'): Promise<string | null> {
  const options = {
    title: kind === 'case' ? 'Import Case File' : 'Import Data',
    defaultPath: app.getPath('documents'),
    filters: IMPORT_FILTERS[kind],
    properties: ['openFile'] as Array<'openFile'>,
  };
  const parent = live(win);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function messageBox(win: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const parent = live(win);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response;
}

export async function showAbout(win: BrowserWindow | null): Promise<void> {
  await messageBox(win, {
    type: 'info',
    title: 'About Faultline',
    message: `Faultline ${app.getVersion()}`,
    detail:
      'An offline map workbench for analysts of the Western Balkans.\n\n' +
      `Map data: ${DATA_ATTRIBUTION}\n\n` +
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    buttons: ['OK'],
  });
}

export async function showCaseError(win: BrowserWindow | null, heading: string, message: string): Promise<void> {
  await messageBox(win, { type: 'error', title: 'Faultline', message: heading, detail: message, buttons: ['OK'] });
}

/** The app cannot go on: a plain error box (it works before any window exists). */
export function showStartupError(err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Faultline could not start', `${reason}\n\nDetails are in the log.`);
}

/** After the page crashed or was killed: reload it, or quit. Returns whether to reload. */
export async function offerReloadAfterCrash(win: BrowserWindow | null, reason: string): Promise<boolean> {
  const response = await messageBox(win, {
    type: 'error',
    title: 'Faultline',
    message: 'The Faultline window stopped working.',
    detail: `Reason: ${reason}. Your case file is safe: every change is saved as it is made. Reload the window to continue.`,
    buttons: ['Reload', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

/** The page stopped answering: wait for it, or reload it. Returns whether to reload. */
export async function offerReloadWhenUnresponsive(win: BrowserWindow | null): Promise<boolean> {
  const response = await messageBox(win, {
    type: 'warning',
    title: 'Faultline',
    message: 'The Faultline window is not responding.',
    detail: 'It may be busy with a large case. You can wait, or reload the window (your case file is safe).',
    buttons: ['Wait', 'Reload'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}
