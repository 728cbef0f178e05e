import { contentMm, PX_PER_MM } from '../../shared/reports/pageGeometry';
import type { ReportData } from '../../shared/reports/reportData';
import type { BasemapFiles } from '../map/basemapData';
import { el } from '../ui/dom';
import { barChart, timelineChart, timelineKey } from './charts';
import { countNoun } from '../../shared/text/countNoun';
import { formatCount } from './format';
import { reportHeader } from './reportHeader';
import { reportMap } from './reportMap';
import { incidentTable, sourceList, zoneTable } from './reportTables';

/** Room kept free below the map on the first page, so rounding never pushes it to page two. */
const SAFETY_MM = 5;
const LANDSCAPE_LEGEND_MM = 54;

function section(title: string, className: string, ...children: (Node | null)[]): HTMLElement {
  return el('section', { class: `flr-section ${className}` }, el('h2', { text: title }), ...children);
}

function keyFigures(data: ReportData): HTMLElement {
  const t = data.summary.totals;
  const figure = (value: number, label: string) => el('div', { class: 'flr-figure' }, el('div', { class: 'flr-figure-value', text: formatCount(value) }), el('div', { class: 'flr-figure-label', text: label }));
  return el('div', { class: 'flr-figures' }, figure(t.incidents, t.incidents === 1 ? 'incident' : 'incidents'), figure(t.fatalities, 'killed'), figure(t.injured, 'injured'), figure(data.zones.length, data.zones.length === 1 ? 'zone' : 'zones'));
}

function casualtyNote(row: { fatalities: number; injured: number }): string {
  return row.fatalities || row.injured ? `(${formatCount(row.fatalities)} killed, ${formatCount(row.injured)} injured)` : '';
}

function summarySection(data: ReportData, widthMm: number): HTMLElement {
  const s = data.summary;
  const half = (widthMm - 8) / 2;
  return section(
    'Summary',
    'flr-summary',
    keyFigures(data),
    el(
      'div',
      { class: 'flr-chart-grid' },
      el('div', { class: 'flr-chart-box' }, el('h3', { text: 'Incidents by event type' }), barChart(s.byType.map((r) => ({ label: r.label, value: r.count, color: r.color, note: casualtyNote(r) })), half, 'Incidents by event type')),
      el('div', { class: 'flr-chart-box' }, el('h3', { text: 'Incidents by entity or country' }), barChart(s.byEntity.map((r) => ({ label: r.label, value: r.count, note: casualtyNote(r) })), half, 'Incidents by entity or country')),
    ),
    el('div', { class: 'flr-chart-box' }, el('h3', { text: 'Incidents by municipality, canton, region or district' }), barChart(s.byArea.map((r) => ({ label: r.label, value: r.count, note: casualtyNote(r) })), widthMm, 'Incidents by municipality')),
    el('div', { class: 'flr-chart-box' }, el('h3', { text: `Incidents per ${s.timeline.unit}, by event type` }), timelineChart(s.timeline, widthMm, 58), timelineKey(s.timeline)),
  );
}

/**
 * Builds the whole report into `root` (which must be in the document: the first page's map
 * takes the height the title block leaves, measured after layout). Returns what it drew.
 */
export function renderReport(root: HTMLElement, data: ReportData, files: BasemapFiles, options: { maxTableRows?: number } = {}): { mapFeatures: number } {
  const { pageSize, landscape } = data.options;
  const content = contentMm(pageSize, landscape);
  root.replaceChildren();
  root.className = `flr flr-${pageSize.toLowerCase()}${landscape ? ' flr-landscape' : ' flr-portrait'}`;
  root.style.width = `${content.width}mm`;

  const firstPage = el('div', { class: 'flr-first-page' });
  root.appendChild(firstPage);
  firstPage.appendChild(reportHeader(data));
  const headerMm = firstPage.getBoundingClientRect().height / PX_PER_MM;

  // Portrait: the legend goes under the map (its height estimated, then checked); landscape:
  // beside it. The map takes what is left of the first page.
  const mapWidth = landscape ? content.width - LANDSCAPE_LEGEND_MM - 4 : content.width;
  let legendMm = landscape ? 0 : 34;
  let map = reportMap(data, files, { width: mapWidth, height: Math.max(60, content.height - headerMm - legendMm - SAFETY_MM) });
  firstPage.appendChild(map.element);
  if (!landscape) {
    const legend = map.element.querySelector('.flr-legend');
    const measured = legend ? legend.getBoundingClientRect().height / PX_PER_MM + 2 : legendMm;
    // Drawn again only when the legend is taller than allowed for (it would push the map off
    // the page); a shorter one just leaves a little white space.
    if (measured > legendMm + 0.5) {
      legendMm = measured;
      map.element.remove();
      map = reportMap(data, files, { width: mapWidth, height: Math.max(60, content.height - headerMm - legendMm - SAFETY_MM) });
      firstPage.appendChild(map.element);
    }
  }

  root.append(
    summarySection(data, content.width),
    section('Incidents', 'flr-incidents-section', el('p', { class: 'flr-note', text: `${countNoun(data.incidents.length, 'incident')}, by date. Killed / injured as reported; grading: source reliability (A–F) and information credibility (1–6).` }), incidentTable(data, options.maxTableRows)),
    section('Zones', 'flr-zones-section', zoneTable(data)),
    section('Sources', 'flr-sources-section', sourceList(data)),
    el('p', { class: 'flr-colophon', text: `Map data ${data.attribution}. Made with Faultline ${data.appVersion}, offline.` }),
  );
  return { mapFeatures: map.features };
}
