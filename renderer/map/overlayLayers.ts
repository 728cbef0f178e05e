import L from 'leaflet';
import type { Feature } from 'geojson';
import type { FaultlineApi } from '../../shared/api/contract';
import type { Overlay } from '../../shared/domain/foreign';
import { el } from '../ui/dom';
import { errorMessage, toast } from '../ui/toast';

/**
 * Reference overlays of the open case on the map: each a GeoJSON layer in its colour, listed
 * in the layers control (switching it on or off is remembered in the case), with a popup that
 * shows a feature's attributes as text. Not editable: they are reference data.
 */
export class OverlayLayers {
  private readonly _layers = new Map<string, { overlay: Overlay; layer: L.GeoJSON }>();
  private readonly _byLayer = new Map<L.Layer, string>();
  private readonly _renderer: L.Canvas;

  constructor(
    private readonly _map: L.Map,
    private readonly _control: L.Control.Layers,
    private readonly _api: FaultlineApi,
  ) {
    // Their own pane, above the basemap and below the incidents.
    _map.createPane('fl-overlays').style.zIndex = '410';
    this._renderer = L.canvas({ pane: 'fl-overlays', padding: 0.3 });
    const toggled = (visible: boolean) => (e: L.LayersControlEvent) => {
      const id = this._byLayer.get(e.layer);
      if (id) void this._api.overlays.setVisible({ id, visible }).catch((err) => toast(errorMessage(err), { kind: 'error' }));
    };
    _map.on('overlayadd', toggled(true));
    _map.on('overlayremove', toggled(false));
  }

  /** Reads the overlays of the open case again (after opening a case or importing data). */
  async reload(): Promise<void> {
    for (const { layer } of this._layers.values()) {
      this._control.removeLayer(layer);
      layer.remove();
    }
    this._layers.clear();
    this._byLayer.clear();
    let overlays: Overlay[];
    try {
      overlays = await this._api.overlays.list({});
    } catch {
      return;
    }
    for (const overlay of overlays) {
      const data = await this._api.overlays.features({ id: overlay.id });
      const layer = L.geoJSON(data.features as Feature[], {
        style: { color: overlay.color, weight: 2, opacity: 0.9, fillColor: overlay.color, fillOpacity: 0.08, renderer: this._renderer } as L.PathOptions,
        pointToLayer: (_f, at) => L.circleMarker(at, { radius: 4, color: overlay.color, weight: 2, fillOpacity: 0.6, renderer: this._renderer }),
        onEachFeature: (feature, l) => l.bindPopup(() => attributes(overlay, feature), { maxWidth: 320 }),
      });
      this._layers.set(overlay.id, { overlay, layer });
      this._byLayer.set(layer, overlay.id);
      // Leaflet's layers control sets its labels with innerHTML: a name from a file is escaped.
      this._control.addOverlay(layer, escapeHtml(`${overlay.name} (reference)`));
      if (overlay.visible) layer.addTo(this._map);
    }
  }
}

/** Text made safe for the one place Leaflet wants HTML (a layers control label). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A feature's attributes, built from DOM nodes: text from the file never becomes HTML. */
function attributes(overlay: Overlay, feature: Feature): HTMLElement {
  const props = Object.entries(feature.properties ?? {}).slice(0, 30);
  return el(
    'div',
    { class: 'fl-popup' },
    el('div', { class: 'fl-popup-type', text: `${overlay.name} · from ${overlay.sourceFile}` }),
    el('table', { class: 'fl-popup-table' }, props.map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: v === null ? '' : String(v).slice(0, 500) })))),
  );
}
