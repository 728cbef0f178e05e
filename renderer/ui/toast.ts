import { el } from './dom';

let host: HTMLElement | null = null;

/**
 * Short messages at the bottom of the window: confirmations (with an Undo button where it
 * applies) and errors, which stay until dismissed.
 */
/** Shows a message; returns a function that dismisses it early. */
export function toast(message: string, options: { kind?: 'info' | 'error'; action?: { label: string; run: () => void }; timeoutMs?: number } = {}): () => void {
  host ??= document.body.appendChild(el('div', { class: 'fl-toasts', 'aria-live': 'polite' }));
  const kind = options.kind ?? 'info';
  const item = el(
    'div',
    { class: `fl-toast fl-toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('span', { class: 'fl-toast-text', text: message }),
    options.action
      ? el('button', {
          type: 'button',
          class: 'fl-btn fl-btn-small',
          text: options.action.label,
          onclick: () => {
            options.action?.run();
            item.remove();
          },
        })
      : null,
    el('button', { type: 'button', class: 'fl-icon-btn', 'aria-label': 'Dismiss', text: '×', onclick: () => item.remove() }),
  );
  host.appendChild(item);
  while (host.children.length > 4) host.firstElementChild?.remove();
  const timeout = options.timeoutMs ?? (kind === 'error' ? 0 : 5000);
  if (timeout > 0) window.setTimeout(() => item.remove(), timeout);
  return () => item.remove();
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
