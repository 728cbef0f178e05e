import { el } from './dom';

export interface Modal {
  element: HTMLElement;
  body: HTMLElement;
  close(): void;
}

/**
 * A modal dialog: Escape and the close button dismiss it, focus returns where it was, and
 * Tab stays inside it.
 */
export function openModal(title: string, options: { onClose?: () => void; wide?: boolean } = {}): Modal {
  const previousFocus = document.activeElement as HTMLElement | null;
  const body = el('div', { class: 'fl-modal-body' });
  const dialog = el(
    'div',
    { class: `fl-modal${options.wide ? ' fl-modal-wide' : ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    el('header', { class: 'fl-modal-header' }, el('h2', { text: title }), el('button', { type: 'button', class: 'fl-icon-btn', 'aria-label': 'Close', text: '×', onclick: () => close() })),
    body,
  );
  const backdrop = el('div', { class: 'fl-backdrop' }, dialog);
  let closed = false;
  function close(): void {
    if (closed) return;
    closed = true;
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    options.onClose?.();
    previousFocus?.focus?.();
  }
  function onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')].filter((n) => !n.hasAttribute('disabled'));
      if (!focusable.length) return;
      const first = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }
  backdrop.addEventListener('mousedown', (e) => {
    if (e.target === backdrop) close();
  });
  document.addEventListener('keydown', onKey, true);
  document.body.appendChild(backdrop);
  return { element: dialog, body, close };
}
