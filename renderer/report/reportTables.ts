import { AFFILIATIONS, ZONE_KINDS, ZONE_STATUSES } from '../../shared/domain/zone';
import { gradingCode } from '../../shared/reports/grading';
import type { ReportData } from '../../shared/reports/reportData';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { el } from '../ui/dom';
import { formatCount, formatDay, precisionSuffix } from './format';

/**
 * The report's tables. In print, the header row repeats on every page and no row is cut in
 * half (see report.css: `thead { display: table-header-group }`, `tr { break-inside: avoid }`).
 */

/** Column widths in percent: a fixed layout keeps long words from squeezing the narrow columns. */
function table(className: string, headers: [string, number][], rows: HTMLTableRowElement[], empty: string): HTMLElement {
  if (!rows.length) return el('p', { class: 'flr-empty', text: empty });
  return el(
    'table',
    { class: `flr-table ${className}` },
    el('colgroup', {}, ...headers.map(([, width]) => el('col', { style: `width:${width}%` }))),
    el('thead', {}, el('tr', {}, ...headers.map(([h]) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows),
  );
}

/** "Zvečan · Kosovo · Mitrovica district": the named place, then its admin areas, none twice. */
export function placeLine(location: string, place: string): string {
  const parts = place.split(' · ').filter((p) => p && p !== location);
  return [location, ...parts].filter(Boolean).join(' · ');
}

/** `maxRows` shortens the table for the on-screen preview (the PDF always has every row). */
export function incidentTable(data: ReportData, maxRows = Infinity): HTMLElement {
  const rows = data.incidents.slice(0, maxRows).map((i) =>
    el(
      'tr',
      { 'data-incident': i.n },
      el('td', { class: 'flr-num', text: String(i.n) }),
      el('td', { class: 'flr-nowrap', text: formatDay(i.occurred_at) + precisionSuffix(i.time_precision) }),
      el('td', {}, el('div', { class: 'flr-strong', text: i.title }), el('div', { class: 'flr-small', text: placeLine(i.location_name, i.place) })),
      el(
        'td',
        {},
        el('span', { class: 'flr-type-dot', style: `background:${EVENT_TYPE_STYLE[i.event_type].color}` }),
        el('span', { text: EVENT_TYPE_STYLE[i.event_type].label }),
        el('div', { class: 'flr-small', text: i.sub_event_type }),
      ),
      el('td', { text: [i.actor1, i.actor2].filter(Boolean).join(' — ') }),
      el('td', { class: 'flr-num flr-nowrap', text: `${formatCount(i.fatalities)} / ${formatCount(i.injured)}` }),
      el('td', { class: 'flr-center', text: gradingCode(i) }),
      el('td', {}, el('div', { text: i.source }), i.source_url ? el('div', { class: 'flr-small flr-url', text: i.source_url }) : null),
    ),
  );
  const hidden = data.incidents.length - rows.length;
  if (hidden > 0) rows.push(el('tr', { class: 'flr-more' }, el('td', { colspan: 8, text: `… and ${hidden.toLocaleString('en')} more incidents, in the PDF.` })));
  const columns: [string, number][] = [['#', 4], ['Date', 11], ['Incident and place', 27], ['Type', 14], ['Actors', 16], ['Killed / injured', 7], ['Grading', 6], ['Source', 15]];
  return table('flr-incident-table', columns, rows, 'No incidents match the report’s filters.');
}

export function zoneTable(data: ReportData): HTMLElement {
  const rows = data.zones.map((z) =>
    el(
      'tr',
      {},
      el('td', {}, el('div', { class: 'flr-strong', text: z.name }), z.sidc ? el('div', { class: 'flr-small', text: z.sidc }) : null),
      el('td', { text: ZONE_KINDS[z.kind] }),
      el('td', { text: [z.force, z.unit].filter(Boolean).join(' · ') + (z.strength ? ` (${z.strength})` : '') }),
      el('td', {}, el('span', { class: 'flr-type-dot', style: `background:${AFFILIATION_STYLE[z.affiliation].fill};border-color:${AFFILIATION_STYLE[z.affiliation].stroke}` }), el('span', { text: AFFILIATIONS[z.affiliation] })),
      el('td', { text: ZONE_STATUSES[z.status] }),
      el('td', { class: 'flr-nowrap', text: z.valid_from || z.valid_to ? `${z.valid_from ? formatDay(z.valid_from) : '…'} – ${z.valid_to ? formatDay(z.valid_to) : '…'}` : 'Not set' }),
      el('td', { class: 'flr-num flr-nowrap', text: z.size }),
    ),
  );
  const columns: [string, number][] = [['Zone', 24], ['Kind', 14], ['Force / unit', 20], ['Affiliation', 11], ['Status', 9], ['Valid', 13], ['Size', 9]];
  return table('flr-zone-table', columns, rows, 'No zones in the report’s area and period.');
}

export function sourceList(data: ReportData): HTMLElement {
  if (!data.sources.length) return el('p', { class: 'flr-empty', text: 'No sources: nothing is reported.' });
  return el(
    'ol',
    { class: 'flr-sources' },
    ...data.sources.map((s) =>
      el(
        'li',
        {},
        el('span', { class: 'flr-strong', text: s.name || s.url }),
        s.name && s.url ? el('span', { class: 'flr-url', text: ` — ${s.url}` }) : null,
        el('span', { class: 'flr-small', text: ` · ${s.count} ${s.count === 1 ? 'item' : 'items'} · graded ${s.gradings.join(', ')}` }),
      ),
    ),
  );
}
