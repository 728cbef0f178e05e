import type { ReportData } from '../../shared/reports/reportData';
import { el } from '../ui/dom';
import { formatCount, formatDay, formatPeriod, formatUtc } from './format';

/** The first page's title block: what, by whom, when, from which case, covering what. */
export function reportHeader(data: ReportData): HTMLElement {
  const o = data.options;
  const byline = [o.author, o.organisation, formatDay(data.reportDate)].filter(Boolean).join(' · ');
  const facts: [string, string][] = [
    ['Case', `${data.caseInfo.name} (${data.caseInfo.fileName})`],
    ['Period', formatPeriod(data.coverage.from, data.coverage.to)],
    ['Area', data.coverage.area],
    ...data.coverage.filters.map((f): [string, string] => ['Filter', f]),
    [
      'Contents',
      `${formatCount(data.incidents.length)} of ${formatCount(data.caseInfo.incidentsInCase)} incidents · ${formatCount(data.zones.length)} of ${formatCount(data.caseInfo.zonesInCase)} zones`,
    ],
    ['Made', `${formatUtc(data.generatedAt)} from case file SHA-256 ${data.caseInfo.sha256}`],
  ];
  return el(
    'header',
    { class: 'flr-header' },
    el('h1', { class: 'flr-title', text: o.title }),
    o.subtitle ? el('p', { class: 'flr-subtitle', text: o.subtitle }) : null,
    el('p', { class: 'flr-byline', text: byline }),
    el('dl', { class: 'flr-facts' }, ...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])),
  );
}
