import L from 'leaflet';
import './geoman';

/** The area the offline basemap covers: the Western Balkans and their neighbours. */
export const BASEMAP_BOUNDS = L.latLngBounds([39.5, 13.0], [47.0, 24.0]);
/** The default view: Bosnia and Herzegovina to Kosovo. */
export const DEFAULT_VIEW = L.latLngBounds([41.9, 15.7], [45.3, 22.2]);

export function createMap(container: HTMLElement, attribution: string): L.Map {
  const map = L.map(container, {
    preferCanvas: true,
    minZoom: 6,
    maxZoom: 16,
    maxBounds: BASEMAP_BOUNDS.pad(0.2),
    maxBoundsViscosity: 0.8,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    wheelPxPerZoomLevel: 90,
    attributionControl: false,
    boxZoom: true,
    keyboard: true,
    // The map takes part in Geoman (drawing tools); its layers opt in one by one.
    pmIgnore: false,
  });
  // Attribution text is our own constant (never file content); no link, no network.
  L.control.attribution({ prefix: 'Leaflet', position: 'bottomright' }).addAttribution(escapeText(attribution)).addTo(map);
  L.control.scale({ metric: true, imperial: false, position: 'bottomright', maxWidth: 160 }).addTo(map);
  map.fitBounds(DEFAULT_VIEW);
  return map;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
