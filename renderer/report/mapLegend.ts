import type { ReportData, ReportIncident, ReportZone } from '../../shared/reports/reportData';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { AFFILIATIONS, ZONE_STATUSES, type Affiliation, type ZoneStatus } from '../../shared/domain/zone';
import { el } from '../ui/dom';
import { BASEMAP_STYLE } from './mapBasemap';
import { ZONE_STATUS_DASH } from './mapOverlays';
import { svg } from './svg';
import { symbolMeaning, zoneSymbol } from './zoneSymbol';

/** What the map shows inside its frame, as its drawing functions found it. */
export interface ShownOnMap {
  /** Basemap layers, and `entity:<id>` for each BiH entity (see drawBasemap). */
  layers: Set<string>;
  zones: readonly ReportZone[];
  /** Unit symbol codes drawn on the map. */
  symbols: ReadonlySet<string>;
  incidents: readonly ReportIncident[];
  /** Whether the report area's outline shows. */
  areaOutline: boolean;
}

/**
 * The legend of what the map shows: only the incident types, zones, lines and entities that are
 * drawn inside its frame, so it never explains something the reader cannot find on the map.
 */
export function mapLegend(data: ReportData, shown: ShownOnMap): HTMLElement {
  const visibleLayers = shown.layers;
  const dot = (color: string) => svg('svg', { width: 12, height: 12, viewBox: '0 0 12 12', class: 'flr-swatch' }, svg('circle', { cx: 6, cy: 6, r: 5, fill: color, stroke: '#fff', 'stroke-width': 1 }));
  const line = (stroke: string, width: number, dash?: string | null) =>
    svg('svg', { width: 24, height: 12, viewBox: '0 0 24 12', class: 'flr-swatch' }, svg('line', { x1: 1, y1: 6, x2: 23, y2: 6, stroke, 'stroke-width': width, 'stroke-dasharray': dash ?? null }));
  const area = (fill: string, stroke: string, opacity: number) =>
    svg('svg', { width: 18, height: 12, viewBox: '0 0 18 12', class: 'flr-swatch' }, svg('rect', { x: 1, y: 1, width: 16, height: 10, fill, 'fill-opacity': opacity, stroke, 'stroke-width': 1 }));
  const row = (swatch: SVGElement, text: string): HTMLElement => el('div', { class: 'flr-legend-row' }, swatch, el('span', { text }));
  const section = (title: string, rows: HTMLElement[]) => (rows.length ? el('div', { class: 'flr-legend-section' }, el('div', { class: 'flr-legend-title', text: title }), ...rows) : null);

  const shownByType = new Map<string, number>();
  for (const i of shown.incidents) shownByType.set(i.event_type, (shownByType.get(i.event_type) ?? 0) + 1);
  const incidentRows: HTMLElement[] = data.summary.byType.filter((t) => shownByType.has(t.type)).map((t) => row(dot(t.color), `${t.label} (${shownByType.get(t.type)})`));
  if (incidentRows.length) incidentRows.push(el('div', { class: 'flr-legend-note', text: data.incidents.length <= 60 ? 'Marker size: casualties · numbers: rows of the incident table' : 'Marker size: casualties' }));

  const affiliations = (Object.keys(AFFILIATIONS) as Affiliation[]).filter((a) => shown.zones.some((z) => z.affiliation === a));
  const statuses = (Object.keys(ZONE_STATUSES) as ZoneStatus[]).filter((s) => shown.zones.some((z) => z.status === s));
  // Each unit symbol on the map with what it stands for and the forces that carry it, as the
  // workbench's legend explains them.
  const forcesBySymbol = new Map<string, Set<string>>();
  for (const z of shown.zones) {
    if (!z.sidc || !shown.symbols.has(z.sidc)) continue;
    const forces = forcesBySymbol.get(z.sidc) ?? new Set<string>();
    if (z.force) forces.add(z.force);
    forcesBySymbol.set(z.sidc, forces);
  }
  const symbolRows = [...forcesBySymbol]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sidc, forces]) => {
      const who = [...forces].sort().join(', ');
      const symbol = zoneSymbol(sidc, 11);
      symbol?.classList.add('flr-swatch', 'flr-legend-symbol');
      return row(symbol ?? area('#fff', '#444', 0), who ? `${symbolMeaning(sidc)} — ${who}` : symbolMeaning(sidc));
    });
  const zoneRows: HTMLElement[] = [
    ...symbolRows,
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
    shown.areaOutline ? row(line('#1f1f1f', 1.6, '5 3'), 'Report area') : null,
  ].filter((r) => r !== null);
  const entities: HTMLElement[] = [
    visibleLayers.has('entity:FBiH') ? row(area(s.entityFill.FBiH!, 'none', 0.6), 'Federation of BiH') : null,
    visibleLayers.has('entity:RS') ? row(area(s.entityFill.RS!, 'none', 0.6), 'Republika Srpska') : null,
    visibleLayers.has('entity:BD') ? row(area(s.entityFill.BD!, 'none', 0.6), 'Brčko District') : null,
  ].filter((r) => r !== null);

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
