import { bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';
import type { BasemapFiles } from '../map/basemapData';
import { showsInFrame, type Rect } from './frameVisibility';
import { bboxesMeet, geometryBBox, geometryPath } from './geometryPath';
import { svg } from './svg';

/**
 * The basemap of the printed map as SVG paths, styled like the workbench's canvas layers
 * (renderer/map/basemapLayers.ts): land, BiH entities, admin lines, borders with the
 * Kosovo–Serbia boundary strongest, the IEBL. Features outside the map are left out and those
 * crossing its edge are clipped, so the PDF carries only what is seen.
 */

export const BASEMAP_STYLE = {
  sea: '#dce8f0',
  focusLand: '#f4f1e8',
  otherLand: '#e6e3d8',
  entityFill: { FBiH: '#9fc5a8', RS: '#e3a7a0', BD: '#b7a6d9' } as Record<string, string>,
  kosovoMunicipality: { stroke: '#6b6b6b', width: 0.7 },
  adminDashed: { stroke: '#8a8a8a', width: 0.5, dash: '2 2.5' },
  border: { stroke: '#4a4a4a', width: 1.4 },
  kosovoSerbia: { stroke: '#8c1c13', width: 2.4 },
  iebl: { stroke: '#5b2a86', width: 1.8, dash: '7 4' },
};

const FOCUS = new Set(['XKX', 'SRB', 'BIH', 'MNE', 'MKD', 'ALB', 'HRV']);

function prop(feature: Feature, key: string): string {
  const value = (feature.properties as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : '';
}

/** The features of a collection that show in `view`, clipped to it. */
export function visibleFeatures(collection: FeatureCollection, view: readonly number[]): Feature[] {
  const out: Feature[] = [];
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const box = geometryBBox(feature.geometry);
    if (!bboxesMeet(box, view)) continue;
    const inside = box[0] >= view[0]! && box[1] >= view[1]! && box[2] <= view[2]! && box[3] <= view[3]!;
    out.push(inside ? feature : (bboxClip(feature as Feature<Polygon | MultiPolygon | LineString | MultiLineString>, view as [number, number, number, number]) as Feature));
  }
  return out;
}

function pathOf(geometry: Geometry, projection: MapProjection, attrs: Record<string, string | number>, tolerance?: number): SVGPathElement | null {
  const d = geometryPath(geometry, projection, tolerance);
  return d ? svg('path', { d, ...attrs }) : null;
}

/**
 * Draws the basemap. `layers` names the layers that show inside the frame (not only in the
 * margin drawn beyond it, nor only under the inset), and `entity:<id>` for each BiH entity that does: what the legend lists.
 */
export function drawBasemap(files: BasemapFiles, projection: MapProjection, covered: readonly Rect[] = []): { layer: SVGGElement; features: number; layers: Set<string> } {
  const [w, s, e, n] = projection.bbox;
  // A margin beyond the frame, so clipped outlines and wide strokes do not end at its edge.
  const view = [w - (e - w) * 0.03, s - (n - s) * 0.03, e + (e - w) * 0.03, n + (n - s) * 0.03];
  const layer = svg('g', { class: 'flr-basemap' });
  let features = 0;
  const layers = new Set<string>();
  const group = (name: string, attrs: Record<string, string | number>, items: Feature[], perFeature?: (f: Feature) => Record<string, string | number>, filled = false) => {
    const g = svg('g', { 'data-layer': name, ...attrs });
    for (const f of items) {
      const path = pathOf(f.geometry, projection, perFeature ? perFeature(f) : {});
      if (!path) continue;
      g.appendChild(path);
      features += 1;
      const key = name === 'entities' ? `entity:${prop(f, 'id')}` : name;
      if (!layers.has(key) && showsInFrame(f.geometry, projection, { filled, covered })) layers.add(name).add(key);
    }
    layer.appendChild(g);
  };

  group('countries', { stroke: 'none' }, visibleFeatures(files.countries, view), (f) => ({ fill: FOCUS.has(prop(f, 'iso3')) ? BASEMAP_STYLE.focusLand : BASEMAP_STYLE.otherLand }), true);
  group('entities', { stroke: 'none', 'fill-opacity': 0.45 }, visibleFeatures(files.entities, view), (f) => ({ fill: BASEMAP_STYLE.entityFill[prop(f, 'id')] ?? '#cccccc' }), true);
  const admin = visibleFeatures(files.admin, view);
  const k = BASEMAP_STYLE.kosovoMunicipality;
  const d = BASEMAP_STYLE.adminDashed;
  group('admin-dashed', { fill: 'none', stroke: d.stroke, 'stroke-width': d.width, 'stroke-dasharray': d.dash, 'stroke-opacity': 0.7 }, admin.filter((f) => prop(f, 'iso3') !== 'XKX'));
  group('kosovo-municipalities', { fill: 'none', stroke: k.stroke, 'stroke-width': k.width, 'stroke-opacity': 0.85 }, admin.filter((f) => prop(f, 'iso3') === 'XKX'));
  const borders = visibleFeatures(files.borders, view);
  const isKosovoSerbia = (f: Feature) => `${prop(f, 'a')}-${prop(f, 'b')}` === 'SRB-XKX';
  const b = BASEMAP_STYLE.border;
  const ks = BASEMAP_STYLE.kosovoSerbia;
  group('borders', { fill: 'none', stroke: b.stroke, 'stroke-width': b.width, 'stroke-linejoin': 'round' }, borders.filter((f) => !isKosovoSerbia(f)));
  group('kosovo-serbia', { fill: 'none', stroke: ks.stroke, 'stroke-width': ks.width, 'stroke-linejoin': 'round' }, borders.filter(isKosovoSerbia));
  const i = BASEMAP_STYLE.iebl;
  group('iebl', { fill: 'none', stroke: i.stroke, 'stroke-width': i.width, 'stroke-dasharray': i.dash }, visibleFeatures(files.iebl, view));
  return { layer, features, layers };
}
