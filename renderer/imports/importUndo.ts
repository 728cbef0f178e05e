import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import type { ImportFlowContext } from './importFlow';

/**
 * An import (of a case file or of data) as one step on the undo stack. Undoing it puts back
 * the snapshot taken before it, which would wipe whatever was done in the case after the
 * import too: the host then says what that work is instead of undoing, and the analyst is
 * asked. Declining leaves the step on the stack and the case as it is.
 */

/** Asks whether to undo the import anyway; false when the dialog is dismissed. */
export function askToDiscardLaterWork(message: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const modal = openModal('Undo import', { onClose: () => resolve(answer) });
    const choose = (value: boolean) => {
      answer = value;
      modal.close();
    };
    const keep = el('button', { type: 'button', class: 'fl-btn', text: 'Keep everything', onclick: () => choose(false) });
    modal.body.append(
      el('p', { class: 'fl-warning', role: 'alert', 'data-testid': 'undo-later-work', text: message.replace(/ Nothing was changed\.$/, '') }),
      el('p', { class: 'fl-field-hint', text: 'Undo anyway puts the case back as it was before the import; Redo brings back the import and everything after it.' }),
      el(
        'footer',
        { class: 'fl-form-footer' },
        el('span', { class: 'fl-spacer' }),
        keep,
        el('button', { type: 'button', class: 'fl-btn fl-btn-danger', text: 'Undo anyway', onclick: () => choose(true) }),
      ),
    );
    keep.focus();
  });
}

export function pushImportUndo(ctx: ImportFlowContext, label: string, importId: string, after: () => Promise<void>): void {
  const api = ctx.host.api;
  ctx.history.push({
    label,
    undo: async () => {
      const result = await api.imports.undo({ importId });
      if (!result.undone) {
        if (!(await askToDiscardLaterWork(result.message))) throw new Error(`${label} was kept, with the work done after it.`);
        await api.imports.undo({ importId, discardLaterWork: true });
      }
      await after();
    },
    redo: async () => {
      await api.imports.redo({ importId });
      await after();
    },
  });
}

/** The toast's Undo: the latest step on the stack (the import, unless something came after). */
export function undoLatest(ctx: ImportFlowContext): void {
  ctx.history.undo().catch((err: unknown) => toast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' }));
}
