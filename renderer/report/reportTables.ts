import { AFFILIATIONS, ZONE_KINDS, ZONE_STATUSES } from '../../shared/domain/zone';
import { gradingCode } from '../../shared/reports/grading';
import type { ReportData } from '../../shared/reports/reportData';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { el } from '../ui/dom';
import { countNoun } from '../../shared/text/countNoun';
import { formatCount, formatDay, incidentDateLines } from './format';

/**
 * The report's tables. In print, the header row repeats on every page and no row is cut in
 * half (see report.css: `thead { display: table-header-group }`, `tr { break-inside: avoid }`).
 */

/**
 * A column: `fit` columns (numbers, dates, codes) are exactly as wide as their widest line, which
 * never wraps; text columns share what is left in the given proportions and wrap, breaking a
 * word only when it is longer than the column is wide.
 */
export type Column = { header: string; fit: true } | { header: string; share: number };

/**
 * The browser's automatic table layout does the measuring: a `fit` column cannot be narrower
 * than its unwrapped content, and the text columns' percentages (which add up to 100) take the
 * rest. A fixed layout with guessed widths let dates and numbers run into the next column.
 */
function table(className: string, columns: Column[], rows: HTMLTableRowElement[], empty: string): HTMLElement {
  if (!rows.length) return el('p', { class: 'flr-empty', text: empty });
  const shares = columns.reduce((sum, c) => sum + ('share' in c ? c.share : 0), 0);
  const fit = columns.map((c) => 'fit' in c);
  for (const row of rows) {
    // A row spanning the table (the preview's "… and N more") is left as it is.
    if (row.children.length !== columns.length) continue;
    Array.from(row.children).forEach((cell, i) => fit[i] && cell.classList.add('flr-fit'));
  }
  return el(
    'table',
    { class: `flr-table ${className}` },
    el('colgroup', {}, ...columns.map((c) => el('col', 'share' in c ? { style: `width:${((c.share / shares) * 100).toFixed(2)}%` } : {}))),
    el('thead', {}, el('tr', {}, ...columns.map((c, i) => el('th', { scope: 'col', class: fit[i] ? 'flr-fit' : null, text: c.header })))),
    el('tbody', {}, ...rows),
  );
}

/** "Zvečan · Kosovo · Mitrovica district": the named place, then its admin areas, none twice. */
export function placeLine(location: string, place: string): string {
  const parts = place.split(' · ').filter((p) => p && p !== location);
  return [location, ...parts].filter(Boolean).join(' · ');
}

/**
 * Text that may wrap after each slash ("Shelling/artillery/missile attack" has no space where
 * a narrow column could break it): the parts as text nodes with a <wbr> between them.
 */
export function breakAfterSlashes(text: string): Node[] {
  const parts = text.split(/(?<=\/)/);
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [document.createTextNode(part), document.createElement('wbr')] : [document.createTextNode(part)]));
}

export const INCIDENT_COLUMNS: Column[] = [
  { header: '#', fit: true },
  { header: 'Date', fit: true },
  { header: 'Incident and place', share: 38 },
  { header: 'Type', share: 18 },
  { header: 'Actors', share: 21 },
  { header: 'Killed / injured', fit: true },
  { header: 'Grading', fit: true },
  { header: 'Source', share: 23 },
];

/** `maxRows` shortens the table for the on-screen preview (the PDF always has every row). */
export function incidentTable(data: ReportData, maxRows = Infinity): HTMLElement {
  const rows = data.incidents.slice(0, maxRows).map((i) => {
    const [day, detail] = incidentDateLines(i.occurred_at, i.time_precision);
    return el(
      'tr',
      { 'data-incident': i.n },
      el('td', { class: 'flr-num', text: String(i.n) }),
      el('td', {}, el('div', { text: day }), detail ? el('div', { class: 'flr-small', text: detail }) : null),
      el('td', {}, el('div', { class: 'flr-strong', text: i.title }), el('div', { class: 'flr-small', text: placeLine(i.location_name, i.place) })),
      el(
        'td',
        {},
        el('span', { class: 'flr-type-dot', style: `background:${EVENT_TYPE_STYLE[i.event_type].color}` }),
        el('span', {}, ...breakAfterSlashes(EVENT_TYPE_STYLE[i.event_type].label)),
        el('div', { class: 'flr-small' }, ...breakAfterSlashes(i.sub_event_type)),
      ),
      el('td', { text: [i.actor1, i.actor2].filter(Boolean).join(' — ') }),
      el('td', { class: 'flr-num', text: `${formatCount(i.fatalities)} / ${formatCount(i.injured)}` }),
      el('td', { class: 'flr-center', text: gradingCode(i) }),
      el('td', {}, el('div', { text: i.source }), i.source_url ? el('div', { class: 'flr-small flr-url', text: i.source_url }) : null),
    );
  });
  const hidden = data.incidents.length - rows.length;
  if (hidden > 0) rows.push(el('tr', { class: 'flr-more' }, el('td', { colspan: INCIDENT_COLUMNS.length, text: `… and ${countNoun(hidden, 'more incident', 'more incidents')}, in the PDF.` })));
  return table('flr-incident-table', INCIDENT_COLUMNS, rows, 'No incidents match the report’s filters.');
}

export const ZONE_COLUMNS: Column[] = [
  { header: 'Zone', share: 38 },
  { header: 'Kind', share: 22 },
  { header: 'Force / unit', share: 40 },
  { header: 'Affiliation', fit: true },
  { header: 'Status', fit: true },
  { header: 'Valid', fit: true },
  { header: 'Size', fit: true },
];

/** "29 May 2023 –" over "1 Oct 2023": a validity in two lines, so the column stays narrow. */
function validityLines(from: string, to: string): HTMLElement[] {
  if (!from && !to) return [el('div', { text: 'Not set' })];
  return [el('div', { text: `${from ? formatDay(from) : '…'} –` }), el('div', { text: to ? formatDay(to) : '…' })];
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
      el('td', {}, ...validityLines(z.valid_from, z.valid_to)),
      el('td', { class: 'flr-num', text: z.size }),
    ),
  );
  return table('flr-zone-table', ZONE_COLUMNS, rows, 'No zones in the report’s area and period.');
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
        el('span', { class: 'flr-small', text: ` · ${countNoun(s.count, 'item')} · graded ${s.gradings.join(', ')}` }),
      ),
    ),
  );
}
