import type { FaultlineApi } from '../../shared/api/contract';
import type { HistoryEntry, MergeTableName } from '../../shared/domain/merge';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage } from '../ui/toast';

/**
 * The history of an incident or zone: who created it, in which case, and every change since,
 * field by field, with the changes that came from another case by an import marked as such.
 */

const ACTIONS: Record<HistoryEntry['action'], string> = { create: 'Created', update: 'Changed', delete: 'Deleted', restore: 'Restored' };

function when(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

function entryView(e: HistoryEntry): HTMLElement {
  const who = e.merge ? ` — imported from “${e.merge.caseName}” by ${e.author}` : ` by ${e.author}`;
  return el(
    'li',
    { class: `fl-history-entry${e.merge ? ' fl-history-merge' : ''}` },
    el('div', { class: 'fl-history-head' }, el('strong', { text: `${ACTIONS[e.action]}` }), `${who} · ${when(e.at)}`),
    e.changes.length
      ? el(
          'table',
          { class: 'fl-history-changes' },
          el('tbody', {}, e.changes.map((c) => el('tr', {}, el('th', { text: c.field }), el('td', { class: 'fl-history-before', text: c.before }), el('td', { text: '→' }), el('td', { text: c.after })))),
        )
      : null,
  );
}

export async function showHistory(api: FaultlineApi, table: MergeTableName, id: string, title: string): Promise<void> {
  const modal = openModal(`History of “${title.length > 60 ? `${title.slice(0, 60)}…` : title}”`, { wide: true });
  try {
    const h = await api.history.forRow({ table, id });
    modal.body.append(
      el('p', { class: 'fl-field-hint', text: `Created by ${h.createdBy} on ${when(h.createdAt)} in case “${h.originCase.name ?? h.originCase.id}”. Last changed by ${h.lastChange.author} on ${when(h.lastChange.at)}.` }),
      el('ol', { class: 'fl-history', 'data-testid': 'history' }, [...h.entries].reverse().map(entryView)),
    );
  } catch (err) {
    modal.body.append(el('p', { class: 'fl-field-error', role: 'alert', text: errorMessage(err) }));
  }
}
