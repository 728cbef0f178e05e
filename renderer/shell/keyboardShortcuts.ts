import { isTextEditing } from '../ui/dom';

const IS_MAC = navigator.platform.startsWith('Mac');

/** The command key as menus and tooltips write it. */
export const MOD = IS_MAC ? '⌘' : 'Ctrl+';

/**
 * New Case in the web host. Ctrl+N (⌘N) stays the Electron menu's accelerator, but a browser
 * keeps it for a new window and never hands it to the page; Alt+Shift+N is free in Chromium
 * and needs no AltGr, which types letters on many of the region's keyboard layouts.
 */
export const WEB_NEW_CASE = IS_MAC ? '⌥⇧N' : 'Alt+Shift+N';

export interface ShortcutCommands {
  undo(): void;
  redo(): void;
  find(): void;
  newCase(): void;
  openCase(): void;
  report(): void;
  export(): void;
  placeIncident(): void;
  measure(): void;
  cancel(): void;
  deleteSelected(): void;
}

/**
 * The workbench's keyboard shortcuts. In the Electron app the native menu owns the file
 * commands' accelerators; in the web host the page binds them itself, each with a key the
 * browser lets the page have (the in-page menu shows the same keys).
 */
export function wireKeyboard(host: 'electron' | 'web', run: ShortcutCommands): void {
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const web = host === 'web';
    if (mod && key === 'z' && !isTextEditing()) {
      e.preventDefault();
      if (e.shiftKey) run.redo();
      else run.undo();
    } else if (mod && key === 'y' && !isTextEditing()) {
      e.preventDefault();
      run.redo();
    } else if (mod && key === 'f') {
      e.preventDefault();
      run.find();
    } else if (mod && key === 'o' && web) {
      e.preventDefault();
      run.openCase();
    } else if (web && e.altKey && e.shiftKey && !mod && e.code === 'KeyN' && !isTextEditing()) {
      // By the physical key: with Alt (Option) held, e.key is whatever character it types.
      e.preventDefault();
      run.newCase();
    } else if (mod && (key === 'p' || key === 'e') && web) {
      // The browser's own print would print the workbench, not a report.
      e.preventDefault();
      if (key === 'p') run.report();
      else run.export();
    } else if (!mod && !e.altKey && !isTextEditing() && !document.querySelector('.fl-backdrop')) {
      if (key === 'i' || key === 'a') run.placeIncident();
      else if (key === 'm') run.measure();
      else if (key === 'escape') run.cancel();
      else if (key === 'delete' || key === 'backspace') run.deleteSelected();
    }
  });
}
