import type { FaultlineApi } from '../../shared/api/contract';
import type { Conflict, ConflictChoice } from '../../shared/domain/merge';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';

/**
 * Conflicts waiting in the case (the same incident or zone edited in both cases since they
 * diverged): each side by side, the fields that differ highlighted, and the analyst's three
 * choices. Until a conflict is resolved it stays listed here, counted on the toolbar badge,
 * and its incident is drawn with a conflict ring on the map.
 */

const LABELS: Record<string, string> = {
  title: 'Title',
  name: 'Name',
  occurred_at: 'Date',
  time_precision: 'Time precision',
  event_type: 'Event type',
  sub_event_type: 'Sub-event type',
  actor1: 'Actor 1',
  actor2: 'Actor 2',
  fatalities: 'Fatalities',
  injured: 'Injured',
  location_name: 'Location',
  geo_precision: 'Geo precision',
  source: 'Source',
  source_url: 'Source URL',
  reliability: 'Reliability',
  credibility: 'Credibility',
  notes: 'Notes',
  tags: 'Tags',
  lon: 'Longitude',
  lat: 'Latitude',
  geometry: 'Shape',
  deleted: 'Deleted',
  'admin.country': 'Country',
  'admin.admin1': 'Admin 1',
  'admin.admin2': 'Admin 2',
};

function show(key: string, value: unknown): string {
  if (key === 'geometry') return 'shape';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (value === '' || value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function rows(conflict: Conflict): { key: string; mine: string; theirs: string; differs: boolean }[] {
  const mine = conflict.mine.fields as Record<string, unknown>;
  const theirs = conflict.theirs.fields as Record<string, unknown>;
  const out = Object.keys(mine).map((key) => ({ key, mine: show(key, mine[key]), theirs: show(key, theirs[key]), differs: conflict.differing.includes(key) }));
  if (conflict.table === 'incidents') {
    for (const key of ['country', 'admin1', 'admin2'] as const) {
      out.push({ key: `admin.${key}`, mine: show(key, conflict.mine.admin[key]), theirs: show(key, conflict.theirs.admin[key]), differs: conflict.differing.includes(`admin.${key}`) });
    }
  }
  const deleted = (d: string | null) => (d ? 'yes' : 'no');
  out.push({ key: 'deleted', mine: deleted(conflict.mine.provenance.deleted_at), theirs: deleted(conflict.theirs.provenance.deleted_at), differs: conflict.differing.includes('deleted') });
  // What differs first, in field order; the rest after.
  return [...out.filter((r) => r.differs), ...out.filter((r) => !r.differs)];
}

function titleOf(conflict: Conflict): string {
  return conflict.table === 'incidents' ? conflict.mine.fields.title : conflict.mine.fields.name;
}

function card(api: FaultlineApi, conflict: Conflict, resolved: () => void): HTMLElement {
  const status = el('div', { class: 'fl-field-error', role: 'alert' });
  const choose = async (choice: ConflictChoice) => {
    status.textContent = '';
    try {
      await api.imports.resolve({ conflictId: conflict.id, choice });
      node.remove();
      resolved();
    } catch (err) {
      status.textContent = errorMessage(err);
    }
  };
  const all = rows(conflict);
  const line = (r: (typeof all)[number]) =>
    el('tr', { class: r.differs ? 'fl-differs' : '', 'data-field': r.key }, el('th', { text: LABELS[r.key] ?? r.key }), el('td', { text: r.mine }), el('td', { text: r.theirs }));
  const same = all.filter((r) => !r.differs);
  const table = el(
    'table',
    { class: 'fl-conflict-table' },
    el('thead', {}, el('tr', {}, el('th', { text: 'Field' }), el('th', { text: 'Yours' }), el('th', { text: `Theirs (${conflict.source.name})` }))),
    el('tbody', {}, all.filter((r) => r.differs).map(line)),
  );
  // The fields both versions agree on, folded away so the choice stays in view.
  const agreed = el(
    'details',
    { class: 'fl-conflict-same' },
    el('summary', { text: `Same in both (${same.length} fields)` }),
    el('table', { class: 'fl-conflict-table' }, el('tbody', {}, same.map(line))),
  );
  const p = conflict.theirs.provenance;
  const node = el(
    'section',
    { class: 'fl-conflict', 'data-conflict-id': conflict.id, 'data-row-id': conflict.rowId },
    el('h3', { text: `${conflict.table === 'incidents' ? 'Incident' : 'Zone'} “${titleOf(conflict)}”` }),
    el('p', { class: 'fl-field-hint', text: `Changed in your case by ${conflict.mine.provenance.author} (${conflict.mine.provenance.updated_at.slice(0, 16).replace('T', ' ')}) and in “${conflict.source.name}” by ${p.author} (${p.updated_at.slice(0, 16).replace('T', ' ')}).` }),
    table,
    status,
    el(
      'div',
      { class: 'fl-conflict-actions' },
      el('button', { type: 'button', class: 'fl-btn', text: 'Keep mine', onclick: () => void choose('mine') }),
      el('button', { type: 'button', class: 'fl-btn', text: 'Take theirs', onclick: () => void choose('theirs') }),
      el('button', { type: 'button', class: 'fl-btn', text: 'Keep both', title: 'Keep yours, and add theirs as a separate incident', onclick: () => void choose('both') }),
    ),
    agreed,
  );
  return node;
}

export async function showConflicts(api: FaultlineApi, afterChange: () => Promise<void>): Promise<void> {
  const conflicts = await api.imports.conflicts({});
  const modal = openModal(`Conflicts (${conflicts.length})`, { wide: true });
  const list = el('div', { class: 'fl-conflict-list' });
  const left = () => list.querySelectorAll('.fl-conflict').length;
  const resolved = () => {
    void afterChange().catch((err) => toast(errorMessage(err), { kind: 'error' }));
    if (left() === 0) {
      modal.close();
      toast('All conflicts are resolved.');
    }
  };
  for (const c of conflicts) list.append(card(api, c, resolved));
  if (conflicts.length === 0) list.append(el('p', { text: 'No conflicts are waiting.' }));
  modal.body.append(
    el('p', { class: 'fl-field-hint', text: 'These were changed both in your case and in the case you imported. Choose which version to keep; differing fields are highlighted.' }),
    list,
  );
}

/** The toolbar badge: how many conflicts wait; hidden when none. */
export function conflictsBadge(onClick: () => void): { element: HTMLButtonElement; set(count: number): void } {
  const element = el('button', { type: 'button', class: 'fl-btn fl-conflicts-badge', hidden: true, 'data-testid': 'conflicts-badge', onclick: onClick });
  return {
    element,
    set(count: number) {
      element.hidden = count === 0;
      element.textContent = `⚠ ${count} conflict${count === 1 ? '' : 's'}`;
      element.title = 'Incidents or zones changed in both cases: choose which version to keep';
    },
  };
}
