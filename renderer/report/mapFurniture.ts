import { fitMercator, scaleBar, type MapProjection } from '../../shared/reports/mapProjection';
import type { BasemapFiles } from '../map/basemapData';
import { geometryPath } from './geometryPath';
import type { Box } from './mapLabels';
import { visibleFeatures } from './mapBasemap';
import { svg, r1 } from './svg';

/**
 * What every map needs besides its content: scale bar, north arrow, the period it shows, the
 * data attribution, and a locator inset of the Western Balkans with the map's extent marked.
 * Each returns the box it occupies, so labels keep clear of it.
 */

const PANEL = { fill: '#ffffff', 'fill-opacity': 0.88, stroke: '#8a8a8a', 'stroke-width': 0.6 };

/** The region the inset shows. */
export const INSET_BBOX: [number, number, number, number] = [13.2, 39.6, 23.8, 46.9];

export function drawScaleBar(projection: MapProjection): { node: SVGGElement; box: Box } {
  const [, s, , n] = projection.bbox;
  const bar = scaleBar(projection.metresPerPixel((s + n) / 2), Math.min(140, projection.width / 4));
  const x = 12;
  const y = projection.height - 16;
  const half = bar.pixels / 2;
  const node = svg(
    'g',
    { class: 'flr-scalebar' },
    svg('rect', { x: x - 6, y: y - 16, width: r1(bar.pixels + 12 + 34), height: 26, rx: 2, ...PANEL }),
    svg('rect', { x, y, width: r1(half), height: 4, fill: '#222' }),
    svg('rect', { x: r1(x + half), y, width: r1(half), height: 4, fill: '#fff', stroke: '#222', 'stroke-width': 0.6 }),
    svg('text', { x, y: y - 4, 'font-size': 7.5, fill: '#222', text: '0' }),
    svg('text', { x: r1(x + bar.pixels), y: y - 4, 'font-size': 7.5, fill: '#222', 'text-anchor': 'middle', text: bar.label }),
    svg('text', { x: r1(x + bar.pixels + 8), y: y + 4, 'font-size': 6.5, fill: '#555', text: 'Mercator' }),
  );
  return { node, box: { x0: x - 6, y0: y - 16, x1: x + bar.pixels + 40, y1: y + 10 } };
}

export function drawNorthArrow(projection: MapProjection): { node: SVGGElement; box: Box } {
  const cx = projection.width - 22;
  const cy = 26;
  const node = svg(
    'g',
    { class: 'flr-north', 'aria-label': 'North' },
    svg('circle', { cx, cy, r: 15, ...PANEL }),
    svg('path', { d: `M${cx} ${cy - 11}L${cx + 5} ${cy + 6}L${cx} ${cy + 2}L${cx - 5} ${cy + 6}Z`, fill: '#222' }),
    svg('text', { x: cx, y: cy + 13, 'font-size': 7, 'font-weight': 700, 'text-anchor': 'middle', fill: '#222', text: 'N' }),
  );
  return { node, box: { x0: cx - 16, y0: cy - 16, x1: cx + 16, y1: cy + 16 } };
}

export function drawPeriod(text: string): { node: SVGGElement; box: Box } {
  const width = text.length * 8.5 * 0.56 + 14;
  const node = svg('g', { class: 'flr-period' }, svg('rect', { x: 8, y: 8, width: r1(width), height: 18, rx: 2, ...PANEL }), svg('text', { x: 15, y: 17, 'dominant-baseline': 'central', 'font-size': 8.5, 'font-weight': 700, fill: '#222', text }));
  return { node, box: { x0: 8, y0: 8, x1: 8 + width, y1: 26 } };
}

export function drawAttribution(projection: MapProjection, text: string): { node: SVGGElement; box: Box } {
  const width = text.length * 6 * 0.52 + 10;
  const x1 = projection.width;
  const y1 = projection.height;
  const node = svg('g', { class: 'flr-attribution' }, svg('rect', { x: r1(x1 - width), y: y1 - 11, width: r1(width), height: 11, fill: '#ffffff', 'fill-opacity': 0.8 }), svg('text', { x: x1 - 5, y: y1 - 3, 'font-size': 6, 'text-anchor': 'end', fill: '#333', text }));
  return { node, box: { x0: x1 - width, y0: y1 - 11, x1, y1 } };
}

/** A small map of the whole region with the printed map's extent drawn on it. */
export function drawInset(files: BasemapFiles, projection: MapProjection, width: number, height: number, at: { x0: number; y0: number }): { node: SVGGElement; box: Box } {
  const inset = fitMercator(INSET_BBOX, width, height, 2);
  const { x0, y0 } = at;
  const land = svg('g', {});
  for (const f of visibleFeatures(files.countries, inset.bbox)) {
    const d = geometryPath(f.geometry, inset, 0.9);
    if (d) land.appendChild(svg('path', { d, fill: '#e4e0d4', stroke: '#9a9a9a', 'stroke-width': 0.4 }));
  }
  const [w, s, e, n] = projection.bbox;
  const [ax, ay] = inset.project(w, n);
  const [bx, by] = inset.project(e, s);
  // However small the map's extent, it stays findable on the inset.
  const cx = (ax + bx) / 2;
  const cy = (ay + by) / 2;
  const rw = Math.max(bx - ax, 6);
  const rh = Math.max(by - ay, 6);
  const node = svg(
    'g',
    { class: 'flr-inset', transform: `translate(${r1(x0)} ${r1(y0)})` },
    svg('rect', { x: 0, y: 0, width, height, fill: '#dce8f0', stroke: '#555', 'stroke-width': 0.8 }),
    svg('clipPath', { id: 'flr-inset-clip' }, svg('rect', { x: 0, y: 0, width, height })),
    svg('g', { 'clip-path': 'url(#flr-inset-clip)' }, land, svg('rect', { x: r1(cx - rw / 2), y: r1(cy - rh / 2), width: r1(rw), height: r1(rh), fill: '#c8102e', 'fill-opacity': 0.15, stroke: '#c8102e', 'stroke-width': 1.4 })),
  );
  return { node, box: { x0, y0, x1: x0 + width, y1: y0 + height } };
}
