import type { AppInfo, FaultlineApi, SaveKind } from '../../shared/api/contract';
import { folderBrowser } from '../dialogs/caseDialogs';
import { el } from '../ui/dom';

/** A file name from free text: letters, digits, spaces, dots and dashes, with the extension. */
export function safeFileName(name: string, extension: string): string {
  const base = name.normalize('NFC').replace(/[^\p{L}\p{N} _.()-]+/gu, '-').replace(/\s+/g, ' ').trim().replace(/^[.-]+/, '') || 'faultline';
  return `${base.slice(0, 80)}${extension}`;
}

function joinPath(dir: string, file: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + file : dir + sep + file;
}

/**
 * Where to save a report or an export. In the Electron app a button opens the system's save
 * dialog (which asks before replacing a file); in the web host, an in-app folder browser and a
 * file name field (a browser page cannot show the machine's own dialog).
 */
export interface SaveLocation {
  element: HTMLElement;
  /** The full path chosen, or null when there is none yet. */
  path(): string | null;
  /** Whether the user already agreed to replace an existing file (the system dialog asks). */
  confirmedOverwrite(): boolean;
  /** A new suggested name (another format): a path already chosen in a system dialog is dropped. */
  setFileName(name: string): void;
}

export function saveLocation(api: FaultlineApi, app: AppInfo, kind: () => SaveKind, suggested: string, onChange: () => void = () => {}): SaveLocation {
  const target = el('div', { class: 'fl-field-hint', 'data-testid': 'save-target' });
  if (app.nativeDialogs) {
    let chosen: string | null = null;
    let name = suggested;
    const show = () => (target.textContent = chosen ? `Will be saved as ${chosen}` : 'Choose where to save it.');
    const button = el('button', {
      type: 'button',
      class: 'fl-btn',
      text: 'Choose location…',
      onclick: async () => {
        const picked = await api.files.chooseSavePath({ kind: kind(), suggestedName: name });
        if (picked.path) {
          chosen = picked.path;
          show();
          onChange();
        }
      },
    });
    show();
    return {
      element: el('div', { class: 'fl-save-location' }, button, target),
      path: () => chosen,
      confirmedOverwrite: () => chosen !== null,
      setFileName: (next) => {
        name = next;
        chosen = null;
        show();
      },
    };
  }
  let dir = '';
  const fileName = el('input', { type: 'text', class: 'fl-input', value: suggested, 'aria-label': 'File name' });
  // A full path typed into the name field is taken as it is.
  const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
  const full = () => {
    const name = fileName.value.trim();
    if (!name) return null;
    if (isAbsolute(name)) return name;
    return dir ? joinPath(dir, name) : null;
  };
  const show = () => (target.textContent = full() ? `Will be saved as ${full()}` : 'Choose a folder and a file name.');
  fileName.addEventListener('input', () => {
    show();
    onChange();
  });
  const browser = folderBrowser(api, {
    pickFile: false,
    onDir: (chosen) => {
      dir = chosen;
      show();
      onChange();
    },
  });
  show();
  return {
    element: el('div', { class: 'fl-save-location' }, el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'File name (or a full path)' }), fileName), browser, target),
    path: full,
    confirmedOverwrite: () => false,
    setFileName: (next) => {
      fileName.value = next;
      show();
    },
  };
}

/** Whether an API error says the target file exists (and may be replaced with `overwrite`). */
export function isFileExists(err: unknown): boolean {
  const problems = (err as { problems?: { field: string }[] } | null)?.problems;
  return Array.isArray(problems) && problems.some((p) => p.field === 'overwrite');
}

/** Asks, inside the dialog, whether to replace an existing file. */
export function askToReplace(host: HTMLElement, message: string): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.remove();
      resolve(answer);
    };
    const box = el(
      'div',
      { class: 'fl-replace-prompt', role: 'alertdialog', 'aria-label': message },
      el('span', { text: message }),
      el('button', { type: 'button', class: 'fl-btn fl-btn-danger', text: 'Replace', onclick: () => done(true) }),
      el('button', { type: 'button', class: 'fl-btn', text: 'Keep it', onclick: () => done(false) }),
    );
    host.replaceChildren(box);
    (box.querySelector('button') as HTMLButtonElement).focus();
  });
}
