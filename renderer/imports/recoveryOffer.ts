import type { FaultlineApi } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CaseInfo } from '../../shared/domain/case';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import { countNoun } from '../../shared/text/countNoun';

/** The name for a recovered copy: next to the damaged file, "<name> (recovered).gpkg". */
export function recoveredPath(path: string): string {
  return path.replace(/(\.gpkg)?$/i, ' (recovered).gpkg');
}

/** Whether an error from opening a case means the file is damaged (and may be recovered). */
export function isDamaged(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'damaged';
}

/**
 * A case that failed its integrity check is offered for recovery: what can be read is copied
 * into a new case; the damaged file itself is never changed (nor "fixed" without asking).
 */
export function offerRecovery(api: FaultlineApi, path: string, err: unknown, onOpened: (info: CaseInfo) => void): void {
  const modal = openModal('This case is damaged');
  const target = recoveredPath(path);
  const status = el('div', { class: 'fl-field-error', role: 'alert' });
  const recover = el('button', {
    type: 'button',
    class: 'fl-btn fl-btn-primary',
    text: 'Recover into a new case',
    onclick: async () => {
      recover.disabled = true;
      status.textContent = '';
      try {
        const result = await api.case.recover({ path, newPath: target });
        modal.close();
        toast(`Recovered ${countNoun(result.recovered.incidents, 'incident')} and ${countNoun(result.recovered.zones, 'zone')} into “${result.info.name}”${result.lost ? `; ${countNoun(result.lost, 'row')} could not be read` : ''}.`);
        onOpened(result.info);
      } catch (e) {
        status.textContent = errorMessage(e);
        recover.disabled = false;
      }
    },
  });
  modal.body.append(
    el('p', { text: errorMessage(err) }),
    el('p', { text: 'Faultline will not change the damaged file. It can copy everything that can still be read into a new case:' }),
    el('p', { class: 'fl-mono', text: target }),
    status,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), recover),
  );
  recover.focus();
}
