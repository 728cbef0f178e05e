import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * App-level commands the native menu hands to the renderer as the `menu.command` event. The
 * renderer runs them like its own menu does and decides what they mean in context (Undo in a
 * text field undoes typing; elsewhere it undoes the last change to the case).
 */
export type MenuCommand =
  | 'case.new'
  | 'case.open'
  | 'case.demo'
  | 'file.report'
  | 'file.export'
  | 'case.import'
  | 'data.import'
  | 'case.conflicts'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.find'
  | 'view.togglePanel'
  | 'zones.drawPolygon'
  | 'zones.drawRectangle'
  | 'zones.drawCircle'
  | 'zones.drawLine'
  | 'zones.measure'
  | 'zones.rangeRings'
  | 'zones.bufferPoint';

export interface MenuActions {
  command(command: MenuCommand): void;
  /** Opens a case from File ▸ Open Recent; the main process does it itself. */
  openRecent(path: string): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Packaged builds have no developer tools. */
  development: boolean;
  recent: { path: string; name: string }[];
  actions: MenuActions;
}

/** `&` marks a mnemonic in Windows and Linux menu labels; a case name means it literally. */
function literalLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

function recentItems({ recent, platform, actions }: MenuOptions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Cases', enabled: false }];
  const names = new Map<string, number>();
  for (const r of recent) names.set(r.name, (names.get(r.name) ?? 0) + 1);
  return recent.slice(0, 10).map((r) => ({
    // Two cases with the same name are told apart by their path.
    label: literalLabel((names.get(r.name) ?? 0) > 1 ? `${r.name} — ${r.path}` : r.name, platform),
    sublabel: r.path,
    toolTip: r.path,
    click: () => actions.openRecent(r.path),
  }));
}

/** The application menu as a template (no Electron calls), so it can be read and tested. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, development, actions } = options;
  const mac = platform === 'darwin';
  const command = (name: MenuCommand) => () => actions.command(name);

  const appMenu: MenuItemConstructorOptions = {
    label: 'Faultline',
    submenu: [
      { label: 'About Faultline', click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: command('case.new') },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: command('case.open') },
      { label: 'Open Recent', submenu: recentItems(options) },
      { label: 'Open Demo Case', click: command('case.demo') },
      { type: 'separator' },
      { label: 'Report…', accelerator: 'CmdOrCtrl+P', click: command('file.report') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: command('file.export') },
      { label: 'Import Case File…', accelerator: 'CmdOrCtrl+Shift+I', click: command('case.import') },
      { label: 'Import Data…', click: command('data.import') },
      { label: 'Show Conflicts…', click: command('case.conflicts') },
      { type: 'separator' },
      mac ? { role: 'close', label: 'Close Window' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: command('edit.undo') },
      // Ctrl+Y (the Windows and Linux habit) is caught in the window, as a menu item has one
      // accelerator only: see isRedoShortcut().
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: command('edit.redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Find Place…', accelerator: 'CmdOrCtrl+F', click: command('view.find') },
      { label: 'Toggle Incidents Panel', accelerator: 'CmdOrCtrl+B', click: command('view.togglePanel') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(development
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  };

  const zonesMenu: MenuItemConstructorOptions = {
    label: '&Zones',
    submenu: [
      { label: 'Draw Area', click: command('zones.drawPolygon') },
      { label: 'Draw Rectangle', click: command('zones.drawRectangle') },
      { label: 'Draw Circle', click: command('zones.drawCircle') },
      { label: 'Draw Line or Route', click: command('zones.drawLine') },
      { type: 'separator' },
      // No accelerator: a plain letter would fire while typing in a field; the page handles M.
      { label: 'Measure Distance and Area', click: command('zones.measure') },
      { label: 'Range Rings', click: command('zones.rangeRings') },
      { label: 'Buffer Around a Point…', click: command('zones.bufferPoint') },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'About Faultline', click: () => actions.about() }],
  };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    zonesMenu,
    ...(mac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    helpMenu,
  ];
}

export function installAppMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

/**
 * Whether a key press is the Windows/Linux Redo shortcut Ctrl+Y (macOS uses Cmd+Shift+Z only).
 * Checked in the window's `before-input-event`, because the menu item already has Shift+Z.
 */
export function isRedoShortcut(
  input: { type: string; key: string; control: boolean; shift: boolean; alt: boolean; meta: boolean },
  platform: NodeJS.Platform,
): boolean {
  return (
    platform !== 'darwin' &&
    input.type === 'keyDown' &&
    input.control &&
    !input.shift &&
    !input.alt &&
    !input.meta &&
    input.key.toLowerCase() === 'y'
  );
}
