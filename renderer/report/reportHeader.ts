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
    ['Contents', `${share(data.incidents.length, data.caseInfo.incidentsInCase, 'incident')} · ${share(data.zones.length, data.caseInfo.zonesInCase, 'zone')}`],
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

/**
 * How much of the case a report holds, in words: "3 of 10 incidents", "all 10 incidents",
 * "the one incident", "no incidents" (and "none of 4 zones" when a filter left none).
 */
export function share(shown: number, inCase: number, noun: string): string {
  const plural = `${noun}s`;
  if (inCase === 0) return `no ${plural}`;
  if (shown === inCase) return inCase === 1 ? `the one ${noun}` : `all ${formatCount(inCase)} ${plural}`;
  if (shown === 0) return `none of ${formatCount(inCase)} ${inCase === 1 ? noun : plural}`;
  return `${formatCount(shown)} of ${formatCount(inCase)} ${inCase === 1 ? noun : plural}`;
}
