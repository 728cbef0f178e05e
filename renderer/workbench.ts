import L from 'leaflet';
import type { AppInfo, FaultlineApi } from '../shared/api/contract';
import type { CaseInfo } from '../shared/domain/case';
import type { Incident } from '../shared/domain/incident';
import { UndoStack } from './history/undoStack';
import { IncidentState } from './state/incidentState';
import { loadBasemapFiles, type BasemapFiles, type PlaceRecord } from './map/basemapData';
import { createBasemapLayers } from './map/basemapLayers';
import { nearestPlace } from '../shared/places/nearestPlace';
import { createMap, DEFAULT_VIEW } from './map/createMap';
import { IncidentLayer } from './map/incidentLayer';
import { LegendControl } from './map/legendControl';
import { OverlayLayers } from './map/overlayLayers';
import { IncidentPanel } from './panels/incidentPanel';
import { IncidentEditor } from './incidents/incidentEditor';
import { PlaceSearch } from './search/placeSearch';
import { showNewCaseDialog, showOpenCaseDialog, showPreferencesDialog } from './dialogs/caseDialogs';
import { createMenuBar, type MenuSpec } from './ui/menuBar';
import { $, el, isTextEditing } from './ui/dom';
import { errorMessage, toast } from './ui/toast';
import type { HostConnection } from './api/hostClient';
import type { Zone } from '../shared/domain/zone';
import { ZoneController } from './zones/zoneController';
import { SideTabs } from './panels/sideTabs';
import { showExportDialog } from './reports/exportDialog';
import { showReportDialog } from './reports/reportDialog';
import { ImportsController } from './imports/importsController';
import { ZONE_COMMANDS, zoneMenuItems } from './zones/zoneMenu';
import { MOD, WEB_NEW_CASE, wireKeyboard } from './shell/keyboardShortcuts';

/** The workbench window: wires the map, the panels, the forms and the commands together. */
export class Workbench {
  private readonly _api: FaultlineApi;
  private readonly _history = new UndoStack();
  private readonly _state: IncidentState;
  private _map!: L.Map;
  private _incidents!: IncidentLayer;
  private _overlays: OverlayLayers | null = null;
  private _panel!: IncidentPanel;
  private _legend: LegendControl | null = null;
  private _zones!: ZoneController;
  private _tabs!: SideTabs;
  private readonly _search: PlaceSearch;
  private readonly _imports: ImportsController;
  private _case: CaseInfo | null = null;
  private _basemap: BasemapFiles | null = null;
  private _placing = false;
  private _dismissPlacingHint: (() => void) | null = null;
  private _editor!: IncidentEditor;
  private readonly _drawer = el('aside', { class: 'fl-drawer', hidden: true, 'aria-label': 'Incident form' });
  private readonly _caseTitle = el('span', { class: 'fl-case-title', 'data-testid': 'case-title' });
  private readonly _undoButton = el('button', { type: 'button', class: 'fl-btn', text: '↶ Undo', disabled: true });
  private readonly _redoButton = el('button', { type: 'button', class: 'fl-btn', text: '↷ Redo', disabled: true });
  private readonly _addButton = el('button', { type: 'button', class: 'fl-btn fl-btn-primary', text: '+ Incident', title: 'Place an incident on the map (I)', 'aria-pressed': 'false' });
  private readonly _coords = el('span', { class: 'fl-status-coords' });

  constructor(
    private readonly _host: HostConnection,
    private readonly _app: AppInfo,
  ) {
    this._api = _host.api;
    this._state = new IncidentState(this._api, this._history);
    this._search = new PlaceSearch((place) => this._flyToPlace(place));
    this._imports = new ImportsController(_host, _app, this._history, {
      // An import, its undo or a settled conflict can change zones as well as incidents.
      reloadRows: async () => {
        await Promise.all([this._state.reload(), this._zones?.state.reload()]);
      },
      redraw: () => {
        this._incidents?.redrawAll();
        this._panel?.refresh();
        this._zones?.redraw();
        this._legend?.showConflicts(this._imports.hasConflicts);
      },
      reloadOverlays: () => this._overlays?.reload() ?? Promise.resolve(),
    });
  }

  async start(root: HTMLElement): Promise<void> {
    this._layout(root);
    // The basemap files come first: the host answers them at once, while reading a large case
    // keeps it busy for a while. The case's rows are then read while the basemap is drawn.
    const opening = this._api.case.current({});
    const files = await loadBasemapFiles();
    const incidents = this._api.incidents.list({}).catch(() => null);
    const zones = this._api.zones.list({}).catch(() => null);
    this._basemap = files;
    performance.mark('fl:basemap-loaded');
    this._map = createMap($('#fl-map', root), files.attribution);
    const basemap = createBasemapLayers(files, this._map);
    for (const layer of basemap.defaults) layer.addTo(this._map);
    performance.mark('fl:basemap-drawn');
    this._panel = new IncidentPanel(this._state, (incident) => this._focusIncident(incident), () => this._incidents.redrawAll());
    this._panel.conflicted = (id) => this._imports.isConflicted(id);
    this._incidents = new IncidentLayer(this._map, this._state, {
      edit: (incident) => this._editor.open(incident),
      remove: (incident) => void this._editor.remove(incident),
      history: (incident) => this._imports.showHistory(incident),
      move: (incident, lon, lat) => void this._editor.move(incident, lon, lat),
      visible: (incident) => this._panel.matches(incident),
      conflicted: (incident) => this._imports.isConflicted(incident.id),
      resolveConflicts: () => void this._imports.showConflicts(),
      analysis: (incident) => this._zones.incidentAnalysis(incident),
    });
    this._incidents.group.addTo(this._map);
    this._editor = new IncidentEditor({
      map: this._map,
      api: this._api,
      state: this._state,
      panel: this._panel,
      layer: this._incidents,
      drawer: this._drawer,
      closeOtherForms: () => this._zones?.closeForm(),
      undo: () => void this._undo(),
      nearestPlace: (lon, lat) => {
        const near = nearestPlace(files.places, lon, lat);
        // As the map writes it ("Leposavić / Leposaviq").
        return near && { name: basemap.townName(near.place), km: near.km };
      },
    });
    const legend = new LegendControl();
    legend.addTo(this._map);
    this._legend = legend;
    this._zones = new ZoneController(this._map, this._api, this._history, this._state, files, {
      drawer: this._drawer,
      closeOtherForms: () => this._closeForm(),
      focusIncident: (incident) => this._focusIncident(incident),
      zoneSelected: (zone) => this._zoneSelected(zone),
      legendSection: legend.zoneSection,
      undo: () => void this._undo(),
      labelsPlaced: () => basemap.names.redraw(),
      conflicted: (zone) => this._imports.isConflicted(zone.id),
      resolveConflicts: () => void this._imports.showConflicts(),
    });
    basemap.names.addObstacles(() => this._zones.layer.labelBoxes());
    this._tabs = new SideTabs([{ label: 'Incidents', panel: this._panel.element }, { label: 'Zones', panel: this._zones.panel.element }]);
    $('#fl-side', root).append(this._tabs.element);
    const layers = { ...basemap.overlays, Incidents: this._incidents.group, Zones: this._zones.layer.group, 'Zone labels and symbols': this._zones.layer.labels };
    const layerControl = L.control.layers(undefined, layers, { position: 'topright', collapsed: true }).addTo(this._map);
    this._overlays = new OverlayLayers(this._map, layerControl, this._api);
    this._search.setPlaces(files.places);
    this._imports.enableFileDrop();
    this._wireMap();
    wireKeyboard(this._app.host, {
      undo: () => void this._undo(),
      redo: () => void this._redo(),
      find: () => this._search.focus(),
      newCase: () => this._newCase(),
      openCase: () => this._openCase(),
      report: () => this._openReport(),
      export: () => this._openExport(),
      placeIncident: () => this._setPlacing(true),
      measure: () => this._zones.tools.toggle('measure'),
      cancel: () => {
        this._setPlacing(false);
        this._zones.stopTools();
      },
      deleteSelected: () => this._deleteSelected(),
    });
    this._host.onEvent((name, payload) => {
      if (name === 'menu.command') this._runMenuCommand((payload as { command: string }).command);
      else if (name === 'case.changed' && (payload as { reason: string }).reason === 'opened') void this._caseOpened();
    });
    const mapElement = $('#fl-map', root);
    mapElement.dataset.basemapFeatures = String(basemap.featureCount);
    // The view as data attributes: lets tests (and a status readout) know where the map is.
    const showView = () => {
      const c = this._map.getCenter();
      mapElement.dataset.center = `${c.lat.toFixed(5)},${c.lng.toFixed(5)}`;
      mapElement.dataset.zoom = String(this._map.getZoom());
    };
    this._map.on('moveend', showView);
    showView();
    await this._caseOpened(true, { info: await opening, incidents: await incidents, zones: await zones });
    performance.mark('fl:ready');
    document.body.dataset.ready = 'true';
  }

  // ----- layout and commands -------------------------------------------------------------

  private _layout(root: HTMLElement): void {
    const menu: MenuSpec = {
      File: [
        // The in-page menu is the web host's (Electron has its native one): a browser's key.
        { label: 'New Case…', shortcut: WEB_NEW_CASE, run: () => this._newCase() },
        { label: 'Open Case…', shortcut: `${MOD}O`, run: () => this._openCase() },
        { label: 'Open Demo Case', run: () => void this._openDemo() },
        'separator',
        { label: 'Report…', shortcut: `${MOD}P`, run: () => this._openReport(), enabled: () => Boolean(this._case) },
        { label: 'Export…', shortcut: `${MOD}E`, run: () => this._openExport(), enabled: () => Boolean(this._case) },
        { label: 'Import Case File…', run: () => this._imports.importCaseFile() },
        { label: 'Import Data…', run: () => this._imports.importData() },
        { label: 'Show Conflicts…', run: () => void this._imports.showConflicts() },
        'separator',
        { label: 'Preferences…', run: () => showPreferencesDialog(this._api) },
      ],
      Edit: [
        { label: 'Undo', shortcut: `${MOD}Z`, run: () => void this._undo(), enabled: () => this._history.canUndo },
        { label: 'Redo', shortcut: `${MOD}Shift+Z`, run: () => void this._redo(), enabled: () => this._history.canRedo },
        'separator',
        { label: 'Add Incident', shortcut: 'I', run: () => this._setPlacing(true) },
        { label: 'Delete Selected Incident', shortcut: 'Del', run: () => this._deleteSelected(), enabled: () => Boolean(this._incidents?.selectedId) },
      ],
      View: [
        { label: 'Find Place…', shortcut: `${MOD}F`, run: () => this._search.focus() },
        { label: 'Zoom to Incidents', run: () => this._fitToIncidents() },
        { label: 'Zoom to Region', run: () => this._map.fitBounds(DEFAULT_VIEW) },
        { label: 'Toggle Incidents Panel', run: () => this._togglePanel() },
      ],
      Zones: zoneMenuItems(() => this._zones),
    };
    this._undoButton.addEventListener('click', () => void this._undo());
    this._redoButton.addEventListener('click', () => void this._redo());
    this._addButton.addEventListener('click', () => this._setPlacing(!this._placing));
    this._history.onChange(() => {
      this._undoButton.disabled = !this._history.canUndo;
      this._redoButton.disabled = !this._history.canRedo;
      this._undoButton.title = this._history.undoLabel ? `Undo ${this._history.undoLabel} (${MOD}Z)` : 'Nothing to undo';
      this._redoButton.title = this._history.redoLabel ? `Redo ${this._history.redoLabel} (${MOD}Shift+Z)` : 'Nothing to redo';
    });
    root.replaceChildren(
      el('header', { class: 'fl-toolbar' },
        el('span', { class: 'fl-brand', text: 'Faultline' }),
        this._app.host === 'web' ? createMenuBar(menu) : null,
        this._caseTitle,
        this._imports.badge,
        this._search.element,
        el('span', { class: 'fl-spacer' }),
        this._addButton,
        this._undoButton,
        this._redoButton),
      el('main', { class: 'fl-main' },
        el('div', { id: 'fl-map', class: 'fl-map', role: 'application', 'aria-label': 'Map' }),
        el('div', { id: 'fl-side', class: 'fl-side' }, this._drawer)),
      el('footer', { class: 'fl-statusbar' },
        this._coords,
        el('span', { class: 'fl-spacer' }),
        el('span', { class: 'fl-status-host', text: this._app.host === 'web' ? `Web host · Faultline ${this._app.version} · offline` : `Faultline ${this._app.version} · offline` })),
    );
  }

  private _runMenuCommand(command: string): void {
    const commands: Record<string, () => void> = {
      'case.new': () => this._newCase(),
      'case.open': () => this._openCase(),
      'case.demo': () => void this._openDemo(),
      'file.report': () => this._openReport(),
      'file.export': () => this._openExport(),
      'case.import': () => this._imports.importCaseFile(),
      'data.import': () => this._imports.importData(),
      'case.conflicts': () => void this._imports.showConflicts(),
      'edit.undo': () => (isTextEditing() ? document.execCommand('undo') : void this._undo()),
      'edit.redo': () => (isTextEditing() ? document.execCommand('redo') : void this._redo()),
      'view.find': () => this._search.focus(),
      'view.togglePanel': () => this._togglePanel(),
      'app.preferences': () => showPreferencesDialog(this._api),
    };
    if (command in ZONE_COMMANDS) ZONE_COMMANDS[command]!(this._zones);
    else commands[command]?.();
  }

  private _wireMap(): void {
    this._map.on('click', (e: L.LeafletMouseEvent) => {
      if (this._placing) {
        this._setPlacing(false);
        this._editor.openNew(e.latlng);
      } else if (!this._zones.handleMapClick(e.latlng, this._incidents.selectedId !== null)) {
        this._incidents.select(null);
        this._panel.select(null);
      }
    });
    this._map.on('contextmenu', (e: L.LeafletMouseEvent) => {
      L.popup({ closeButton: false, className: 'fl-context' })
        .setLatLng(e.latlng)
        .setContent(
          el('button', {
            type: 'button',
            class: 'fl-btn fl-btn-small',
            text: 'Add incident here',
            onclick: () => {
              this._map.closePopup();
              this._editor.openNew(e.latlng);
            },
          }),
        )
        .openOn(this._map);
    });
    this._map.on('mousemove', (e: L.LeafletMouseEvent) => {
      this._coords.textContent = `${e.latlng.lat.toFixed(5)}° N  ${e.latlng.lng.toFixed(5)}° E`;
    });
  }

  private _setPlacing(on: boolean): void {
    this._placing = on;
    this._addButton.setAttribute('aria-pressed', String(on));
    this._addButton.classList.toggle('fl-active', on);
    this._map.getContainer().classList.toggle('fl-placing', on);
    this._dismissPlacingHint?.();
    this._dismissPlacingHint = on ? toast('Click the map where the incident happened (Esc to cancel)', { timeoutMs: 0 }) : null;
  }

  private _togglePanel(): void {
    document.body.classList.toggle('fl-panel-hidden');
    this._map.invalidateSize();
  }

  // ----- cases ---------------------------------------------------------------------------

  private _newCase(): void {
    showNewCaseDialog(this._api, this._app, () => void this._caseOpened());
  }

  private _openCase(): void {
    showOpenCaseDialog(this._api, this._app, () => void this._caseOpened()).catch((err) => toast(errorMessage(err), { kind: 'error' }));
  }

  // ----- reports and exports ------------------------------------------------------------

  private _openReport(): void {
    if (!this._case || !this._basemap || document.querySelector('.fl-backdrop')) return;
    const b = this._map.getBounds();
    const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
    const view: [number, number, number, number] = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -85, 85)];
    showReportDialog({ host: this._host, app: this._app, info: this._case, basemap: this._basemap, view }).catch((err) => toast(errorMessage(err), { kind: 'error' }));
  }

  private _openExport(): void {
    if (!this._case || document.querySelector('.fl-backdrop')) return;
    showExportDialog(this._api, this._app, this._case);
  }

  private async _openDemo(): Promise<void> {
    try {
      await this._api.case.openDemo({});
      await this._caseOpened();
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
    }
  }

  /** Loads the open case into the window (also when another host command opened it). */
  private async _caseOpened(first = false, prefetched?: { info: CaseInfo | null; incidents: Incident[] | null; zones: Zone[] | null }): Promise<void> {
    const info = prefetched ? prefetched.info : await this._api.case.current({});
    const changedCase = info?.id !== this._case?.id || info?.path !== this._case?.path;
    this._case = info;
    if (!changedCase && !first) {
      this._showCaseName(info); // renamed, perhaps
      return;
    }
    this._closeForm();
    this._history.clear();
    // The new case's rows first, then its name with them: the window never shows one case's
    // name over another case's incidents.
    if (prefetched?.incidents) this._state.replaceAll(prefetched.incidents);
    else if (info) await this._state.reload();
    if (info) await this._zones.reload(prefetched?.zones);
    this._showCaseName(info);
    await Promise.all([this._imports.refreshConflicts(), this._overlays?.reload()]);
    this._fitToIncidents();
  }

  private _showCaseName(info: CaseInfo | null): void {
    this._caseTitle.textContent = info ? info.name : 'No case open';
    this._caseTitle.title = info ? info.path : '';
    document.title = info ? `${info.name} — Faultline` : 'Faultline';
  }

  private _fitToIncidents(): void {
    const points = this._state.all().map((i) => L.latLng(i.fields.lat, i.fields.lon));
    if (points.length) this._map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 11 });
    else this._map.fitBounds(DEFAULT_VIEW);
  }

  // ----- incidents -----------------------------------------------------------------------

  private _focusIncident(incident: Incident): void {
    this._panel.select(incident.id);
    this._incidents.focus(incident);
  }

  /** A zone was selected: it alone is selected, and the Zones tab shows its details. */
  private _zoneSelected(zone: Zone | null): void {
    if (!zone) return;
    this._incidents.select(null);
    this._panel.select(null);
    this._tabs.show(1);
  }

  private _flyToPlace(place: PlaceRecord): void {
    this._map.flyTo([place.lat, place.lon], 12, { duration: 0.8 });
  }

  private _closeForm(): void {
    this._zones?.closeForm();
    this._editor?.close();
  }

  private _deleteSelected(): void {
    if (this._zones.selectedId) return void this._zones.removeSelected();
    const id = this._incidents.selectedId;
    const incident = id ? this._state.get(id) : undefined;
    if (incident) void this._editor.remove(incident);
  }

  private async _undo(): Promise<void> {
    try {
      const label = await this._history.undo();
      if (label) toast(`Undid: ${label}`, { timeoutMs: 2500 });
    } catch (err) {
      toast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' });
    }
  }

  private async _redo(): Promise<void> {
    try {
      const label = await this._history.redo();
      if (label) toast(`Redid: ${label}`, { timeoutMs: 2500 });
    } catch (err) {
      toast(`Could not redo: ${errorMessage(err)}`, { kind: 'error' });
    }
  }
}
