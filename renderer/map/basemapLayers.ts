import L from 'leaflet';
import type { BasemapFeature, BasemapFiles, PlaceRecord } from './basemapData';
import { labelPoint } from '../../shared/geo/labelPoint';
import { LabelLayer, LabelSpace, type LabelItem } from './labelLayer';
import { municipalityName, townNames } from '../../shared/places/mapNames';

/** The six countries the workbench is about draw a little stronger than their neighbours. */
const FOCUS = new Set(['XKX', 'SRB', 'BIH', 'MNE', 'MKD', 'ALB', 'HRV']);

const ENTITY_FILL: Record<string, string> = {
  FBiH: '#9fc5a8',
  RS: '#e3a7a0',
  BD: '#b7a6d9',
};

/**
 * The basemap's panes, bottom to top. The key boundary lines (international borders, the
 * Kosovo–Serbia boundary, the IEBL) lie above the zones' fills (`fl-zones`, 410) and the
 * reference overlays (410), so a zone that follows the boundary never hides it, and below the
 * zone symbols (415), the incidents (420) and the names. Their pane lets every click through:
 * the zones underneath stay selectable, and Geoman snaps to its own invisible copies.
 */
export const BASEMAP_PANES = [
  { name: 'fl-land', z: 210, clickThrough: false },
  { name: 'fl-areas', z: 220, clickThrough: false },
  { name: 'fl-lines', z: 230, clickThrough: false },
  { name: 'fl-boundaries', z: 412, clickThrough: true },
  { name: 'fl-labels', z: 450, clickThrough: true },
] as const;

const LABEL_PRIORITY = {
  town: { 1: 0, 2: 2, 3: 5 },
  country: 1,
  entity: 3,
  municipality: 4,
} as const;

export interface BasemapLayers {
  overlays: Record<string, L.Layer>;
  /** Layers on by default, in drawing order. */
  defaults: L.Layer[];
  featureCount: number;
  /** The collision space of the map's names (zones' labels join it as obstacles). */
  names: LabelSpace;
  /** The name the map writes for a place ("Leposavić / Leposaviq", see shared/places/mapNames.ts). */
  townName: (place: PlaceRecord) => string;
}

function prop(feature: BasemapFeature, key: string): string {
  const value = feature.properties?.[key];
  return typeof value === 'string' ? value : '';
}

/** A point inside the area to hang its name on (see shared/geo/labelPoint.ts); none for a line. */
function areaLabelPoint(feature: BasemapFeature): [number, number] | null {
  const g = feature.geometry;
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? labelPoint(g) : null;
}

function areaLabels(features: BasemapFeature[], kind: string, minZoom: number, maxZoom: number, priority: number, text: (f: BasemapFeature) => string): LabelItem[] {
  const items: LabelItem[] = [];
  for (const feature of features) {
    const at = areaLabelPoint(feature);
    const label = text(feature);
    if (at && label) items.push({ text: label, lon: at[0], lat: at[1], kind, minZoom, maxZoom, priority });
  }
  return items;
}

/** Builds the basemap layers from the generated files: areas and lines on canvas, names as labels. */
export function createBasemapLayers(files: BasemapFiles, map: L.Map): BasemapLayers {
  for (const { name, z, clickThrough } of BASEMAP_PANES) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(z);
    if (clickThrough) pane.style.pointerEvents = 'none';
  }
  const land = L.canvas({ pane: 'fl-land', padding: 0.3 });
  const areas = L.canvas({ pane: 'fl-areas', padding: 0.3 });
  const lines = L.canvas({ pane: 'fl-lines', padding: 0.3 });
  const boundaries = L.canvas({ pane: 'fl-boundaries', padding: 0.3 });

  const countries = L.geoJSON(files.countries, {
    renderer: land,
    interactive: false,
    style: (f) => ({
      stroke: false,
      fillColor: FOCUS.has(prop(f as BasemapFeature, 'iso3')) ? '#f4f1e8' : '#e9e6dc',
      fillOpacity: 1,
    }),
  } as L.GeoJSONOptions);

  const entities = L.geoJSON(files.entities, {
    renderer: areas,
    interactive: false,
    style: (f) => ({
      color: '#7a6f64',
      weight: 0,
      fillColor: ENTITY_FILL[prop(f as BasemapFeature, 'id')] ?? '#cccccc',
      fillOpacity: 0.45,
    }),
  } as L.GeoJSONOptions);

  const adminFeatures = files.admin.features as BasemapFeature[];
  const byLevel = (iso3: string) => ({
    type: 'FeatureCollection' as const,
    features: adminFeatures.filter((f) => prop(f, 'iso3') === iso3),
  });
  const kosovoMunicipalities = L.geoJSON(byLevel('XKX'), {
    renderer: lines,
    interactive: false,
    style: { color: '#6b6b6b', weight: 0.8, opacity: 0.8, fill: false },
  } as L.GeoJSONOptions);
  const bihCantons = L.geoJSON(byLevel('BIH'), {
    renderer: lines,
    interactive: false,
    style: { color: '#7d7d7d', weight: 0.6, opacity: 0.6, dashArray: '2 3', fill: false },
  } as L.GeoJSONOptions);
  const serbianDistricts = L.geoJSON(byLevel('SRB'), {
    renderer: lines,
    interactive: false,
    style: { color: '#8a8a8a', weight: 0.6, opacity: 0.6, dashArray: '2 3', fill: false },
  } as L.GeoJSONOptions);

  const borders = L.geoJSON(files.borders, {
    renderer: boundaries,
    interactive: false,
    style: (f) => {
      const pair = `${prop(f as BasemapFeature, 'a')}-${prop(f as BasemapFeature, 'b')}`;
      // The Kosovo–Serbia boundary is the line the workbench exists for: draw it strongest.
      return pair === 'SRB-XKX'
        ? { color: '#8c1c13', weight: 2.6, opacity: 0.95 }
        : { color: '#4a4a4a', weight: 1.6, opacity: 0.9 };
    },
  } as L.GeoJSONOptions);

  const iebl = L.geoJSON(files.iebl, {
    renderer: boundaries,
    interactive: false,
    style: { color: '#5b2a86', weight: 2, opacity: 0.9, dashArray: '8 5' },
  } as L.GeoJSONOptions);

  // Who wins where names collide (lower first): capitals, countries, towns, entities,
  // municipalities, then villages. An area's name steps aside for a town's (labelPlacement).
  const countryLabels = areaLabels(files.countries.features as BasemapFeature[], 'country', 5, 8, LABEL_PRIORITY.country, (f) => prop(f, 'name'));
  const entityLabels = areaLabels(files.entities.features as BasemapFeature[], 'entity', 7, 10, LABEL_PRIORITY.entity, (f) => prop(f, 'name'));
  const municipalityLabels = areaLabels(byLevel('XKX').features, 'municipality', 9, 18, LABEL_PRIORITY.municipality, (f) => municipalityName(prop(f, 'name'), prop(f, 'name_sq')));
  const townName = townNames(files.admin);
  const townLabels: LabelItem[] = files.places.map((p) => ({
    text: townName(p),
    lon: p.lon,
    lat: p.lat,
    kind: 'town',
    dot: true,
    priority: LABEL_PRIORITY.town[p.rank],
    minZoom: p.rank === 1 ? 6 : p.rank === 2 ? 8 : 10,
  }));
  const names = new LabelSpace();
  const areaNames = new LabelLayer([...countryLabels, ...entityLabels, ...municipalityLabels], 'fl-labels', names);
  const towns = new LabelLayer(townLabels, 'fl-labels', names);

  const overlays: Record<string, L.Layer> = {
    'Countries (OSM, ~10 m)': L.layerGroup([countries, borders]),
    'BiH entities': entities,
    'Inter-Entity Boundary Line': iebl,
    'Kosovo municipalities': kosovoMunicipalities,
    'BiH cantons and regions': bihCantons,
    'Serbian districts': serbianDistricts,
    'Area names': areaNames,
    Towns: towns,
  };
  const featureCount =
    files.countries.features.length +
    files.borders.features.length +
    files.entities.features.length +
    files.iebl.features.length +
    files.admin.features.length;
  return {
    overlays,
    defaults: [overlays['Countries (OSM, ~10 m)']!, entities, iebl, kosovoMunicipalities, bihCantons, serbianDistricts, areaNames, towns],
    featureCount,
    names,
    townName,
  };
}
