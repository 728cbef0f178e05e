import L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import type { FaultlineApi } from '../../shared/api/contract';
import type { Incident } from '../../shared/domain/incident';
import { newZoneFields, type Circle, type Zone, type ZoneFields, type ZoneGeometry } from '../../shared/domain/zone';
import type { ZoneAnalysis } from '../../shared/domain/zoneAnalysis';
import { describeRepair } from '../../shared/geo/analysis/describeRepair';
import { repairOutline } from '../../shared/geo/analysis/repairOutline';
import type { UndoStack } from '../history/undoStack';
import { ZoneForm } from '../forms/zoneForm';
import type { BasemapFiles } from '../map/basemapData';
import { ZoneLayer } from '../map/zoneLayer';
import { ZoneDetails } from '../panels/zoneDetails';
import { ZonePanel } from '../panels/zonePanel';
import type { IncidentState } from '../state/incidentState';
import { ZoneState, type ZoneChange } from '../state/zoneState';
import { el } from '../ui/dom';
import { errorMessage, toast } from '../ui/toast';
import { AnalysisTools } from './analysisTools';
import { MeasureReadout } from './measureReadout';
import { ZoneDrawing } from './zoneDrawing';
import { layerToZone } from './zoneGeometry';
import { zoneLegendRows } from './zoneLegend';

export interface ZoneControllerHooks {
  /** The side drawer that holds forms (shared with the incident form). */
  drawer: HTMLElement;
  /** Closes any other form in the drawer before a zone form opens there. */
  closeOtherForms(): void;
  focusIncident(incident: Incident): void;
  /** A zone was selected: the workbench clears the incident selection and shows the Zones tab. */
  zoneSelected(zone: Zone | null): void;
  /** The legend's zones section. */
  legendSection: HTMLElement;
  /** Undoes the last change (the toasts' Undo button). */
  undo(): void;
  /** The zones' labels were placed anew (the map's names make way for them). */
  labelsPlaced?(): void;
  /** Whether a zone waits in a merge conflict. */
  conflicted?(zone: Zone): boolean;
  /** Opens the conflicts, to settle one. */
  resolveConflicts?(): void;
}

type Shape = { geometry: ZoneGeometry; circle: Circle | null };

/**
 * Everything about zones in the window: their state with undo, the map layer, the zones panel
 * and details, the form, and Geoman's drawing tools. The workbench creates it once the map
 * exists and forwards clicks, case changes and menu commands to it.
 */
export class ZoneController {
  readonly state: ZoneState;
  readonly layer: ZoneLayer;
  readonly panel: ZonePanel;
  readonly readout: MeasureReadout;
  readonly drawing: ZoneDrawing;
  readonly tools: AnalysisTools;
  private readonly _details: ZoneDetails;
  private readonly _connectors = L.layerGroup();
  private _form: { form: ZoneForm; zone: Zone | null; preview: L.Layer | null } | null = null;
  /** Reshapes on their way to the case: a form save waits for them, so it cannot undo one. */
  private _reshaping: Promise<void> = Promise.resolve();

  constructor(
    private readonly _map: L.Map,
    private readonly _api: FaultlineApi,
    history: UndoStack,
    incidents: IncidentState,
    basemap: BasemapFiles,
    private readonly _hooks: ZoneControllerHooks,
  ) {
    this.state = new ZoneState(_api, history);
    this.layer = new ZoneLayer(_map, this.state, { visible: (zone) => this.panel.matches(zone), labelsPlaced: () => _hooks.labelsPlaced?.(), conflicted: (zone) => _hooks.conflicted?.(zone) ?? false });
    this._details = new ZoneDetails(_api, incidents, {
      edit: (zone) => this.openForm(zone, zone.fields),
      remove: (zone) => void this.remove(zone),
      zoomTo: (zone) => this.zoomTo(zone),
      buffer: (zone) => this.tools.bufferZone(zone),
      back: () => this.select(null),
      focusIncident: (incident) => _hooks.focusIncident(incident),
      analysed: (zone, analysis) => this._drawConnectors(zone, analysis),
      conflicted: (zone) => _hooks.conflicted?.(zone) ?? false,
      resolveConflicts: _hooks.resolveConflicts,
    });
    this.panel = new ZonePanel(this.state, (zone) => this.select(zone.id, true), () => this.layer.redrawAll(), this._details.element);
    this.panel.conflicted = (id) => { const zone = this.state.get(id); return zone ? (_hooks.conflicted?.(zone) ?? false) : false; };
    this.readout = new MeasureReadout(_map);
    this.drawing = new ZoneDrawing(_map, this.layer.group, snapLines(basemap), this.readout, {
      hasSelection: () => this.selectedId !== null,
      canCut: () => this._canCut(),
      drawn: (layer) => this._drawn(layer),
      reshaped: (zoneLayer, layer) => {
        const saving = this._reshaped(zoneLayer, layer);
        this._reshaping = Promise.all([this._reshaping, saving]).then(() => undefined);
      },
      removed: (zoneLayer) => {
        const zone = this.state.get(this.layer.zoneIdOf(zoneLayer) ?? '');
        if (zone) void this.remove(zone);
      },
      busyChanged: (busy) => {
        if (!busy) return;
        this._map.closePopup();
        this.tools.stop();
      },
    });
    this.tools = new AnalysisTools(_map, this.readout, basemap, {
      startZone: (geometry, defaults, notice) => this.startZone({ geometry, circle: null }, defaults, notice),
      starting: () => this.drawing.stop(),
    });
    this.layer.group.addTo(_map);
    this.layer.labels.addTo(_map);
    this._connectors.addTo(_map);
    this.state.onChange((change) => {
      this._hooks.legendSection.replaceChildren(...zoneLegendRows(this.state.all()));
      this._formFollows(change);
      const selected = this.layer.selectedId;
      if (!selected) return;
      if (change.kind === 'remove' && change.id === selected) this.select(null);
      else if (change.kind === 'reset') this.select(this.state.get(selected) ? selected : null);
      else if (change.kind === 'upsert' && change.zone.id === selected) this._details.show(change.zone);
    });
  }

  get selectedId(): string | null {
    return this.layer.selectedId;
  }

  /** Redraws the zones and the selected zone's details (after the set in conflict changed). */
  redraw(): void {
    this.layer.redrawAll();
    this.panel.refresh();
    const id = this.layer.selectedId;
    if (id) this._details.show(this.state.get(id) ?? null);
  }

  /** Whether a drawing, editing or analysis tool has the map's clicks. */
  get busy(): boolean {
    return this.drawing.busy || this.tools.active !== null;
  }

  startDrawing(shape: 'Polygon' | 'Rectangle' | 'Circle' | 'Line'): void {
    this.tools.stop();
    this.drawing.draw(shape);
  }

  async removeSelected(): Promise<void> {
    const zone = this.selectedId ? this.state.get(this.selectedId) : undefined;
    if (zone) await this.remove(zone);
  }

  /** Leaves every zone tool (Esc, another case). */
  stopTools(): void {
    this.drawing.stop();
    this.tools.stop();
  }

  async reload(zones?: Zone[] | null): Promise<void> {
    this.closeForm();
    this.stopTools();
    if (zones) this.state.replaceAll(zones);
    else await this.state.reload();
  }

  /**
   * A click on the map that no incident took: selects the smallest zone under it. The click
   * that takes away an incident's selection does only that (zones can cover the whole view,
   * and clicking the map to deselect must not select one instead).
   */
  handleMapClick(at: L.LatLng, incidentSelected: boolean): boolean {
    if (this.busy) return true;
    if (incidentSelected) return false;
    const [zone] = this.layer.zonesAt(at);
    if (zone) {
      this.select(zone.id);
      return true;
    }
    if (this.selectedId) this.select(null);
    return false;
  }

  select(id: string | null, fly = false): void {
    const zone = id ? this.state.get(id) : undefined;
    // Edit, drag and cut follow the selection; a mode left on would keep the old zone's handles.
    if ((zone?.id ?? null) !== this.selectedId && this.drawing.busy) this.drawing.stop();
    this.layer.select(zone ? zone.id : null);
    this.panel.showDetails(zone ? zone.id : null);
    this._details.show(zone ?? null);
    if (!zone) this._connectors.clearLayers();
    this._hooks.zoneSelected(zone ?? null);
    if (zone && fly) this.zoomTo(zone);
  }

  zoomTo(zone: Zone): void {
    const path = this.layer.layerOf(zone.id) as L.Polyline | L.Circle | undefined;
    const bounds = path?.getBounds?.();
    if (bounds?.isValid()) this._map.flyToBounds(bounds, { padding: [60, 60], maxZoom: 12, duration: 0.6 });
  }

  async remove(zone: Zone): Promise<void> {
    try {
      await this.state.delete(zone);
      toast(`Deleted zone “${zone.fields.name}”`, { action: { label: 'Undo', run: () => this._undo() } });
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
      this.layer.redrawAll();
    }
  }

  /** Opens the zone form: for a zone, or (zone null) for a new shape with these fields. */
  openForm(zone: Zone | null, fields: ZoneFields, notice?: string): void {
    this._hooks.closeOtherForms();
    this.closeForm();
    const preview = zone ? null : L.geoJSON(fields.geometry, { interactive: false, pmIgnore: true, style: { color: '#1c5d99', weight: 2.5, dashArray: '6 4', fillOpacity: 0.15 } } as L.GeoJSONOptions).addTo(this._map);
    const form = new ZoneForm({
      zone,
      initial: fields,
      notice,
      save: async (next) => {
        if (zone) {
          // The form owns the fields, the map owns the shape: save the fields onto the zone as
          // it is now (a vertex moved while the form was open stays moved).
          await this._reshaping;
          const current = this.state.get(zone.id);
          if (!current) throw new Error('This zone was deleted while the form was open; undo the deletion to edit it.');
          await this.state.update(current, { ...next, geometry: current.fields.geometry, circle: current.fields.circle });
          toast(`Saved zone “${next.name}”`, { action: { label: 'Undo', run: () => this._undo() } });
        } else {
          const created = await this.state.create(next);
          toast(`Added zone “${created.fields.name}”`, { action: { label: 'Undo', run: () => this._undo() } });
          this.select(created.id);
        }
        this.closeForm();
      },
      remove: zone ? () => void this.remove(zone).then(() => this.closeForm()) : undefined,
      close: () => this.closeForm(),
    });
    this._form = { form, zone, preview };
    this._hooks.drawer.replaceChildren(form.element);
    this._hooks.drawer.hidden = false;
    document.body.classList.add('fl-form-open');
    form.focus();
  }

  /** The open form of a zone shows the zone's shape as it changes, and closes if it goes. */
  private _formFollows(change: ZoneChange): void {
    const open = this._form;
    if (!open?.zone) return;
    const current = this.state.get(open.zone.id);
    if (!current) this.closeForm();
    else if (change.kind === 'reset' || (change.kind === 'upsert' && change.zone.id === current.id)) open.form.showShape(current.fields.geometry, current.fields.circle);
  }

  closeForm(): void {
    if (!this._form) return;
    this._form.preview?.remove();
    this._form = null;
    this._hooks.drawer.hidden = true;
    this._hooks.drawer.replaceChildren();
    document.body.classList.remove('fl-form-open');
  }

  /** Checks a drawn or reshaped outline: repaired (with the sentence saying how) or refused. */
  checkShape(shape: { geometry: Geometry; circle: Circle | null }): { shape: Shape; notice: string } | { error: string } {
    const g = shape.geometry;
    // Validated against the zone schema on save; GeoJSON's positions are looser than its pairs.
    if (g.type === 'LineString' || g.type === 'MultiLineString') return { shape: { geometry: g as ZoneGeometry, circle: null }, notice: '' };
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return { error: 'Zones are areas or lines' };
    const repaired = repairOutline(g);
    if (!repaired.ok) return { error: repaired.message };
    const changed = repaired.problem !== null;
    return { shape: { geometry: repaired.geometry as ZoneGeometry, circle: changed ? null : shape.circle }, notice: describeRepair(repaired) };
  }

  /** Opens the form for a new zone of this shape (drawn, measured, buffered). */
  startZone(shape: { geometry: Geometry; circle: Circle | null }, defaults: Partial<ZoneFields> = {}, notice = ''): void {
    const checked = this.checkShape(shape);
    if ('error' in checked) {
      toast(checked.error, { kind: 'error' });
      return;
    }
    if (checked.notice) toast(checked.notice, { timeoutMs: 9000 });
    const note = [notice, checked.notice].filter(Boolean).join(' ');
    this.openForm(null, { ...newZoneFields(checked.shape.geometry, checked.shape.circle), ...defaults }, note || undefined);
  }

  private _drawn(layer: L.Layer): void {
    const shape = layerToZone(layer);
    if (shape) this.startZone(shape);
  }

  /** A circle cannot be cut (Geoman cuts polygons): say so, and offer to make it an area. */
  private _canCut(): boolean {
    const zone = this.selectedId ? this.state.get(this.selectedId) : undefined;
    if (!zone?.fields.circle) return true;
    toast(`“${zone.fields.name}” is a circle, and a circle cannot have a hole cut in it. Turn it into an area first: it keeps its outline, but from then on it reshapes by its corners, not by its centre and radius.`, {
      action: { label: 'Turn into an area and cut', run: () => void this._circleToArea(zone.id) },
      timeoutMs: 15000,
    });
    return false;
  }

  private async _circleToArea(id: string): Promise<void> {
    const zone = this.state.get(id);
    if (!zone) return;
    try {
      await this.state.update(zone, { ...zone.fields, circle: null }, `Turn circle “${zone.fields.name}” into an area`);
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
      return;
    }
    this.select(id);
    this.drawing.cut();
    toast(`“${zone.fields.name}” is an area now: draw the hole inside it.`, { action: { label: 'Undo', run: () => this._undo() }, timeoutMs: 9000 });
  }

  private async _reshaped(zoneLayer: L.Layer, layer: L.Layer): Promise<void> {
    const zone = this.state.get(this.layer.zoneIdOf(zoneLayer) ?? '');
    const shape = layerToZone(layer);
    if (!zone || !shape) return;
    const checked = this.checkShape(shape);
    if ('error' in checked) {
      toast(checked.error, { kind: 'error' });
      this.state.refresh(zone.id);
      return;
    }
    const kind = zone.fields.kind === 'route' && !checked.shape.geometry.type.includes('LineString') ? 'deployment' : zone.fields.kind;
    try {
      await this.state.update(zone, { ...zone.fields, kind, geometry: checked.shape.geometry, circle: checked.shape.circle }, `Reshape zone “${zone.fields.name}”`);
      toast(checked.notice || `Reshaped zone “${zone.fields.name}”`, { action: { label: 'Undo', run: () => this._undo() }, timeoutMs: checked.notice ? 9000 : 5000 });
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
      this.state.refresh(zone.id);
    }
  }

  /**
   * The lines of an incident's popup that the map answers: distances to the Kosovo–Serbia
   * boundary and the IEBL, and the zones the incident falls in (filled in when they arrive).
   */
  incidentAnalysis(incident: Incident): HTMLElement {
    const box = el('div', { class: 'fl-popup-analysis', 'data-testid': 'incident-analysis', text: 'Measuring distances…' });
    this._api.analysis
      .point({ lon: incident.fields.lon, lat: incident.fields.lat })
      .then((r) => {
        const km = (d: typeof r.distances.kosovo_serbia) => (d ? `${d.km.toLocaleString('en', { maximumFractionDigits: d.km < 10 ? 2 : 1 })} km` : '—');
        const zones = r.zones.length
          ? r.zones.map((z, i) => [i ? ', ' : '', el('button', {
                type: 'button',
                class: 'fl-link-btn',
                text: z.name,
                // Selecting closes the popup under the click: the click must not reach the map.
                onclick: (e: Event) => {
                  e.stopPropagation();
                  this.select(z.id, true);
                },
              })]).flat()
          : ['none'];
        box.replaceChildren(
          el('table', { class: 'fl-popup-table' },
            el('tr', {}, el('th', { text: 'To Kosovo–Serbia boundary' }), el('td', { 'data-testid': 'incident-distance-ks', text: km(r.distances.kosovo_serbia) })),
            el('tr', {}, el('th', { text: 'To the IEBL' }), el('td', { text: km(r.distances.iebl) })),
            el('tr', {}, el('th', { text: 'In zones' }), el('td', { 'data-testid': 'incident-zones' }, ...zones))),
        );
      })
      .catch((err) => box.replaceChildren(el('span', { class: 'fl-hint', text: `Distances unavailable: ${errorMessage(err)}` })));
    return box;
  }

  /** Dashed connectors from the selected zone to the nearest points of the boundary lines. */
  private _drawConnectors(zone: Zone, analysis: ZoneAnalysis | null): void {
    this._connectors.clearLayers();
    if (!analysis || this.selectedId !== zone.id) return;
    for (const [name, d] of [['Kosovo–Serbia boundary', analysis.distances.kosovo_serbia], ['IEBL', analysis.distances.iebl]] as const) {
      if (!d || d.km === 0 || d.km > 150) continue;
      const line = L.polyline([[d.from[1], d.from[0]], [d.to[1], d.to[0]]], { color: '#222', weight: 1.5, dashArray: '4 4', interactive: false, pmIgnore: true } as L.PolylineOptions);
      line.bindTooltip(el('span', { text: `${d.km.toLocaleString('en', { maximumFractionDigits: 1 })} km to the ${name}` }), { permanent: true, direction: 'center', className: 'fl-connector-label' });
      this._connectors.addLayer(line);
    }
  }

  private _undo(): void {
    this._hooks.undo();
  }
}

/** The borders a zone should be able to follow: Kosovo's and Bosnia's, and the IEBL. */
function snapLines(basemap: BasemapFiles): FeatureCollection {
  const borders = basemap.borders.features.filter((f) => ['XKX', 'BIH'].includes(String(f.properties?.a)) || ['XKX', 'BIH'].includes(String(f.properties?.b)));
  return { type: 'FeatureCollection', features: [...borders, ...basemap.iebl.features] };
}
