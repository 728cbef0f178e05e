import ms from 'milsymbol';
import type { Geometry } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';
import type { ReportIncident, ReportZone } from '../../shared/reports/reportData';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { showsInFrame } from './frameVisibility';
import { geometryPath } from './geometryPath';
import { labelPlate, overlaps, type Box } from './mapLabels';
import { svg, r1 } from './svg';

/** Incidents numbered on the map (matching the table's #) up to this many; beyond, too crowded. */
export const NUMBERED_MAX = 60;

/** Zone outlines by status: active solid, planned dashed, withdrawn dotted and faded. */
export const ZONE_STATUS_DASH: Record<string, string | null> = { active: null, planned: '6 4', withdrawn: '1.5 3' };

/** Marker radius in print pixels: grows with casualties, as on screen (renderer/map/incidentStyle.ts). */
export function markerRadius(incident: Pick<ReportIncident, 'fatalities' | 'injured'>): number {
  const toll = incident.fatalities + incident.injured / 3;
  return 0.85 * (6 + Math.min(7, Math.log2(1 + toll) * 1.6));
}

export function drawAreaOutline(outline: Geometry | null, projection: MapProjection): SVGElement | null {
  if (!outline) return null;
  const d = geometryPath(outline, projection);
  return d ? svg('path', { d, fill: 'none', stroke: '#1f1f1f', 'stroke-width': 1.6, 'stroke-dasharray': '5 3', 'stroke-opacity': 0.85, class: 'flr-area-outline' }) : null;
}

/** A zone's symbol: milsymbol draws it as DOM (no markup is parsed); null for a bad code. */
function zoneSymbol(sidc: string): SVGElement | null {
  if (!sidc) return null;
  const symbol = new ms.Symbol(sidc, { size: 16, simpleStatusModifier: true });
  if (!symbol.isValid()) return null;
  return symbol.asDOM() as SVGElement;
}

/** Zones with their symbols and names; `shown` are those that show inside the frame (for the legend). */
export function drawZones(zones: readonly ReportZone[], projection: MapProjection, placed: Box[], covered: readonly Box[] = []): { node: SVGGElement; shown: ReportZone[] } {
  const shapes = svg('g', { class: 'flr-zones' });
  const labels = svg('g', { class: 'flr-zone-labels' });
  const shown: ReportZone[] = [];
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
    const [x, y0] = projection.project(zone.labelAt[0], zone.labelAt[1]);
    if (x < 0 || y0 < 0 || x > projection.width || y0 > projection.height) continue;
    const symbol = zoneSymbol(zone.sidc);
    const symbolW = symbol ? Number(symbol.getAttribute('width')) || 30 : 0;
    const symbolH = symbol ? Number(symbol.getAttribute('height')) || 24 : 0;
    const nameW = zone.name.length * 8.5 * 0.6 + 4;
    // Symbol and name as one block, moved off incident markers where there is room.
    const blockAt = (y: number) => {
      const nameY = symbol ? y + symbolH / 2 + 7 : y;
      const symbolBox = { x0: x - symbolW / 2, y0: y - symbolH / 2, x1: x + symbolW / 2, y1: y + symbolH / 2 };
      const nameBox = { x0: x - nameW / 2, y0: nameY - 6, x1: x + nameW / 2, y1: nameY + 6 };
      return { nameY, boxes: symbol ? [symbolBox, nameBox] : [nameBox] };
    };
    const shift = symbolH + 14;
    const block = [0, shift, -shift, 2 * shift].map((dy) => blockAt(y0 + dy)).find((b) => !b.boxes.some((box) => placed.some((p) => overlaps(box, p)))) ?? blockAt(y0);
    placed.push(...block.boxes);
    if (symbol) {
      const box = block.boxes[0]!;
      labels.appendChild(svg('g', { transform: `translate(${r1(box.x0)} ${r1(box.y0)})`, class: 'flr-zone-symbol' }, symbol));
    }
    labels.appendChild(labelPlate(block.boxes.at(-1)!, 0.75));
    labels.appendChild(svg('text', { x: r1(x), y: r1(block.nameY), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 8.5, 'font-weight': 700, fill: style.stroke, class: 'flr-label flr-zone-name', text: zone.name }));
  }
  return { node: svg('g', {}, shapes, labels), shown };
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
  const numbers = svg('g', { class: 'flr-incident-numbers' });
  // Biggest first, so small markers stay visible on top of big ones.
  const order = [...incidents].sort((a, b) => markerRadius(b) - markerRadius(a));
  const numbered = incidents.length <= NUMBERED_MAX;
  for (const incident of order) {
    const [x, y] = projection.project(incident.lon, incident.lat);
    const r = markerRadius(incident);
    markers.appendChild(svg('circle', { cx: r1(x), cy: r1(y), r: r1(r), fill: EVENT_TYPE_STYLE[incident.event_type].color, 'fill-opacity': 0.9, stroke: '#ffffff', 'stroke-width': 1.2, 'data-incident': incident.n }));
  }
  if (numbered) {
    // Incidents at the same spot (a town named as the place) share one label: "1, 2, 5".
    const spots = new Map<string, { x: number; y: number; r: number; numbers: number[] }>();
    for (const incident of incidents) {
      const [x, y] = projection.project(incident.lon, incident.lat);
      const key = `${Math.round(x / 3)},${Math.round(y / 3)}`;
      const spot = spots.get(key) ?? { x, y, r: 0, numbers: [] };
      spot.r = Math.max(spot.r, markerRadius(incident));
      spot.numbers.push(incident.n);
      spots.set(key, spot);
    }
    // Each label goes beside its marker where there is room: right, left, above, below.
    for (const { x, y, r, numbers: list } of spots.values()) {
      const text = list.join(', ');
      const w = text.length * 5 + 2;
      const candidates: Box[] = [
        { x0: x + r + 1, y0: y - 5, x1: x + r + 1 + w, y1: y + 5 },
        { x0: x - r - 1 - w, y0: y - 5, x1: x - r - 1, y1: y + 5 },
        { x0: x - w / 2, y0: y - r - 11, x1: x + w / 2, y1: y - r - 1 },
        { x0: x - w / 2, y0: y + r + 1, x1: x + w / 2, y1: y + r + 11 },
      ];
      const spot = candidates.find((c) => c.x0 > 0 && c.y0 > 0 && c.x1 < projection.width && c.y1 < projection.height && !placed.some((p) => overlaps(c, p)));
      if (!spot) continue;
      placed.push(spot);
      numbers.appendChild(labelPlate(spot, 0.75));
      numbers.appendChild(svg('text', { x: r1((spot.x0 + spot.x1) / 2), y: r1((spot.y0 + spot.y1) / 2), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 8, 'font-weight': 700, fill: '#111', class: 'flr-label flr-incident-number', text }));
    }
  }
  const shown = incidents.filter((i) => {
    const [x, y] = projection.project(i.lon, i.lat);
    return x >= 0 && y >= 0 && x <= projection.width && y <= projection.height && !covered.some((b) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1);
  });
  return { node: svg('g', {}, markers, numbers), shown };
}
