import { fitMercator } from '../../shared/reports/mapProjection';
import { PX_PER_MM } from '../../shared/reports/pageGeometry';
import type { ReportData } from '../../shared/reports/reportData';
import type { BasemapFiles } from '../map/basemapData';
import { el } from '../ui/dom';
import { formatPeriod } from './format';
import { showsInFrame } from './frameVisibility';
import { drawBasemap } from './mapBasemap';
import { insetCorner } from './insetPlacement';
import { drawAttribution, drawInset, drawNorthArrow, drawPeriod, drawScaleBar } from './mapFurniture';
import { drawLabels, type Box } from './mapLabels';
import { mapLegend } from './mapLegend';
import { drawAreaOutline, drawIncidents, drawZones, markerBoxes } from './mapOverlays';
import { svg } from './svg';

/**
 * The annotated map of a report as one vector SVG (it stays sharp at any zoom in a PDF
 * reader): basemap, area outline, names, zones with their symbols, incidents styled as on
 * screen, then scale bar, north arrow, period, attribution and the locator inset; its legend
 * follows as HTML. The SVG is sized in millimetres of paper, so screen preview and print agree.
 */
export function reportMap(data: ReportData, files: BasemapFiles, sizeMm: { width: number; height: number }): { element: HTMLElement; features: number } {
  const width = Math.round(sizeMm.width * PX_PER_MM);
  const height = Math.round(sizeMm.height * PX_PER_MM);
  const projection = fitMercator(data.map.bbox, width, height, 4);

  // The inset's corner is chosen first: what lies under it does not show, nor go in the legend.
  const insetW = Math.round(Math.min(width * 0.22, 160));
  const insetH = Math.round(insetW * 0.85);
  const points = [...data.incidents.map((i) => projection.project(i.lon, i.lat)), ...data.zones.map((z) => projection.project(z.labelAt[0], z.labelAt[1]))];
  const insetAt = data.options.inset ? insetCorner(projection, insetW, insetH, points, data.zones.map((z) => z.geometry)) : null;
  const covered: Box[] = insetAt ? [{ x0: insetAt.x0, y0: insetAt.y0, x1: insetAt.x0 + insetW, y1: insetAt.y0 + insetH }] : [];

  const basemap = drawBasemap(files, projection, covered);
  const period = drawPeriod(formatPeriod(data.coverage.from, data.coverage.to));
  const north = drawNorthArrow(projection);
  const scale = drawScaleBar(projection);
  const attribution = drawAttribution(projection, data.attribution);
  const inset = insetAt ? drawInset(files, projection, insetW, insetH, insetAt) : null;
  const reserved: Box[] = [period.box, north.box, scale.box, attribution.box, ...(inset ? [inset.box] : [])];

  // Incidents and zones claim their space before names do, so names give way to them.
  const markers = new Set(data.incidents.length <= 2000 ? markerBoxes(data.incidents, projection) : []);
  const placed: Box[] = [...reserved, ...markers];
  const zones = drawZones(data.zones, projection, placed, covered);
  const incidents = drawIncidents(data.incidents, projection, placed, covered);
  // Among a few incidents, place names keep clear of the markers; among hundreds they would
  // all vanish, so they go underneath instead.
  const labels = drawLabels(files, projection, data.incidents.length <= 150 ? placed : placed.filter((b) => !markers.has(b)));

  const map = svg(
    'svg',
    {
      class: 'flr-map-svg',
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width: `${sizeMm.width}mm`,
      height: `${sizeMm.height}mm`,
      role: 'img',
      'aria-label': 'Map of the reported incidents and zones',
      'data-features': basemap.features,
      'data-incidents': data.incidents.length,
    },
    svg('defs', {}, svg('clipPath', { id: 'flr-map-clip' }, svg('rect', { x: 0, y: 0, width, height }))),
    svg(
      'g',
      { 'clip-path': 'url(#flr-map-clip)' },
      svg('rect', { x: 0, y: 0, width, height, fill: '#dce8f0' }),
      basemap.layer,
      drawAreaOutline(data.map.areaOutline, projection),
      labels,
      zones.node,
      incidents.node,
    ),
    period.node,
    north.node,
    scale.node,
    inset?.node,
    attribution.node,
    svg('rect', { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: 'none', stroke: '#555', 'stroke-width': 1 }),
  );
  const legend = mapLegend(data, {
    layers: basemap.layers,
    zones: zones.shown,
    symbols: zones.symbols,
    incidents: incidents.shown,
    areaOutline: data.map.areaOutline !== null && showsInFrame(data.map.areaOutline, projection, { filled: false, covered }),
  });
  const element = el('figure', { class: 'flr-map' }, el('div', { class: 'flr-map-frame' }, map), legend);
  return { element, features: basemap.features };
}
