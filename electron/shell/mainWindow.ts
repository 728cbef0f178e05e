import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { APP_START_URL } from './appUrl';
import { offerReloadAfterCrash, offerReloadWhenUnresponsive } from './dialogs';
import type { Logger } from './log';
import { isRedoShortcut } from './menu';
import type { AppPaths } from './paths';
import { loadWindowState, MIN_WINDOW_SIZE, trackWindowState } from './windowState';

export interface MainWindowOptions {
  paths: AppPaths;
  title: string;
  development: boolean;
  log: Logger;
  /** Ctrl+Y on Windows and Linux. */
  onRedoShortcut(): void;
}

/**
 * The one Faultline window, with the §9 baseline in its web preferences: isolated, sandboxed,
 * no Node, web security on, our preload only, no spellchecker (it downloads dictionaries),
 * no DevTools in packaged builds. It shows `app://faultline/index.html` and nothing else.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { paths, log } = options;
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#1b2129',
    ...(process.platform === 'linux' ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: options.development,
    },
  });

  trackWindowState(win, stateFile, log);
  win.once('ready-to-show', () => {
    // maximize() shows the window on some platforms, so it waits until the page is ready too.
    if (state.maximized) win.maximize();
    win.show();
  });
  // The title says which case is open; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());

  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    if (isRedoShortcut(input, process.platform)) {
      event.preventDefault();
      options.onRedoShortcut();
    }
  });
  contents.on('preload-error', (_event, preloadPath, error) => log(`The preload script ${preloadPath} failed`, error));
  // Set while we kill a hung page ourselves, so its death does not ask the user again.
  let restartingHungPage = false;
  contents.on('render-process-gone', (_event, details) => {
    log(`The window's page is gone: ${details.reason} (exit code ${details.exitCode})`);
    if (restartingHungPage) {
      restartingHungPage = false;
      return;
    }
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    void offerReloadAfterCrash(win, details.reason).then((reload) => {
      if (win.isDestroyed()) return;
      if (reload) void win.loadURL(APP_START_URL);
      else app.quit();
    });
  });
  win.on('unresponsive', () => {
    log('The window is not responding');
    void offerReloadWhenUnresponsive(win).then((reload) => {
      if (!reload || win.isDestroyed()) return;
      restartingHungPage = true;
      contents.forcefullyCrashRenderer();
      contents.reload();
    });
  });

  win.loadURL(APP_START_URL).catch((err: unknown) => log(`Could not load ${APP_START_URL}`, err));
  return win;
}
