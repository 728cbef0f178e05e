import type { ReportData } from '../../shared/reports/reportData';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { AFFILIATIONS, ZONE_STATUSES, type Affiliation, type ZoneStatus } from '../../shared/domain/zone';
import { el } from '../ui/dom';
import { BASEMAP_STYLE } from './mapBasemap';
import { ZONE_STATUS_DASH } from './mapOverlays';
import { svg } from './svg';

/** The legend of what the map shows: only the incident types, zones and lines that are on it. */
export function mapLegend(data: ReportData, visibleLayers: Set<string>): HTMLElement {
  const dot = (color: string) => svg('svg', { width: 12, height: 12, viewBox: '0 0 12 12', class: 'flr-swatch' }, svg('circle', { cx: 6, cy: 6, r: 5, fill: color, stroke: '#fff', 'stroke-width': 1 }));
  const line = (stroke: string, width: number, dash?: string | null) =>
    svg('svg', { width: 24, height: 12, viewBox: '0 0 24 12', class: 'flr-swatch' }, svg('line', { x1: 1, y1: 6, x2: 23, y2: 6, stroke, 'stroke-width': width, 'stroke-dasharray': dash ?? null }));
  const area = (fill: string, stroke: string, opacity: number) =>
    svg('svg', { width: 18, height: 12, viewBox: '0 0 18 12', class: 'flr-swatch' }, svg('rect', { x: 1, y: 1, width: 16, height: 10, fill, 'fill-opacity': opacity, stroke, 'stroke-width': 1 }));
  const row = (swatch: SVGElement, text: string): HTMLElement => el('div', { class: 'flr-legend-row' }, swatch, el('span', { text }));
  const section = (title: string, rows: HTMLElement[]) => (rows.length ? el('div', { class: 'flr-legend-section' }, el('div', { class: 'flr-legend-title', text: title }), ...rows) : null);

  const incidentRows: HTMLElement[] = data.summary.byType.map((t) => row(dot(t.color), `${t.label} (${t.count})`));
  if (incidentRows.length) incidentRows.push(el('div', { class: 'flr-legend-note', text: data.incidents.length <= 60 ? 'Marker size: casualties · numbers: rows of the incident table' : 'Marker size: casualties' }));

  const affiliations = (Object.keys(AFFILIATIONS) as Affiliation[]).filter((a) => data.zones.some((z) => z.affiliation === a));
  const statuses = (Object.keys(ZONE_STATUSES) as ZoneStatus[]).filter((s) => data.zones.some((z) => z.status === s));
  const zoneRows: HTMLElement[] = [
    ...affiliations.map((a) => row(area(AFFILIATION_STYLE[a].fill, AFFILIATION_STYLE[a].stroke, 0.45), `${AFFILIATIONS[a]} forces`)),
    ...(statuses.length > 1 || statuses[0] !== 'active' ? statuses.map((s) => row(line('#444', 1.8, ZONE_STATUS_DASH[s]), `${ZONE_STATUSES[s]} zone`)) : []),
  ];

  const s = BASEMAP_STYLE;
  const lines: HTMLElement[] = [
    visibleLayers.has('kosovo-serbia') ? row(line(s.kosovoSerbia.stroke, s.kosovoSerbia.width), 'Kosovo–Serbia boundary') : null,
    visibleLayers.has('borders') ? row(line(s.border.stroke, s.border.width), 'International border') : null,
    visibleLayers.has('iebl') ? row(line(s.iebl.stroke, s.iebl.width, s.iebl.dash), 'Inter-Entity Boundary Line') : null,
    visibleLayers.has('kosovo-municipalities') ? row(line(s.kosovoMunicipality.stroke, 1), 'Kosovo municipality') : null,
    visibleLayers.has('admin-dashed') ? row(line(s.adminDashed.stroke, 1, s.adminDashed.dash), 'Canton, region or district') : null,
    data.map.areaOutline ? row(line('#1f1f1f', 1.6, '5 3'), 'Report area') : null,
  ].filter((r) => r !== null);
  const entities: HTMLElement[] = visibleLayers.has('entities')
    ? [
        row(area(s.entityFill.FBiH!, 'none', 0.6), 'Federation of BiH'),
        row(area(s.entityFill.RS!, 'none', 0.6), 'Republika Srpska'),
        row(area(s.entityFill.BD!, 'none', 0.6), 'Brčko District'),
      ]
    : [];

  return el(
    'div',
    { class: 'flr-legend', 'aria-label': 'Legend' },
    el('div', { class: 'flr-legend-heading', text: 'Legend' }),
    el(
      'div',
      { class: 'flr-legend-columns' },
      section('Incidents', incidentRows),
      section('Zones', zoneRows),
      section('Boundaries', lines),
      section('Bosnia and Herzegovina', entities),
    ),
  );
}
