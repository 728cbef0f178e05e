import L from 'leaflet';
import type { FeatureCollection, Position } from 'geojson';
import { measurePath } from '../../shared/geo/analysis/measurePath';
import { geodesicArea } from '../../shared/geo/analysis/geodesicArea';
import { geodesicLength } from '../../shared/geo/analysis/geodesicLength';
import { formatArea, formatBearing, formatKm } from './formatMeasure';
import type { MeasureReadout } from './measureReadout';
import { pathReadoutLines } from './pathReadout';
import { layerToZone } from './zoneGeometry';
import { toast } from '../ui/toast';

export interface ZoneDrawingEvents {
  /** Whether a zone is selected: edit, drag and cut act on the selected zone only. */
  hasSelection(): boolean;
  /**
   * Whether the selected zone can have a hole cut in it. Geoman cannot cut a circle: for one
   * the controller says so (and offers to turn it into an area) and the cut mode ends.
   */
  canCut(): boolean;
  /** A shape was drawn (Geoman's layer is already removed from the map). */
  drawn(layer: L.Layer): void;
  /** A zone's path was reshaped, dragged, or cut (`layer` holds the new shape). */
  reshaped(zoneLayer: L.Layer, layer: L.Layer): void;
  /** A zone's path was removed with the eraser. */
  removed(zoneLayer: L.Layer): void;
  /** A Geoman mode started or ended: the workbench stops treating clicks as its own. */
  busyChanged(busy: boolean): void;
}

const READOUT = 'drawing';

const DRAW_STYLE: L.PathOptions = { color: '#1c5d99', weight: 2.5, fillColor: '#1c5d99', fillOpacity: 0.12, dashArray: '6 4' };

/**
 * Drawing and editing zones with Geoman: the toolbar (area, rectangle, circle, line; edit
 * vertices, drag, cut a hole, erase), snapping to zone vertices and to the borders that matter
 * (the Kosovo–Serbia boundary, Kosovo's and Bosnia's other borders, the IEBL), and the live
 * readout of segment lengths, total, area and radius while drawing or dragging a vertex.
 * Geoman has no measurement in its free edition, so the readout listens to its events.
 */
export class ZoneDrawing {
  private readonly _snapLines: L.GeoJSON;
  private _busy = false;
  private _drawing: { shape: string; layer: L.Layer } | null = null;
  /** Where the corner being dragged sits in its layer's latlngs (Geoman's index path). */
  private _dragged: number[] | null = null;
  /** Original layers of a cut: Geoman fires an edit on them after the cut, which is not one. */
  private readonly _cutOriginals = new WeakSet<L.Layer>();

  constructor(
    private readonly _map: L.Map,
    private readonly _zonePaths: L.FeatureGroup,
    snapLines: FeatureCollection,
    private readonly _readout: MeasureReadout,
    private readonly _events: ZoneDrawingEvents,
  ) {
    // Invisible copies of the borders, only for snapping: not drawn, not clickable, not editable.
    this._snapLines = L.geoJSON(snapLines, { pmIgnore: true, snapIgnore: false, interactive: false, style: { stroke: false, fill: false } } as L.GeoJSONOptions);
    _map.pm.setGlobalOptions({
      snappable: true,
      snapDistance: 16,
      allowSelfIntersection: true,
      finishOnEnter: true,
      exitModeOnEscape: true,
      continueDrawing: false,
      templineStyle: DRAW_STYLE,
      hintlineStyle: { ...DRAW_STYLE, dashArray: '4 6' },
      pathOptions: DRAW_STYLE,
    });
    _map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawText: false,
      drawPolyline: true,
      drawRectangle: true,
      drawPolygon: true,
      drawCircle: true,
      editMode: true,
      dragMode: true,
      cutPolygon: true,
      removalMode: true,
      rotateMode: false,
    });
    this._wire();
  }

  get busy(): boolean {
    return this._busy;
  }

  /** Starts drawing a shape (menu commands; the toolbar does the same). */
  draw(shape: 'Polygon' | 'Rectangle' | 'Circle' | 'Line'): void {
    this.stop();
    this._map.pm.enableDraw(shape);
  }

  /** Starts cutting a hole in the selected zone (after a circle was turned into an area). */
  cut(): void {
    this.stop();
    this._map.pm.enableGlobalCutMode();
  }

  /** Ends whatever Geoman mode is on. */
  stop(): void {
    const pm = this._map.pm;
    pm.disableDraw();
    if (pm.globalEditModeEnabled()) pm.disableGlobalEditMode();
    if (pm.globalDragModeEnabled()) pm.disableGlobalDragMode();
    if (pm.globalRemovalModeEnabled()) pm.disableGlobalRemovalMode();
    if (pm.globalCutModeEnabled()) pm.disableGlobalCutMode();
  }

  private _wire(): void {
    const map = this._map;
    const modes = ['pm:globaldrawmodetoggled', 'pm:globaleditmodetoggled', 'pm:globaldragmodetoggled', 'pm:globalremovalmodetoggled', 'pm:globalcutmodetoggled'];
    for (const name of modes) map.on(name, () => this._modeChanged());
    // Edit, drag and cut act on the selected zone: without one they would do nothing, silently.
    for (const [name, what] of [['pm:globaleditmodetoggled', 'reshape'], ['pm:globaldragmodetoggled', 'move'], ['pm:globalcutmodetoggled', 'cut a hole in']] as const) {
      map.on(name, (e) => {
        if (!(e as unknown as { enabled: boolean }).enabled || this._events.hasSelection()) return;
        window.setTimeout(() => this.stop(), 0);
        toast(`Select the zone to ${what} first: click it on the map or in the Zones panel.`, { timeoutMs: 6000 });
      });
    }
    map.on('pm:globalcutmodetoggled', (e) => {
      if (!(e as unknown as { enabled: boolean }).enabled || !this._events.hasSelection() || this._events.canCut()) return;
      window.setTimeout(() => this.stop(), 0);
    });

    map.on('pm:drawstart', (e) => {
      const { shape, workingLayer } = e as unknown as { shape: string; workingLayer: L.Layer };
      this._drawing = { shape, layer: workingLayer };
      this._showDrawing(null);
    });
    map.on('pm:drawend', () => {
      this._drawing = null;
      this._readout.hide(READOUT);
    });
    map.on('mousemove', (e: L.LeafletMouseEvent) => {
      // After Geoman has moved (and maybe snapped) its hint marker for this same event.
      if (this._drawing) requestAnimationFrame(() => this._showDrawing(this._hintPosition() ?? e.latlng));
    });
    map.on('pm:create', (e) => {
      const { layer } = e as unknown as { layer: L.Layer };
      layer.remove();
      this._events.drawn(layer);
    });
    map.on('pm:cut', (e) => {
      const { layer, originalLayer } = e as unknown as { layer: L.Layer; originalLayer: L.Layer };
      this._cutOriginals.add(originalLayer);
      layer.remove();
      this._events.reshaped(originalLayer, layer);
    });
    map.on('pm:remove', (e) => {
      const { layer } = e as unknown as { layer: L.Layer };
      if (this._zonePaths.hasLayer(layer)) this._events.removed(layer);
    });
    // Edits of zone paths bubble up through their feature group.
    this._zonePaths.on('pm:edit', (e) => {
      const layer = (e as unknown as { layer: L.Layer }).layer;
      if (this._cutOriginals.has(layer)) return;
      this._events.reshaped(layer, layer);
    });
    this._zonePaths.on('pm:markerdrag pm:change', (e) => {
      const { layer, indexPath } = e as unknown as { layer: L.Layer; indexPath?: unknown };
      if (Array.isArray(indexPath)) this._dragged = indexPath as number[];
      if (this._busy && !this._drawing) this._showEditing(layer);
    });
    this._zonePaths.on('pm:markerdragend', () => {
      this._dragged = null;
      this._readout.hide(READOUT);
    });
  }

  private _modeChanged(): void {
    const pm = this._map.pm;
    const busy = pm.globalDrawModeEnabled() || pm.globalEditModeEnabled() || pm.globalDragModeEnabled() || pm.globalRemovalModeEnabled() || pm.globalCutModeEnabled();
    if (busy === this._busy) return;
    this._busy = busy;
    // Snapping to the borders only while a tool is on: the lines cost time on every mouse move.
    if (busy) this._snapLines.addTo(this._map);
    else this._snapLines.remove();
    this._map.getContainer().classList.toggle('fl-zone-editing', busy);
    if (!busy) this._readout.hide(READOUT);
    this._events.busyChanged(busy);
  }

  /** Where the next vertex would go: Geoman's hint marker, which follows snapping. */
  private _hintPosition(): L.LatLng | null {
    const shape = this._drawing?.shape;
    const draw = shape ? (this._map.pm.Draw as unknown as Record<string, { _hintMarker?: L.Marker }>)[shape] : undefined;
    return draw?._hintMarker?.getLatLng() ?? null;
  }

  private _showDrawing(cursor: L.LatLng | null): void {
    const drawing = this._drawing;
    if (!drawing) return;
    const { shape, layer } = drawing;
    const toPos = (ll: L.LatLng): Position => [ll.lng, ll.lat];
    if (shape === 'Circle' || shape === 'CircleMarker') {
      const circle = layer as L.Circle;
      const r = circle.getRadius?.() ?? 0;
      if (!(r > 0)) return this._readout.show(READOUT, 'Circle', ['Click the centre, then the edge']);
      const zone = layerToZone(circle);
      return this._readout.show(READOUT, 'Circle', [`Radius ${formatKm(r)}`, `Area ${formatArea(zone ? geodesicArea(zone.geometry) : Math.PI * r * r)}`]);
    }
    if (shape === 'Rectangle') {
      const rect = layer as L.Rectangle;
      const b = rect.getBounds?.();
      if (!b || !b.isValid() || b.getNorth() === b.getSouth()) return this._readout.show(READOUT, 'Rectangle', ['Click one corner, then the opposite corner']);
      const sw = b.getSouthWest();
      const ne = b.getNorthEast();
      const width = measurePath([[sw.lng, sw.lat], [ne.lng, sw.lat]]).total_m;
      const height = measurePath([[sw.lng, sw.lat], [sw.lng, ne.lat]]).total_m;
      const ring: Position[] = [[sw.lng, sw.lat], [ne.lng, sw.lat], [ne.lng, ne.lat], [sw.lng, ne.lat], [sw.lng, sw.lat]];
      const rectangle = { type: 'Polygon' as const, coordinates: [ring] };
      return this._readout.show(READOUT, 'Rectangle', [`${formatKm(width)} × ${formatKm(height)}`, `Area ${formatArea(geodesicArea(rectangle))} · perimeter ${formatKm(geodesicLength(rectangle))}`]);
    }
    const placed = ((layer as L.Polyline).getLatLngs?.() ?? []) as L.LatLng[];
    const points = placed.map(toPos);
    if (cursor && points.length) points.push(toPos(cursor));
    const title = shape === 'Line' ? 'Line' : 'Area';
    if (points.length < 2) return this._readout.show(READOUT, title, [shape === 'Line' ? 'Click to add points; click the last point again (or press Enter) to finish' : 'Click to add corners; click the first corner (or press Enter) to close']);
    // Every segment with its bearing, the total and the area: the same lines as the measure tool.
    this._readout.show(READOUT, title, pathReadoutLines(points, { area: shape !== 'Line' }));
  }

  /** The two edges at the corner being dragged: from the corner before it, and to the one after. */
  private _draggedEdges(layer: L.Layer): string[] {
    const path = this._dragged;
    if (!path?.length || !(layer instanceof L.Polyline)) return [];
    let ring: unknown = layer.getLatLngs();
    for (const i of path.slice(0, -1)) ring = Array.isArray(ring) ? ring[i] : undefined;
    if (!Array.isArray(ring) || !(ring[0] instanceof L.LatLng)) return [];
    const corners = ring as L.LatLng[];
    const i = path.at(-1)!;
    const closed = layer instanceof L.Polygon;
    const n = corners.length;
    const at = corners[i];
    const before = i > 0 ? corners[i - 1] : closed ? corners[n - 1] : undefined;
    const after = i < n - 1 ? corners[i + 1] : closed ? corners[0] : undefined;
    if (!at) return [];
    const edge = (label: string, a: L.LatLng, b: L.LatLng) => {
      const [s] = measurePath([[a.lng, a.lat], [b.lng, b.lat]]).segments;
      return s ? `${label} ${formatKm(s.distance_m)} · bearing ${formatBearing(s.bearing_deg)}` : '';
    };
    return [before ? edge('From the corner before:', before, at) : '', after ? edge('To the corner after:', at, after) : ''].filter(Boolean);
  }

  private _showEditing(layer: L.Layer): void {
    const zone = layer ? layerToZone(layer) : null;
    if (!zone) return;
    const g = zone.geometry;
    if (zone.circle) return this._readout.show(READOUT, 'Circle', [`Radius ${formatKm(zone.circle.radius_m)}`, `Area ${formatArea(geodesicArea(g))}`]);
    const edges = this._draggedEdges(layer);
    if (g.type === 'LineString' || g.type === 'MultiLineString') return this._readout.show(READOUT, 'Line', [...edges, `Length ${formatKm(geodesicLength(g))}`]);
    this._readout.show(READOUT, 'Area', [...edges, `Area ${formatArea(geodesicArea(g))}`, `Perimeter ${formatKm(geodesicLength(g))}`]);
  }
}
