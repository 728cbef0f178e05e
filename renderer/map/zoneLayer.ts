import L from 'leaflet';
import type { Zone } from '../../shared/domain/zone';
import { labelPoint } from '../../shared/geo/analysis/labelPoint';
import { prepareAreaTest } from '../../shared/geo/analysis/prepareAreaTest';
import { geodesicArea } from '../../shared/geo/analysis/geodesicArea';
import type { ZoneState } from '../state/zoneState';
import { el } from '../ui/dom';
import { unitSymbolImage } from '../zones/unitSymbol';
import { zoneToLayer } from '../zones/zoneGeometry';
import { placeZoneLabels, type Box } from './labelPlacement';
import { zoneStyle } from './zoneStyle';

export interface ZoneLayerOptions {
  /** Filter applied to what is drawn (the zones panel's force and status filters). */
  visible(zone: Zone): boolean;
  /** The labels were placed anew (the map's names then make way for them). */
  labelsPlaced?(): void;
  /** Whether the zone waits in a merge conflict (outlined in the conflict colour). */
  conflicted?(zone: Zone): boolean;
}

/** Classes of a label shown as its symbol alone, or not at all (see placeLabels). */
const SYMBOL_ONLY = 'fl-zone-label-symbol-only';
const HIDDEN = 'fl-zone-label-hidden';

/**
 * Zones on the map: one SVG path per zone (few, large, and editable by Geoman, which needs
 * real path elements), styled by affiliation, plus a label at the zone's label point with its
 * unit symbol and name. Paths opt in to Geoman (`pmIgnore: false`); labels do not.
 *
 * The zones lie under the incidents' canvas, which takes the mouse: a click on the map is
 * matched to zones by `zonesAt` (the workbench asks), and while a zone tool is active the
 * canvas lets clicks through (CSS `.fl-zone-editing`).
 */
export class ZoneLayer {
  readonly group = L.featureGroup();
  readonly labels = L.layerGroup();
  private readonly _paths = new Map<string, L.Path>();
  private readonly _labelMarkers = new Map<string, L.Marker>();
  private readonly _ids = new WeakMap<L.Layer, string>();
  private readonly _renderer: L.SVG;
  private _selectedId: string | null = null;
  /** Geodesic area of each drawn zone (m²): smaller zones' labels are placed first. */
  private readonly _areas = new Map<string, number>();
  /** What the shown labels cover, in the map's layer pixels (see labelBoxes). */
  private _labelBoxes: Box[] = [];
  private _placementQueued = false;

  constructor(
    private readonly _map: L.Map,
    private readonly _state: ZoneState,
    private readonly _options: ZoneLayerOptions,
  ) {
    const pane = _map.createPane('fl-zones');
    pane.style.zIndex = '410';
    const labels = _map.createPane('fl-zone-labels');
    // Above the zones, below the incidents: a symbol never hides an incident.
    labels.style.zIndex = '415';
    labels.style.pointerEvents = 'none';
    this._renderer = L.svg({ pane: 'fl-zones', padding: 0.5 });
    _map.on('moveend resize', () => this.placeLabels());
    this.labels.on('add remove', () => this._queuePlacement());
    _state.onChange((change) => {
      if (change.kind === 'reset') this.redrawAll();
      else if (change.kind === 'upsert') this._upsert(change.zone);
      else this._remove(change.id);
    });
  }

  get selectedId(): string | null {
    return this._selectedId;
  }

  redrawAll(): void {
    for (const id of [...this._paths.keys()]) this._remove(id);
    for (const zone of this._state.all()) this._upsert(zone);
    if (this._selectedId && !this._state.get(this._selectedId)) this._selectedId = null;
    this._queuePlacement();
  }

  select(id: string | null): void {
    const previous = this._selectedId;
    this._selectedId = id;
    for (const z of [previous, id]) {
      const zone = z ? this._state.get(z) : undefined;
      if (zone) this._restyle(zone);
      const path = z ? this._paths.get(z) : undefined;
      if (path) editableOnlyIfSelected(path, z === id);
    }
    if (id) this._paths.get(id)?.bringToFront();
    this._queuePlacement();
  }

  /** What the zones' labels cover on screen, in layer pixels (names keep off it). */
  labelBoxes(): readonly Box[] {
    return this._labelBoxes;
  }

  /**
   * Keeps the zones' labels legible where zones crowd together: each stays at its zone's
   * label point and shows whole, or its unit symbol alone, or (until the map is zoomed in)
   * nothing, in priority order: the selected zone, active zones, then the smaller zones (a
   * large zone's label has room elsewhere when zoomed in; a checkpoint's has not).
   */
  placeLabels(): void {
    this._placementQueued = false;
    const map = this._map;
    const entries: { id: string; el: HTMLElement; zone: Zone }[] = [];
    if (map.hasLayer(this.labels)) {
      for (const [id, marker] of this._labelMarkers) {
        const el = marker.getElement()?.querySelector<HTMLElement>('.fl-zone-label');
        const zone = this._state.get(id);
        if (el && zone) entries.push({ id, el, zone });
      }
    }
    // Measured as drawn whole (one layout for all), then shown as they fit.
    for (const e of entries) e.el.classList.remove(SYMBOL_ONLY, HIDDEN);
    const origin = map.getContainer().getBoundingClientRect();
    const box = (r: DOMRect): Box => ({ x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top });
    const rank = (zone: Zone) => (zone.id === this._selectedId ? 0 : zone.fields.status === 'active' ? 1 : 2);
    const measured = entries
      .map((e) => {
        const symbol = e.el.querySelector('img.fl-unit-symbol');
        return { ...e, full: box(e.el.getBoundingClientRect()), symbol: symbol ? box(symbol.getBoundingClientRect()) : null };
      })
      .sort((a, b) => rank(a.zone) - rank(b.zone) || (this._areas.get(a.id) ?? 0) - (this._areas.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
    const fits = placeZoneLabels(measured);
    const toLayer = (b: Box): Box => {
      const p = map.containerPointToLayerPoint([b.x0, b.y0]);
      return { x0: p.x, y0: p.y, x1: p.x + (b.x1 - b.x0), y1: p.y + (b.y1 - b.y0) };
    };
    const boxes: Box[] = [];
    measured.forEach((m, i) => {
      const fit = fits[i]!;
      m.el.classList.toggle(SYMBOL_ONLY, fit === 'symbol');
      m.el.classList.toggle(HIDDEN, fit === 'hidden');
      m.el.dataset.fit = fit;
      const taken = fit === 'full' ? m.full : fit === 'symbol' ? m.symbol : null;
      if (taken) boxes.push(toLayer(taken));
    });
    // A pan leaves layer pixels as they were: the map's names, already placed for this view
    // around the same boxes, need placing again only when the boxes moved (a zoom, an edit).
    const key = (list: readonly Box[]) => list.map((b) => `${Math.round(b.x0)},${Math.round(b.y0)},${Math.round(b.x1)},${Math.round(b.y1)}`).join(' ');
    const moved = key(boxes) !== key(this._labelBoxes);
    this._labelBoxes = boxes;
    if (moved) this._options.labelsPlaced?.();
  }

  /** Places the labels once after a batch of changes (before the next frame is drawn). */
  private _queuePlacement(): void {
    if (this._placementQueued) return;
    this._placementQueued = true;
    queueMicrotask(() => {
      if (this._placementQueued) this.placeLabels();
    });
  }

  /** The zone a map layer draws (for Geoman's edit events), if any. */
  zoneIdOf(layer: L.Layer): string | undefined {
    return this._ids.get(layer);
  }

  layerOf(id: string): L.Path | undefined {
    return this._paths.get(id);
  }

  /** The zones under a point, smallest first: areas that hold it, lines within a few pixels. */
  zonesAt(at: L.LatLng): Zone[] {
    const p = this._map.latLngToLayerPoint(at);
    const hits: { zone: Zone; size: number }[] = [];
    for (const [id, path] of this._paths) {
      const zone = this._state.get(id);
      if (!zone) continue;
      const g = zone.fields.geometry;
      if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        if (prepareAreaTest(g).contains(at.lng, at.lat)) hits.push({ zone, size: geodesicArea(g) });
      } else if (nearLine(path as L.Polyline, p, this._map)) {
        hits.push({ zone, size: 0 });
      }
    }
    return hits.sort((a, b) => a.size - b.size).map((h) => h.zone);
  }

  private _upsert(zone: Zone): void {
    this._remove(zone.id);
    if (!this._options.visible(zone)) return;
    const path = zoneToLayer(zone.fields.geometry, zone.fields.circle, {
      ...zoneStyle(zone, zone.id === this._selectedId, this._options.conflicted?.(zone)),
      renderer: this._renderer,
      pane: 'fl-zones',
      // Clicks are matched by zonesAt; Geoman's tools still reach the path (see class doc).
      interactive: true,
      bubblingMouseEvents: true,
      pmIgnore: false,
    } as L.PathOptions);
    editableOnlyIfSelected(path, zone.id === this._selectedId);
    this._ids.set(path, zone.id);
    this._paths.set(zone.id, path);
    // Tests and the keyboard find a zone's path by its id.
    path.on('add', () => path.getElement()?.setAttribute('data-zone-id', zone.id));
    this.group.addLayer(path);
    const label = this._label(zone);
    this._labelMarkers.set(zone.id, label);
    this.labels.addLayer(label);
    const g = zone.fields.geometry;
    this._areas.set(zone.id, g.type === 'Polygon' || g.type === 'MultiPolygon' ? geodesicArea(g) : 0);
    this._queuePlacement();
  }

  private _restyle(zone: Zone): void {
    this._paths.get(zone.id)?.setStyle(zoneStyle(zone, zone.id === this._selectedId, this._options.conflicted?.(zone)));
    this._labelMarkers.get(zone.id)?.getElement()?.querySelector('.fl-zone-label')?.classList.toggle('fl-zone-label-selected', zone.id === this._selectedId);
  }

  private _label(zone: Zone): L.Marker {
    const [lon, lat] = labelPoint(zone.fields.geometry) as [number, number];
    const symbol = unitSymbolImage(zone.fields.sidc, 26, `Unit symbol of ${zone.fields.name}`);
    const content = el(
      'div',
      { class: `fl-zone-label${zone.id === this._selectedId ? ' fl-zone-label-selected' : ''}`, 'data-zone-label': zone.id },
      symbol,
      el('span', { class: 'fl-zone-label-name', text: zone.fields.name }),
    );
    return L.marker([lat, lon], {
      pane: 'fl-zone-labels',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: 'fl-zone-label-icon', html: content, iconSize: undefined, iconAnchor: [0, 0] }),
    });
  }

  private _remove(id: string): void {
    const path = this._paths.get(id);
    if (path) {
      this.group.removeLayer(path);
      this._paths.delete(id);
    }
    const label = this._labelMarkers.get(id);
    if (label) {
      this.labels.removeLayer(label);
      this._labelMarkers.delete(id);
      this._queuePlacement();
    }
    this._areas.delete(id);
  }
}

/**
 * Geoman's edit, drag and cut modes act on every layer they may: only the selected zone may,
 * so reshaping one zone never reshapes (or floods with vertex handles) the large zones around
 * it. The eraser works on any zone.
 */
function editableOnlyIfSelected(path: L.Path, selected: boolean): void {
  path.pm?.setOptions({ allowEditing: selected, draggable: selected, allowCutting: selected, allowRotation: false, allowRemoval: true });
}

function nearLine(line: L.Polyline, p: L.Point, map: L.Map): boolean {
  const paths = (L.LineUtil.isFlat(line.getLatLngs() as L.LatLng[]) ? [line.getLatLngs()] : line.getLatLngs()) as L.LatLng[][];
  for (const path of paths) {
    const pts = path.map((ll) => map.latLngToLayerPoint(ll));
    for (let i = 0; i + 1 < pts.length; i++) if (L.LineUtil.pointToSegmentDistance(p, pts[i]!, pts[i + 1]!) <= 6) return true;
  }
  return false;
}
