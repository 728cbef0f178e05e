import type { AppInfo, DirListing, FaultlineApi } from '../../shared/api/contract';
import type { CaseInfo } from '../../shared/domain/case';
import { el, clear } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage } from '../ui/toast';
import { isDamaged, offerRecovery } from '../imports/recoveryOffer';

function joinPath(dir: string, file: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + file : dir + sep + file;
}

/** A file name from a case name: letters, digits, spaces and dashes, ending in .gpkg. */
export function caseFileName(name: string): string {
  const base = name.normalize('NFC').replace(/[^\p{L}\p{N} _.-]+/gu, '-').replace(/\s+/g, ' ').trim().replace(/^[.-]+/, '') || 'case';
  return `${base.slice(0, 80)}.gpkg`;
}

/**
 * A folder browser inside the page, for the web host (a browser cannot show the native
 * dialog of the machine the host runs on). Lists folders and .gpkg files only.
 */
export function folderBrowser(api: FaultlineApi, options: { pickFile: boolean; data?: boolean; onFile?: (path: string) => void; onDir?: (dir: string) => void; start?: string }): HTMLElement {
  const pathLine = el('div', { class: 'fl-browser-path' });
  const list = el('ul', { class: 'fl-browser-list', role: 'listbox', 'aria-label': 'Folder contents' });
  const status = el('div', { class: 'fl-field-error', role: 'alert' });
  const root = el('div', { class: 'fl-browser' }, pathLine, list, status);

  async function show(dir?: string): Promise<void> {
    let listing: DirListing;
    try {
      listing = await api.files.browse({ ...(dir ? { dir } : {}), ...(options.data ? { data: true } : {}) });
    } catch (err) {
      status.textContent = errorMessage(err);
      return;
    }
    status.textContent = '';
    options.onDir?.(listing.dir);
    clear(pathLine);
    pathLine.append(
      el('button', { type: 'button', class: 'fl-btn fl-btn-small', text: '↑ Up', disabled: !listing.parent, onclick: () => { if (listing.parent) void show(listing.parent); } }),
      el('button', { type: 'button', class: 'fl-btn fl-btn-small', text: 'Home', onclick: () => void show(listing.home) }),
      el('span', { class: 'fl-browser-dir', text: listing.dir, title: listing.dir }),
    );
    clear(list);
    const entries = options.pickFile ? listing.entries : listing.entries.filter((e) => e.kind === 'dir');
    if (!entries.length) list.append(el('li', { class: 'fl-browser-empty', text: options.pickFile ? `No folders or ${options.data ? 'data' : 'case'} files here` : 'No sub-folders' }));
    for (const entry of entries) {
      list.append(
        el('li', {
          class: `fl-browser-entry fl-browser-${entry.kind}`,
          role: 'option',
          tabindex: 0,
          text: entry.kind === 'dir' ? `📁 ${entry.name}` : entry.kind === 'case' ? `🗺 ${entry.name}` : `📄 ${entry.name}`,
          onclick: () => {
            if (entry.kind === 'dir') void show(entry.path);
            else options.onFile?.(entry.path);
          },
          onkeydown: (e: Event) => {
            if ((e as KeyboardEvent).key !== 'Enter') return;
            if (entry.kind === 'dir') void show(entry.path);
            else options.onFile?.(entry.path);
          },
        }),
      );
    }
  }
  void show(options.start);
  return root;
}

export function showNewCaseDialog(api: FaultlineApi, app: AppInfo, onCreated: (info: CaseInfo) => void): void {
  const modal = openModal('New case');
  const name = el('input', { type: 'text', class: 'fl-input', name: 'case-name', value: 'New case', maxlength: 160, 'aria-label': 'Case name' });
  const folder = el('input', { type: 'text', class: 'fl-input', name: 'case-folder', 'aria-label': 'Folder' });
  const target = el('div', { class: 'fl-field-hint', 'data-testid': 'new-case-path' });
  const error = el('div', { class: 'fl-field-error', role: 'alert' });
  let chosenPath: string | null = null; // a native dialog gives the whole path
  const update = () => {
    target.textContent = `Will be saved as ${chosenPath ?? joinPath(folder.value || '…', caseFileName(name.value))}`;
  };
  name.addEventListener('input', () => {
    chosenPath = null;
    update();
  });
  folder.addEventListener('input', () => {
    chosenPath = null;
    update();
  });
  const browser = app.nativeDialogs
    ? el('button', {
        type: 'button',
        class: 'fl-btn',
        text: 'Choose location…',
        onclick: async () => {
          const picked = await api.case.chooseNewPath({ suggestedName: caseFileName(name.value) });
          if (picked.path) {
            chosenPath = picked.path;
            update();
          }
        },
      })
    : folderBrowser(api, { pickFile: false, onDir: (dir) => { folder.value = dir; chosenPath = null; update(); } });
  const create = el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Create case' });
  const form = el(
    'form',
    { class: 'fl-dialog-form' },
    el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Case name' }), name),
    el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Folder' }), folder),
    browser,
    target,
    error,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), create),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const path = chosenPath ?? (folder.value.trim() ? joinPath(folder.value.trim(), caseFileName(name.value)) : '');
    if (!name.value.trim()) return void (error.textContent = 'The case needs a name');
    if (!path) return void (error.textContent = 'Choose a folder for the case file');
    try {
      const info = await api.case.create({ path, name: name.value.trim() });
      modal.close();
      onCreated(info);
    } catch (err) {
      error.textContent = errorMessage(err);
    }
  });
  modal.body.append(form);
  update();
  name.select();
  name.focus();
}

export async function showOpenCaseDialog(api: FaultlineApi, app: AppInfo, onOpened: (info: CaseInfo) => void): Promise<void> {
  if (app.nativeDialogs) {
    const picked = await api.case.chooseOpenPath({});
    if (!picked.path) return;
    try {
      onOpened(await api.case.open({ path: picked.path }));
    } catch (err) {
      if (!isDamaged(err)) throw err;
      offerRecovery(api, picked.path, err, onOpened);
    }
    return;
  }
  const modal = openModal('Open case', { wide: true });
  const error = el('div', { class: 'fl-field-error', role: 'alert', 'data-testid': 'open-error' });
  const open = async (path: string) => {
    error.textContent = '';
    try {
      const info = await api.case.open({ path });
      modal.close();
      onOpened(info);
    } catch (err) {
      if (isDamaged(err)) {
        modal.close();
        offerRecovery(api, path, err, onOpened);
      } else {
        error.textContent = errorMessage(err);
      }
    }
  };
  const recent = el('ul', { class: 'fl-recent-list' });
  for (const r of await api.case.recent({}).catch(() => [])) {
    recent.append(
      el('li', {}, el('button', {
        type: 'button',
        class: 'fl-link-btn',
        disabled: !r.exists,
        title: r.exists ? r.path : `${r.path} (missing)`,
        text: `${r.name} — ${r.path}`,
        onclick: () => void open(r.path),
      })),
    );
  }
  const pathInput = el('input', { type: 'text', class: 'fl-input', placeholder: 'or type the full path of a .gpkg file', 'aria-label': 'Case file path' });
  modal.body.append(
    el('h3', { text: 'Recent cases' }),
    recent.childElementCount ? recent : el('p', { class: 'fl-field-hint', text: 'No recent cases yet.' }),
    el('h3', { text: 'Browse' }),
    folderBrowser(api, { pickFile: true, onFile: (path) => void open(path) }),
    el('form', { class: 'fl-inline-form', onsubmit: (e: Event) => { e.preventDefault(); if (pathInput.value.trim()) void open(pathInput.value.trim()); } },
      pathInput, el('button', { type: 'submit', class: 'fl-btn', text: 'Open' })),
    error,
    el('footer', { class: 'fl-form-footer' },
      el('button', { type: 'button', class: 'fl-btn', text: 'Open the demo case', onclick: async () => { try { const info = await api.case.openDemo({}); modal.close(); onOpened(info); } catch (err) { error.textContent = errorMessage(err); } } }),
      el('span', { class: 'fl-spacer' }),
      el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() })),
  );
}

export function showPreferencesDialog(api: FaultlineApi): void {
  const modal = openModal('Preferences');
  const author = el('input', { type: 'text', class: 'fl-input', 'aria-label': 'Your name' });
  const error = el('div', { class: 'fl-field-error', role: 'alert' });
  void api.settings.get({}).then((s) => (author.value = s.author));
  const form = el('form', { class: 'fl-dialog-form' },
    el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Your name (signs what you create and change)' }), author),
    error,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Save' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.settings.update({ author: author.value });
      modal.close();
    } catch (err) {
      error.textContent = errorMessage(err);
    }
  });
  modal.body.append(form);
  author.focus();
}
