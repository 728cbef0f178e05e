import type { ImportPreview, TableMergeSummary } from '../../shared/domain/merge';
import { el } from '../ui/dom';

/**
 * What importing a colleague's case would do, before anything changes: per category, how many
 * incidents and zones; who last changed them and in which cases they were born; file-level
 * warnings; the rows that cannot be imported, with the reason. Every text from the file is
 * set as text (el(): textContent), never parsed as HTML.
 */

const ROWS: [keyof TableMergeSummary, string, string][] = [
  ['new', 'New', 'Not in your case: will be added'],
  ['theirsChanged', 'Changed on their side', 'You did not change them since: will be updated'],
  ['theirsDeleted', 'Deleted on their side', 'Will be deleted here too (kept as tombstones)'],
  ['conflicts', 'Changed on both sides', 'Conflicts: you choose, nothing is overwritten'],
  ['conflictsSettled', 'Conflicts settled on their side', 'Waiting conflicts their side has since settled or moved past: they stop waiting'],
  ['mineChanged', 'Changed on your side only', 'Your version is kept'],
  ['identical', 'Identical', 'Nothing to do'],
  ['skipped', 'Cannot be imported', 'Listed below with the reason'],
];

function count(n: number): string {
  return n.toLocaleString('en');
}

export function previewView(preview: ImportPreview): HTMLElement {
  const table = el(
    'table',
    { class: 'fl-preview-table', 'data-testid': 'import-preview' },
    el('thead', {}, el('tr', {}, el('th', { text: '' }), el('th', { text: 'Incidents' }), el('th', { text: 'Zones' }), el('th', { text: '' }))),
    el(
      'tbody',
      {},
      ROWS.filter(([key]) => preview.incidents[key] + preview.zones[key] > 0 || key === 'new' || key === 'conflicts').map(([key, label, hint]) =>
        el(
          'tr',
          { class: key === 'conflicts' && preview.incidents.conflicts + preview.zones.conflicts > 0 ? 'fl-preview-conflicts' : '', 'data-category': key },
          el('th', { text: label }),
          el('td', { text: count(preview.incidents[key]) }),
          el('td', { text: count(preview.zones[key]) }),
          el('td', { class: 'fl-field-hint', text: hint }),
        ),
      ),
    ),
  );
  const s = preview.source;
  const people = preview.authors.slice(0, 8).map((a) => `${a.name} (${count(a.count)})`).join(', ');
  const origins = preview.origins
    .slice(0, 8)
    .map((o) => `${o.name ?? `case ${o.caseId.slice(0, 8)}…`} (${count(o.count)})`)
    .join(', ');
  return el(
    'div',
    { class: 'fl-preview' },
    el('p', {}, 'From ', el('strong', { text: `“${s.name}”` }), ` (${s.fileName})`, s.sameCase ? ' — a copy of this same case, edited elsewhere.' : '.'),
    table,
    people ? el('p', { class: 'fl-preview-meta' }, el('span', { class: 'fl-field-label', text: 'Last changed by: ' }), people) : null,
    origins ? el('p', { class: 'fl-preview-meta' }, el('span', { class: 'fl-field-label', text: 'Created in: ' }), origins) : null,
    ...preview.warnings.map((w) => el('p', { class: 'fl-warning', role: 'alert', text: w })),
    preview.skipped.total > 0
      ? el(
          'details',
          { class: 'fl-skipped', open: true },
          el('summary', { text: `${count(preview.skipped.total)} rows cannot be imported` }),
          el(
            'ul',
            { 'data-testid': 'skipped-rows' },
            preview.skipped.rows.map((r) =>
              el('li', {}, el('strong', { text: `${r.table === 'incidents' ? 'Incident' : 'Zone'} “${r.label}”` }), ` (row ${r.row}): `, r.reason),
            ),
            preview.skipped.total > preview.skipped.rows.length ? el('li', { text: `…and ${count(preview.skipped.total - preview.skipped.rows.length)} more` }) : null,
          ),
        )
      : null,
  );
}
