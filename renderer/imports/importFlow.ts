import type { AppInfo } from '../../shared/api/contract';
import type { ImportPreview, ImportResult } from '../../shared/domain/merge';
import type { HostConnection } from '../api/hostClient';
import { folderBrowser } from '../dialogs/caseDialogs';
import type { UndoStack } from '../history/undoStack';
import { el } from '../ui/dom';
import { openModal, type Modal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import { pushImportUndo, undoLatest } from './importUndo';
import { previewView } from './previewView';
import { ProgressView } from './progressView';

/**
 * File ▸ Import Case File…: choose a colleague's case file, see what importing it would do,
 * import it (with progress and cancel), and get one Undo step for the whole import.
 */
export interface ImportFlowContext {
  host: HostConnection;
  app: AppInfo;
  history: UndoStack;
  /** Reloads what the window shows of the case (incidents, conflicts). */
  afterChange(): Promise<void>;
  /** A GeoPackage that is not a case: hand it to the foreign-data import. */
  importData?(path: string): void;
}

/** Asks for a file: the native dialog where the host has one, else the in-app chooser. */
export async function chooseFile(ctx: ImportFlowContext, kind: 'case' | 'data', title: string): Promise<string | null> {
  if (ctx.app.nativeDialogs) return (await ctx.host.api.imports.choosePath({ kind })).path;
  return new Promise((resolve) => {
    let chosen: string | null = null;
    const modal = openModal(title, { wide: true, onClose: () => resolve(chosen) });
    const pick = (path: string) => {
      chosen = path;
      modal.close();
    };
    const input = el('input', { type: 'text', class: 'fl-input', placeholder: 'or type the full path of the file', 'aria-label': 'File to import' });
    modal.body.append(
      folderBrowser(ctx.host.api, { pickFile: true, data: kind === 'data', onFile: pick }),
      el('form', { class: 'fl-inline-form', onsubmit: (e: Event) => { e.preventDefault(); if (input.value.trim()) pick(input.value.trim()); } },
        input, el('button', { type: 'submit', class: 'fl-btn', text: 'Choose' })),
    );
    input.focus();
  });
}

function summary(counts: ImportResult['counts']): string {
  const parts = [
    counts.added && `${counts.added} added`,
    counts.updated && `${counts.updated} updated`,
    counts.deleted && `${counts.deleted} deleted`,
    counts.conflicts && `${counts.conflicts} conflict${counts.conflicts === 1 ? '' : 's'} to resolve`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing changed';
}

/**
 * How a job that did not finish ends in the dialog: after the analyst's Cancel, a plain notice
 * (the case is as it was, which is what they asked for); otherwise the error, as an alert.
 */
function outcome(progress: ProgressView, err: unknown): HTMLElement {
  if (progress.cancelRequested) return el('p', { class: 'fl-import-cancelled', role: 'status', 'data-testid': 'import-cancelled', text: errorMessage(err) });
  return el('p', { class: 'fl-field-error', role: 'alert', 'data-testid': 'import-error', text: errorMessage(err) });
}

function footer(...buttons: (HTMLElement | null)[]): HTMLElement {
  return el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), ...buttons);
}

async function apply(ctx: ImportFlowContext, modal: Modal, preview: ImportPreview, actions: HTMLElement): Promise<void> {
  const api = ctx.host.api;
  const progress = new ProgressView(ctx.host, 'Importing…');
  actions.replaceWith(progress.element);
  const needsConsent = preview.skipped.total > 0 || preview.warnings.length > 0;
  try {
    const result = await api.imports.apply({ previewId: preview.previewId, jobId: progress.jobId, importValidPart: needsConsent });
    modal.close();
    await ctx.afterChange();
    const label = `Import of “${preview.source.name}”`;
    if (result.importId && result.undoable) pushImportUndo(ctx, label, result.importId, () => ctx.afterChange());
    toast(`Imported “${preview.source.name}”: ${summary(result.counts)}.`, result.importId && result.undoable ? { action: { label: 'Undo', run: () => undoLatest(ctx) } } : {});
  } catch (err) {
    progress.dispose();
    modal.body.append(outcome(progress, err), footer(el('button', { type: 'button', class: 'fl-btn', text: 'Close', onclick: () => modal.close() })));
  }
}

/** The whole flow; `path` skips the choice (a file dropped on the window). */
export async function importCaseFile(ctx: ImportFlowContext, path?: string): Promise<void> {
  const api = ctx.host.api;
  const file = path ?? (await chooseFile(ctx, 'case', 'Import case file'));
  if (!file) return;
  let previewId: string | null = null;
  let applied = false;
  const modal = openModal('Import case file', {
    wide: true,
    onClose: () => {
      if (previewId && !applied) void api.imports.discard({ previewId });
    },
  });
  const reading = new ProgressView(ctx.host, 'Reading…');
  modal.body.append(reading.element);
  let result;
  try {
    result = await api.imports.preview({ path: file, jobId: reading.jobId });
  } catch (err) {
    reading.dispose();
    modal.body.append(outcome(reading, err), footer(el('button', { type: 'button', class: 'fl-btn', text: 'Close', onclick: () => modal.close() })));
    return;
  }
  reading.dispose();
  if (result.kind === 'foreign') {
    const foreignPath = result.path;
    modal.body.append(
      el('p', { text: result.message }),
      footer(
        el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }),
        ctx.importData ? el('button', { type: 'button', class: 'fl-btn fl-btn-primary', text: 'Import its layers…', onclick: () => { modal.close(); ctx.importData?.(foreignPath); } }) : null,
      ),
    );
    return;
  }
  const preview = result.preview;
  previewId = preview.previewId;
  const t = preview.totals;
  const settled = preview.incidents.conflictsSettled + preview.zones.conflictsSettled;
  const nothing = t.added + t.updated + t.deleted + t.conflicts + settled === 0;
  const needsConsent = preview.skipped.total > 0 || preview.warnings.length > 0;
  const importButton = el('button', {
    type: 'button',
    class: 'fl-btn fl-btn-primary',
    text: needsConsent ? 'Import the valid part' : 'Import',
    onclick: () => {
      applied = true;
      void apply(ctx, modal, preview, actions);
    },
  });
  const actions = footer(el('button', { type: 'button', class: 'fl-btn', text: nothing ? 'Close' : 'Cancel', onclick: () => modal.close() }), nothing ? null : importButton);
  modal.body.append(
    previewView(preview),
    nothing ? el('p', { class: 'fl-field-hint', text: 'Nothing to import: your case already has everything in this file.' }) : el('p', { class: 'fl-field-hint', text: 'A snapshot of your case is kept first; the whole import can be undone in one step.' }),
    actions,
  );
  if (!nothing) importButton.focus();
}
