import type { Geometry } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';
import type { ReportIncident, ReportZone } from '../../shared/reports/reportData';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { showsInFrame } from './frameVisibility';
import { geometryPath } from './geometryPath';
import { drawIncidentNumbers } from './incidentNumbers';
import { labelPlate, type Box } from './mapLabels';
import { markerRadius } from './markerRadius';
import { svg, r1 } from './svg';
import { textWidth } from './textWidth';
import { placeZoneLabel } from './zoneLabels';
import { zoneSymbol } from './zoneSymbol';


/** Incidents numbered on the map (matching the table's #) up to this many; beyond, too crowded. */
export const NUMBERED_MAX = 60;

/** Zone outlines by status: active solid, planned dashed, withdrawn dotted and faded. */
export const ZONE_STATUS_DASH: Record<string, string | null> = { active: null, planned: '6 4', withdrawn: '1.5 3' };

export function drawAreaOutline(outline: Geometry | null, projection: MapProjection): SVGElement | null {
  if (!outline) return null;
  const d = geometryPath(outline, projection);
  return d ? svg('path', { d, fill: 'none', stroke: '#1f1f1f', 'stroke-width': 1.6, 'stroke-dasharray': '5 3', 'stroke-opacity': 0.85, class: 'flr-area-outline' }) : null;
}

/**
 * Zones with their symbols and names. For the legend: `shown` are the zones that show inside
 * the frame, `symbols` the symbol codes drawn on the map.
 */
export function drawZones(zones: readonly ReportZone[], projection: MapProjection, placed: Box[], covered: readonly Box[] = []): { node: SVGGElement; shown: ReportZone[]; symbols: Set<string> } {
  const shapes = svg('g', { class: 'flr-zones' });
  const labels = svg('g', { class: 'flr-zone-labels' });
  const shown: ReportZone[] = [];
  const symbols = new Set<string>();
  let omitted = 0;
  for (const zone of zones) {
    const style = AFFILIATION_STYLE[zone.affiliation];
    const line = zone.geometry.type === 'LineString' || zone.geometry.type === 'MultiLineString';
    const d = geometryPath(zone.geometry, projection);
    if (!d) continue;
    if (showsInFrame(zone.geometry, projection, { filled: !line, covered })) shown.push(zone);
    const faded = zone.status === 'withdrawn';
    shapes.appendChild(
      svg('path', {
        d,
        fill: line ? 'none' : style.fill,
        'fill-opacity': line ? null : faded ? 0.15 : 0.35,
        stroke: style.stroke,
        'stroke-width': line ? 3 : 1.8,
        'stroke-opacity': faded ? 0.6 : 0.95,
        'stroke-dasharray': ZONE_STATUS_DASH[zone.status] ?? null,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
        'data-zone': zone.id,
      }),
    );
    const [x, y] = projection.project(zone.labelAt[0], zone.labelAt[1]);
    if (x < 0 || y < 0 || x > projection.width || y > projection.height) continue;
    const symbol = zoneSymbol(zone.sidc);
    const size = {
      symbolW: symbol ? Number(symbol.getAttribute('width')) || 30 : 0,
      symbolH: symbol ? Number(symbol.getAttribute('height')) || 24 : 0,
      nameW: textWidth(zone.name, 8.5, 700) + 6,
      nameH: 12,
    };
    const place = placeZoneLabel(x, y, size, placed, projection);
    if (!place) {
      omitted += 1;
      continue;
    }
    placed.push(place.nameBox, ...(place.symbolBox ? [place.symbolBox] : []));
    if (place.moved) {
      // The label point stays marked, so a moved name still says which shape it belongs to.
      const box = place.symbolBox ?? place.nameBox;
      const [lx, ly] = [Math.max(box.x0, Math.min(x, box.x1)), Math.max(box.y0, Math.min(y, box.y1))];
      labels.appendChild(svg('line', { x1: r1(x), y1: r1(y), x2: r1(lx), y2: r1(ly), stroke: style.stroke, 'stroke-width': 0.8, class: 'flr-leader' }));
      labels.appendChild(svg('circle', { cx: r1(x), cy: r1(y), r: 1.6, fill: style.stroke }));
    }
    if (symbol && place.symbolBox) symbols.add(zone.sidc);
    if (symbol && place.symbolBox) labels.appendChild(svg('g', { transform: `translate(${r1(place.symbolBox.x0)} ${r1(place.symbolBox.y0)})`, class: 'flr-zone-symbol' }, symbol));
    labels.appendChild(labelPlate(place.nameBox, 0.75));
    labels.appendChild(svg('text', { x: r1(place.nameX), y: r1(place.nameY), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 8.5, 'font-weight': 700, fill: style.stroke, class: 'flr-label flr-zone-name', text: zone.name }));
  }
  labels.dataset.omitted = String(omitted);
  return { node: svg('g', {}, shapes, labels), shown, symbols };
}

/** The space each incident marker takes, for labels to keep clear of. */
export function markerBoxes(incidents: readonly ReportIncident[], projection: MapProjection): Box[] {
  return incidents.map((incident) => {
    const [x, y] = projection.project(incident.lon, incident.lat);
    const r = markerRadius(incident);
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
}

/**
 * Incidents as on screen: a disc in the event type's colour, larger for more casualties.
 * `shown` are those whose marker is inside the frame and not under the inset (for the legend).
 */
export function drawIncidents(incidents: readonly ReportIncident[], projection: MapProjection, placed: Box[], covered: readonly Box[] = []): { node: SVGGElement; shown: ReportIncident[] } {
  const markers = svg('g', { class: 'flr-incidents' });
  // Biggest first, so small markers stay visible on top of big ones.
  const order = [...incidents].sort((a, b) => markerRadius(b) - markerRadius(a));
  const numbered = incidents.length <= NUMBERED_MAX;
  for (const incident of order) {
    const [x, y] = projection.project(incident.lon, incident.lat);
    const r = markerRadius(incident);
    markers.appendChild(svg('circle', { cx: r1(x), cy: r1(y), r: r1(r), fill: EVENT_TYPE_STYLE[incident.event_type].color, 'fill-opacity': 0.9, stroke: '#ffffff', 'stroke-width': 1.2, 'data-incident': incident.n }));
  }
  const numbers = numbered ? drawIncidentNumbers(incidents, projection, placed) : null;
  const shown = incidents.filter((i) => {
    const [x, y] = projection.project(i.lon, i.lat);
    return x >= 0 && y >= 0 && x <= projection.width && y <= projection.height && !covered.some((b) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1);
  });
  return { node: svg('g', {}, markers, numbers), shown };
}
