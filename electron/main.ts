/**
 * The Electron host: one window, native menus and dialogs, and the IPC bridge to the shared
 * services. Kept thin; the pieces live in ./shell, the work in ./services.
 *
 * Everything up to `app.whenReady()` runs synchronously at load, because the ESM main module
 * is loaded asynchronously and the scheme, switches and single-instance lock must be in place
 * before `ready`.
 */
import { basename, join, resolve } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { IPC_EVENT } from '../shared/api/bridge';
import type { EventName, EventPayload } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { ApiError } from '../shared/api/errors';
import { createServices } from './services/createServices';
import type { HostHooks, Services } from './services/host';
import { registerAppScheme, serveAppProtocol } from './shell/appProtocol';
import { chooseCaseToOpen, chooseFileToImport, chooseNewCasePath, chooseSavePath, showAbout, showCaseError, showStartupError } from './shell/dialogs';
import { registerApiIpc } from './shell/ipc';
import { createElectronReportPrinter } from './shell/reportWindow';
import { createLogger } from './shell/log';
import { createMainWindow } from './shell/mainWindow';
import { installAppMenu, type MenuCommand } from './shell/menu';
import { appPaths, caseFileArgument, type AppPaths } from './shell/paths';
import { applyOfflineSwitches, guardWebContents, hardenSession } from './shell/security';

// The same name packaged and in development, so both use the same user data folder as the
// web host and CLI (…/Faultline): one recent-case list, one demo case, one settings file.
app.setName('Faultline');
// Tests (and admins) point every host at another folder the same way.
if (process.env.FAULTLINE_USER_DATA) app.setPath('userData', resolve(process.env.FAULTLINE_USER_DATA));
if (process.platform === 'win32') app.setAppUserModelId('org.faultline.workbench');
registerAppScheme();
applyOfflineSwitches();
app.enableSandbox();

const development = !app.isPackaged;
const log = createLogger(logsDir());
guardWebContents(log);

let paths: AppPaths | null = null;
let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;
let windowTitle = 'Faultline';
/** A case the system asked us to open before the services existed (macOS open-file at launch). */
let pendingCasePath: string | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    const path = caseFileArgument(argv.slice(1), workingDirectory);
    if (path) void openCaseFile(path);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services) void openCaseFile(path);
    else pendingCasePath = path;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services) showWindow();
  });
  app.on('will-quit', () => services?.dispose());
  app.whenReady().then(start, fail).catch(fail);
}

async function start(): Promise<void> {
  paths = appPaths();
  hardenSession(session.defaultSession, { development, log });
  serveAppProtocol({ renderer: paths.rendererDir, resources: paths.resourcesDir }, log);
  const created = createServices({
    userDataDir: app.getPath('userData'),
    resourcesDir: paths.resourcesDir,
    hooks: electronHooks(),
    rendererDir: paths.rendererDir,
    reportPrinter: createElectronReportPrinter(log),
    log,
  });
  services = created;
  registerApiIpc({ handlers: created.handlers, mainWindow: liveWindow, log });

  const requested = pendingCasePath ?? caseFileArgument(process.argv.slice(1), process.cwd());
  pendingCasePath = null;
  await openFirstCase(created, requested);
  rebuildMenu();
  showWindow();
}

function fail(err: unknown): void {
  log('Faultline could not start', err);
  try {
    showStartupError(err);
  } finally {
    app.exit(1);
  }
}

function logsDir(): string {
  try {
    return app.getPath('logs');
  } catch {
    return join(app.getPath('userData'), 'logs');
  }
}

function electronHooks(): HostHooks {
  // FAULTLINE_NATIVE_DIALOGS=0 swaps the native file dialogs for the in-app chooser, which
  // end-to-end tests can drive (Playwright cannot click inside a native dialog).
  const native = process.env.FAULTLINE_NATIVE_DIALOGS !== '0';
  return {
    kind: 'electron',
    chooseNewPath: native ? (suggestedName) => chooseNewCasePath(liveWindow(), suggestedName) : undefined,
    chooseOpenPath: native ? () => chooseCaseToOpen(liveWindow()) : undefined,
    chooseSavePath: native ? (kind, suggestedName) => chooseSavePath(liveWindow(), kind, suggestedName) : undefined,
    chooseImportPath: native ? (kind) => chooseFileToImport(liveWindow(), kind) : undefined,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => sendEvent(event, payload),
    onCaseOpened: (info) => {
      windowTitle = info ? `${info.name} — Faultline` : 'Faultline';
      liveWindow()?.setTitle(windowTitle);
      if (info) app.addRecentDocument(info.path);
      rebuildMenu();
    },
  };
}

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

function showWindow(): BrowserWindow | null {
  const existing = liveWindow();
  if (existing) {
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return existing;
  }
  if (!paths) return null;
  const win = createMainWindow({
    paths,
    title: windowTitle,
    development,
    log,
    onRedoShortcut: () => menuCommand('edit.redo'),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

function sendEvent(name: EventName, payload: unknown): void {
  const win = liveWindow();
  if (!win || win.webContents.isDestroyed()) return;
  win.webContents.send(IPC_EVENT, name, payload);
}

/** Hands a menu command to the page, waiting for it to load when the window is new. */
function menuCommand(command: MenuCommand): void {
  const win = liveWindow() ?? showWindow();
  if (!win) return;
  if (win.webContents.isLoading()) {
    win.webContents.once('did-finish-load', () => sendEvent('menu.command', { command }));
  } else {
    sendEvent('menu.command', { command });
  }
}

function rebuildMenu(): void {
  installAppMenu({
    platform: process.platform,
    development,
    recent: services?.recentCases() ?? [],
    actions: {
      command: menuCommand,
      openRecent: (path) => void openCaseFile(path),
      about: () => void showAbout(liveWindow()),
    },
  });
}

function userMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : 'The file could not be opened. Details are in the log.';
}

/** At start: the case named on the command line or by the system, else what the services pick. */
async function openFirstCase(target: Services, path: string | null): Promise<void> {
  try {
    await target.openInitialCase(path ?? undefined);
    return;
  } catch (err) {
    if (!path) {
      log('No case could be opened at start', err);
      return;
    }
    if (!(err instanceof ApiError)) log(`Could not open ${path}`, err);
    void showCaseError(null, `Faultline could not open “${basename(path)}”.`, userMessage(err));
  }
  try {
    await target.openInitialCase();
  } catch (err) {
    log('No case could be opened at start', err);
  }
}

/**
 * Opens a case for File ▸ Open Recent, a second instance or the system (macOS open-file).
 * Goes through `dispatch` like a call from the page, so the path is validated the same way;
 * the services then emit `case.changed` and call `onCaseOpened` (title, recent list, menu).
 */
async function openCaseFile(path: string): Promise<void> {
  if (!services) {
    pendingCasePath = path;
    return;
  }
  showWindow();
  const result = await dispatch(services.handlers, 'case.open', { path }, (err) => log(`Could not open ${path}`, err));
  if (!result.ok) {
    await showCaseError(liveWindow(), `Faultline could not open “${basename(path)}”.`, result.error.message);
    rebuildMenu();
  }
}
