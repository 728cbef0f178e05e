import type { Feature } from 'geojson';
import { labelPoint } from '../../shared/geo/labelPoint';
import type { MapProjection } from '../../shared/reports/mapProjection';
import type { BasemapFiles } from '../map/basemapData';
import { svg, r1 } from './svg';
import { textWidth } from './textWidth';
import { municipalityName, townNames } from '../../shared/places/mapNames';

/** A rectangle in map pixels that labels must not cover (the map's furniture, other labels). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface LabelCandidate {
  text: string;
  lon: number;
  lat: number;
  kind: 'country' | 'entity' | 'municipality' | 'town';
  /** Lower is placed first and wins collisions. */
  priority: number;
  dot: boolean;
}

const FONT: Record<LabelCandidate['kind'], { size: number; weight: number; fill: string; spacing?: number; italic?: boolean }> = {
  country: { size: 11, weight: 700, fill: '#5a5a5a', spacing: 1.2 },
  entity: { size: 9.5, weight: 600, fill: '#6a4b4b', italic: true },
  municipality: { size: 8, weight: 500, fill: '#555555' },
  town: { size: 8, weight: 500, fill: '#222222' },
};

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/**
 * A pale plate under a label, so it reads over lines and fills. (A stroked halo would draw the
 * text twice, and the PDF would then hold every name twice for search and copy.)
 */
export function labelPlate(box: Box, opacity = 0.65): SVGRectElement {
  return svg('rect', { x: r1(box.x0), y: r1(box.y0), width: r1(box.x1 - box.x0), height: r1(box.y1 - box.y0), rx: 1.5, fill: '#ffffff', 'fill-opacity': opacity, class: 'flr-label-plate' });
}

function prop(feature: Feature, key: string): string {
  const value = (feature.properties as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : '';
}

/**
 * Which names to print, chosen by the map's scale the way the workbench chooses them by zoom
 * (renderer/map/basemapLayers.ts), a little more generously since paper is sharper than screen.
 */
function candidates(files: BasemapFiles, zoom: number): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const areas = (features: Feature[], kind: LabelCandidate['kind'], priority: number, text: (f: Feature) => string) => {
    for (const f of features) {
      const label = text(f);
      if (!label || !f.geometry) continue;
      const [lon, lat] = labelPoint(f.geometry);
      out.push({ text: label, lon, lat, kind, priority, dot: false });
    }
  };
  if (zoom <= 8.5) areas(files.countries.features, 'country', 0, (f) => prop(f, 'name'));
  if (zoom >= 6.5 && zoom <= 10.5) areas(files.entities.features, 'entity', 1, (f) => prop(f, 'name'));
  if (zoom >= 8.5) {
    areas(files.admin.features.filter((f) => prop(f, 'iso3') === 'XKX'), 'municipality', 3, (f) => municipalityName(prop(f, 'name'), prop(f, 'name_sq')));
  }
  const townName = townNames(files.admin);
  for (const p of files.places) {
    const minZoom = p.rank === 1 ? 5.5 : p.rank === 2 ? 7.5 : 9.5;
    if (zoom >= minZoom) out.push({ text: townName(p), lon: p.lon, lat: p.lat, kind: 'town', priority: 1 + p.rank, dot: true });
  }
  return out.sort((a, b) => a.priority - b.priority);
}

/** Names of countries, entities, municipalities and towns, placed without collisions. */
export function drawLabels(files: BasemapFiles, projection: MapProjection, reserved: Box[], max = 160): SVGGElement {
  const layer = svg('g', { class: 'flr-labels' });
  const placed: Box[] = [...reserved];
  let count = 0;
  for (const c of candidates(files, projection.zoom)) {
    if (count >= max) break;
    const [x, y] = projection.project(c.lon, c.lat);
    const font = FONT[c.kind];
    const shown = c.kind === 'country' ? c.text.toUpperCase() : c.text;
    const width = textWidth(shown, font.size, font.weight, font.spacing ?? 0, font.italic) + 2;
    const height = font.size * 1.2;
    const box: Box = c.dot ? { x0: x - 3, y0: y - height / 2, x1: x + 5 + width, y1: y + height / 2 } : { x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 };
    if (box.x0 < 2 || box.y0 < 2 || box.x1 > projection.width - 2 || box.y1 > projection.height - 2) continue;
    if (placed.some((p) => overlaps(box, p))) continue;
    placed.push(box);
    count += 1;
    if (c.kind !== 'country') layer.appendChild(labelPlate(c.dot ? { ...box, x0: box.x0 + 6 } : box));
    if (c.dot) layer.appendChild(svg('circle', { cx: r1(x), cy: r1(y), r: 1.8, fill: '#333', stroke: '#fff', 'stroke-width': 0.8 }));
    layer.appendChild(
      svg('text', {
        x: r1(c.dot ? x + 4 : x),
        y: r1(y),
        'text-anchor': c.dot ? 'start' : 'middle',
        'dominant-baseline': 'central',
        'font-size': font.size,
        'font-weight': font.weight,
        'font-style': font.italic ? 'italic' : null,
        'letter-spacing': font.spacing ?? null,
        fill: font.fill,
        class: `flr-label flr-label-${c.kind}`,
        text: shown,
      }),
    );
  }
  layer.dataset.count = String(count);
  return layer;
}
