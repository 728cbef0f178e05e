import { el } from '../ui/dom';

/**
 * The line an incident's popup and a zone's details show while the row waits in a merge
 * conflict: what it means, and the way to settle it.
 */
export function conflictNotice(what: 'incident' | 'zone', resolve: () => void): HTMLElement {
  return el(
    'div',
    { class: 'fl-conflict-notice', role: 'status', 'data-testid': 'conflict-notice' },
    el('span', { text: `⚠ This ${what} was also changed in a case you imported; both versions are kept until you choose.` }),
    el('button', { type: 'button', class: 'fl-link-btn', text: 'Resolve…', onclick: resolve }),
  );
}

/** The mark on a row of the incidents or zones list while it waits in a merge conflict. */
export function conflictTag(): HTMLElement {
  return el('span', { class: 'fl-row-conflict', title: 'Changed in a case you imported too: waiting for you to choose a version', text: '⚠ conflict' });
}
