import L from 'leaflet';
import type { Position } from 'geojson';
import type { MeasureReadout, ReadoutAction } from './measureReadout';
import { pathReadoutLines } from './pathReadout';

const READOUT = 'measure';

export interface MeasureToolOptions {
  /** Keeps the measured points as a new zone: a line, or the area they enclose. */
  keep(points: Position[], asArea: boolean): void;
  /** The tool turned itself off (Esc, Done). */
  ended(): void;
}

/**
 * Measure distance, bearing and area between clicked points, as a Leaflet handler: on while
 * enabled, and it cleans up after itself. Each click adds a point; the readout lists every
 * segment's geodesic length and bearing, the total, and the area the points enclose. A double
 * click or Enter ends the measurement; Backspace takes back the last point; Esc leaves. The
 * result can be kept as a line or an area zone.
 */
export class MeasureTool extends L.Handler {
  /** Set by L.Handler (not in Leaflet's type definitions). */
  declare protected _map: L.Map;
  private _points: L.LatLng[] = [];
  private _cursor: L.LatLng | null = null;
  private _finished = false;
  private readonly _layers = L.layerGroup();
  private readonly _line = L.polyline([], { color: '#111', weight: 2, dashArray: '6 5', interactive: false, pmIgnore: true } as L.PolylineOptions);
  private readonly _area = L.polygon([], { stroke: false, fillColor: '#111', fillOpacity: 0.08, interactive: false, pmIgnore: true } as L.PolylineOptions);
  private readonly _vertices = L.layerGroup();
  private _doubleClickZoom = false;

  constructor(
    map: L.Map,
    private readonly _readout: MeasureReadout,
    private readonly _options: MeasureToolOptions,
  ) {
    super(map);
    this._layers.addLayer(this._area).addLayer(this._line).addLayer(this._vertices);
  }

  override addHooks(): void {
    const map = this._map;
    this._reset();
    this._layers.addTo(map);
    this._doubleClickZoom = map.doubleClickZoom.enabled();
    map.doubleClickZoom.disable();
    map.getContainer().classList.add('fl-measuring');
    map.on('click', this._onClick, this);
    map.on('dblclick', this._onDoubleClick, this);
    map.on('mousemove', this._onMove, this);
    document.addEventListener('keydown', this._onKey, true);
    this._show();
  }

  override removeHooks(): void {
    const map = this._map;
    this._layers.remove();
    if (this._doubleClickZoom) map.doubleClickZoom.enable();
    map.getContainer().classList.remove('fl-measuring');
    map.off('click', this._onClick, this);
    map.off('dblclick', this._onDoubleClick, this);
    map.off('mousemove', this._onMove, this);
    document.removeEventListener('keydown', this._onKey, true);
    this._readout.hide(READOUT);
  }

  private _reset(): void {
    this._points = [];
    this._cursor = null;
    this._finished = false;
    this._vertices.clearLayers();
    this._redraw();
  }

  private _onClick(e: L.LeafletMouseEvent): void {
    if (this._finished) this._reset();
    const last = this._points.at(-1);
    // The two clicks of a double click land on the same spot: one point, not two.
    if (last && this._map.latLngToContainerPoint(last).distanceTo(e.containerPoint) < 4) return;
    this._points.push(e.latlng);
    this._vertices.addLayer(L.circleMarker(e.latlng, { radius: 4, color: '#111', weight: 1.5, fillColor: '#fff', fillOpacity: 1, interactive: false, pmIgnore: true } as L.CircleMarkerOptions));
    this._redraw();
  }

  private _onDoubleClick(e: L.LeafletMouseEvent): void {
    L.DomEvent.stop(e);
    this._finish();
  }

  private _onMove(e: L.LeafletMouseEvent): void {
    if (this._finished || this._points.length === 0) return;
    this._cursor = e.latlng;
    this._redraw();
  }

  private readonly _onKey = (e: KeyboardEvent): void => {
    if (document.querySelector('.fl-backdrop')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.disable();
      this._options.ended();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this._finish();
    } else if (e.key === 'Backspace' && !this._finished && this._points.length) {
      e.preventDefault();
      this._points.pop();
      const markers = this._vertices.getLayers();
      const lastMarker = markers.at(-1);
      if (lastMarker) this._vertices.removeLayer(lastMarker);
      this._redraw();
    }
  };

  private _finish(): void {
    if (this._points.length < 2) return;
    this._finished = true;
    this._cursor = null;
    this._redraw();
  }

  private _redraw(): void {
    const pts = this._cursor && !this._finished ? [...this._points, this._cursor] : this._points;
    this._line.setLatLngs(pts);
    this._area.setLatLngs(pts.length >= 3 ? pts : []);
    this._show();
  }

  private _show(): void {
    const pts = (this._cursor && !this._finished ? [...this._points, this._cursor] : this._points).map((p): Position => [p.lng, p.lat]);
    if (pts.length < 2) {
      this._readout.show(READOUT, 'Measure', ['Click points on the map; double-click or press Enter to end, Esc to leave'], [this._done()]);
      return;
    }
    const lines = pathReadoutLines(pts, { area: true, areaLabel: 'Enclosed area' });
    const actions: ReadoutAction[] = [];
    if (this._finished) {
      const points = this._points.map((p): Position => [p.lng, p.lat]);
      actions.push({ label: 'Keep as line zone', run: () => this._keep(points, false) });
      if (points.length >= 3) actions.push({ label: 'Keep as area zone', run: () => this._keep(points, true) });
      actions.push({ label: 'Measure again', run: () => this._reset() });
    }
    actions.push(this._done());
    this._readout.show(READOUT, this._finished ? 'Measured' : 'Measuring', lines, actions);
  }

  private _done(): ReadoutAction {
    return {
      label: 'Done',
      run: () => {
        this.disable();
        this._options.ended();
      },
    };
  }

  private _keep(points: Position[], asArea: boolean): void {
    this.disable();
    this._options.ended();
    this._options.keep(points, asArea);
  }
}
