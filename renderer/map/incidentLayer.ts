import L from 'leaflet';
import type { Incident } from '../../shared/domain/incident';
import type { IncidentState } from '../state/incidentState';
import { incidentPopup, type PopupActions } from './incidentPopup';
import { CONFLICT_COLOR, incidentColor, incidentRadius } from './incidentStyle';

export interface IncidentLayerOptions extends PopupActions {
  move(incident: Incident, lon: number, lat: number): void;
  /** Filter applied to what is drawn (time range, event types). */
  visible(incident: Incident): boolean;
}

/**
 * Incidents as circle markers on one canvas (thousands stay fast), coloured by event type and
 * sized by casualties. The selected incident gets a ring and a draggable handle (a single DOM
 * marker) to move it.
 */
export class IncidentLayer {
  readonly group: L.FeatureGroup;
  private readonly _markers = new Map<string, L.CircleMarker>();
  private readonly _ids = new WeakMap<L.Layer, string>();
  private readonly _popup = L.popup({
    maxWidth: 360,
    minWidth: 260,
    // Clear of the tools along the map's left edge, of the tool buttons at the top right, and
    // of the scale and attribution at the bottom.
    autoPanPaddingTopLeft: [60, 12],
    autoPanPaddingBottomRight: [100, 40],
    offset: [0, -4],
  });
  /**
   * The popup grows after it opens (the distances and zones arrive from the Node side), so
   * Leaflet's pan on opening, measured on the smaller popup, can leave its top under the
   * toolbar: each change of size lays it out and pans again.
   */
  private readonly _popupResize = new ResizeObserver(() => {
    if (this._map.hasLayer(this._popup)) this._popup.update();
  });
  private readonly _tooltip = L.tooltip({ direction: 'top', offset: [0, -8] });
  private readonly _renderer: L.Canvas;
  private _selectedId: string | null = null;
  private _popupId: string | null = null;
  private _ring: L.CircleMarker | null = null;
  private _handle: L.Marker | null = null;
  /** Opens the popup when the flight of `focus` lands. */
  private _arrival: (() => void) | null = null;

  constructor(
    private readonly _map: L.Map,
    private readonly _state: IncidentState,
    private readonly _options: IncidentLayerOptions,
  ) {
    const pane = _map.createPane('fl-incidents');
    pane.style.zIndex = '420';
    this._renderer = L.canvas({ pane: 'fl-incidents', padding: 0.3, tolerance: 3 });
    this.group = L.featureGroup();
    this.group.on('click', (e) => this._onMarkerClick(e as L.LeafletMouseEvent));
    this.group.on('mouseover', (e) => this._onMarkerOver(e as L.LeafletMouseEvent));
    this.group.on('mouseout', () => this._map.closeTooltip(this._tooltip));
    _state.onChange((change) => {
      if (change.kind === 'reset') this.redrawAll();
      else if (change.kind === 'upsert') this._upsert(change.incident);
      else this._remove(change.id);
    });
  }

  redrawAll(): void {
    this.group.clearLayers();
    this._markers.clear();
    for (const incident of this._state.all()) this._upsert(incident);
    if (this._selectedId && !this._state.get(this._selectedId)) this.select(null);
  }

  get selectedId(): string | null {
    return this._selectedId;
  }

  select(id: string | null, openPopup = false): void {
    this._selectedId = id;
    this._ring?.remove();
    this._handle?.remove();
    this._ring = null;
    this._handle = null;
    const incident = id ? this._state.get(id) : undefined;
    const marker = id ? this._markers.get(id) : undefined;
    if (!incident || !marker) {
      this._map.closePopup(this._popup);
      return;
    }
    const at = marker.getLatLng();
    this._ring = L.circleMarker(at, {
      renderer: this._renderer,
      radius: incidentRadius(incident) + 5,
      color: '#111',
      weight: 2.5,
      fill: false,
      interactive: false,
    }).addTo(this._map);
    this._handle = L.marker(at, {
      draggable: true,
      keyboard: true,
      title: `Drag to move “${incident.fields.title}”`,
      icon: L.divIcon({ className: 'fl-drag-handle', iconSize: [22, 22], iconAnchor: [11, 11] }),
      zIndexOffset: 1000,
    }).addTo(this._map);
    this._handle.on('click', () => this._openPopup(this._state.get(incident.id) ?? incident, at));
    this._handle.on('dragend', () => {
      const to = this._handle!.getLatLng();
      this._options.move(incident, round6(to.lng), round6(to.lat));
    });
    // An open popup follows its incident: after an edit it shows the new values.
    const popupOpen = this._map.hasLayer(this._popup) && this._popupId === incident.id;
    if (openPopup || popupOpen) this._openPopup(incident, at);
  }

  /**
   * Flies to an incident and opens its popup. The popup opens above the marker, so the flight
   * ends with the marker below the centre, leaving the popup room under the top of the map.
   */
  focus(incident: Incident): void {
    const map = this._map;
    const zoom = Math.max(map.getZoom(), 11);
    const room = Math.min(map.getSize().y * 0.25, 220);
    const centre = map.unproject(map.project([incident.fields.lat, incident.fields.lon], zoom).subtract([0, room]), zoom);
    if (this._arrival) map.off('moveend', this._arrival);
    const arrival = () => {
      // Another move can end first (a window resize settles after a delay): wait for the flight.
      if (map.getZoom() !== zoom || map.latLngToContainerPoint(centre).distanceTo(map.getSize().divideBy(2)) > 2) return;
      map.off('moveend', arrival);
      this._arrival = null;
      this.select(incident.id, true);
    };
    this._arrival = arrival;
    map.on('moveend', arrival);
    map.flyTo(centre, zoom, { duration: 0.6 });
  }

  /** Screen position of an incident's marker (used by tests and the keyboard). */
  markerPoint(id: string): L.Point | null {
    const marker = this._markers.get(id);
    return marker ? this._map.latLngToContainerPoint(marker.getLatLng()) : null;
  }

  private _upsert(incident: Incident): void {
    this._remove(incident.id, false);
    if (!this._options.visible(incident)) return;
    const conflicted = this._options.conflicted?.(incident) ?? false;
    const marker = L.circleMarker([incident.fields.lat, incident.fields.lon], {
      renderer: this._renderer,
      radius: incidentRadius(incident) + (conflicted ? 2 : 0),
      color: conflicted ? CONFLICT_COLOR : '#ffffff',
      weight: conflicted ? 3 : 1.5,
      dashArray: conflicted ? '4 3' : undefined,
      fillColor: incidentColor(incident.fields.event_type),
      fillOpacity: 0.92,
      bubblingMouseEvents: false,
    });
    // One popup and one tooltip serve every marker (bound on demand): binding one per marker
    // costs seconds for a case with tens of thousands of incidents.
    this._ids.set(marker, incident.id);
    this._markers.set(incident.id, marker);
    this.group.addLayer(marker);
    if (this._selectedId === incident.id) this.select(incident.id);
  }

  private _onMarkerClick(e: L.LeafletMouseEvent): void {
    const marker = e.propagatedFrom as L.CircleMarker;
    const id = this._ids.get(marker);
    if (id) this.select(id, true);
  }

  private _onMarkerOver(e: L.LeafletMouseEvent): void {
    const marker = e.propagatedFrom as L.CircleMarker;
    const incident = this._state.get(this._ids.get(marker) ?? '');
    if (!incident || this._map.hasLayer(this._popup)) return;
    this._tooltip.setLatLng(marker.getLatLng()).setContent(textTooltip(incident));
    this._map.openTooltip(this._tooltip);
  }

  private _openPopup(incident: Incident, at: L.LatLng): void {
    this._map.closeTooltip(this._tooltip);
    this._popupId = incident.id;
    const content = incidentPopup(incident, this._options);
    this._popupResize.disconnect();
    this._popup.setLatLng(at).setContent(content);
    this._map.openPopup(this._popup);
    this._popupResize.observe(content);
  }

  private _remove(id: string, clearSelection = true): void {
    const marker = this._markers.get(id);
    if (marker) {
      this.group.removeLayer(marker);
      this._markers.delete(id);
    }
    if (clearSelection && this._selectedId === id) this.select(null);
  }
}

function textTooltip(incident: Incident): HTMLElement {
  const div = document.createElement('div');
  div.textContent = `${incident.fields.occurred_at} · ${incident.fields.title}`;
  return div;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
