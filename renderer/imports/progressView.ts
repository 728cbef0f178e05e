import type { EventPayload } from '../../shared/api/contract';
import type { HostConnection } from '../api/hostClient';
import { el } from '../ui/dom';

/**
 * A progress bar for one job (an import preview or an import), fed by the host's
 * `import.progress` events for that job id, with a Cancel button. Cancel asks the host to
 * stop; the case stays as it was (the host rolls the transaction back).
 */
export class ProgressView {
  readonly element: HTMLElement;
  readonly jobId = crypto.randomUUID();
  private readonly _bar = el('progress', { class: 'fl-progress', max: 1, value: 0 });
  private readonly _label = el('span', { class: 'fl-progress-label', text: '' });
  private readonly _unsubscribe: () => void;
  private _cancelRequested = false;

  constructor(host: HostConnection, what: string) {
    const cancel = el('button', {
      type: 'button',
      class: 'fl-btn',
      text: 'Cancel',
      onclick: () => {
        cancel.disabled = true;
        this._cancelRequested = true;
        this._label.textContent = 'Cancelling…';
        void host.api.imports.cancel({ jobId: this.jobId });
      },
    });
    this._label.textContent = what;
    this.element = el('div', { class: 'fl-progress-row', role: 'status', 'aria-live': 'polite' }, this._bar, this._label, cancel);
    this._unsubscribe = host.onEvent((name, payload) => {
      if (name !== 'import.progress') return;
      const p = payload as EventPayload<'import.progress'>;
      if (p.jobId !== this.jobId || p.total === 0) return;
      this._bar.max = p.total;
      this._bar.value = p.done;
      this._label.textContent = `${what} ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} rows`;
    });
  }

  /** Whether the analyst pressed Cancel (then the job's end is news, not an error). */
  get cancelRequested(): boolean {
    return this._cancelRequested;
  }

  dispose(): void {
    this._unsubscribe();
    this.element.remove();
  }
}
