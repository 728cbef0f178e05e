import L from 'leaflet';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Zone, ZoneFields } from '../../shared/domain/zone';
import type { BasemapFiles } from '../map/basemapData';
import { el } from '../ui/dom';
import { showBufferDialog, type BufferSide } from './bufferDialog';
import { MeasureTool } from './measureTool';
import type { MeasureReadout } from './measureReadout';
import { RangeRingsTool } from './rangeRingsTool';

export type ToolName = 'measure' | 'rings' | 'buffer';

export interface AnalysisToolsHooks {
  /** Opens the zone form for a new zone of this shape. */
  startZone(geometry: Geometry, defaults: Partial<ZoneFields>, notice: string): void;
  /** A tool is about to take the map's clicks: drawing tools stop. */
  starting(): void;
}

const READOUT = 'point-buffer';

/**
 * The analysis tools under the drawing toolbar: measure, range rings, and buffer around a
 * point (a zone's buffer starts from its details). One tool at a time; each cleans up when
 * left.
 */
export class AnalysisTools {
  private readonly _measure: MeasureTool;
  private readonly _rings: RangeRingsTool;
  private readonly _buttons = new Map<ToolName, HTMLButtonElement>();
  private readonly _sides: BufferSide[];
  private _active: ToolName | null = null;

  constructor(
    private readonly _map: L.Map,
    private readonly _readout: MeasureReadout,
    basemap: BasemapFiles,
    private readonly _hooks: AnalysisToolsHooks,
  ) {
    this._sides = basemap.countries.features
      .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
      .map((f) => ({ id: String(f.properties?.iso3), name: String(f.properties?.name), geometry: f.geometry as Polygon | MultiPolygon }));
    this._measure = new MeasureTool(_map, _readout, {
      keep: (points, asArea) => this._keep(points, asArea),
      ended: () => this._setActive(null),
    });
    this._rings = new RangeRingsTool(_map, _readout, () => this._setActive(null));
    // Top right, under the layers: the left side holds the drawing toolbar and the legend.
    const control = new L.Control({ position: 'topright' });
    control.onAdd = () => {
      const bar = el('div', { class: 'fl-tools leaflet-bar', role: 'toolbar', 'aria-label': 'Analysis tools' });
      const button = (name: ToolName, label: string, title: string) => {
        const b = el('button', { type: 'button', text: label, title, 'aria-pressed': 'false', onclick: () => this.toggle(name) });
        this._buttons.set(name, b);
        bar.append(b);
      };
      button('measure', 'Measure', 'Measure distance, bearing and area (M)');
      button('rings', 'Rings', 'Range rings around a point');
      button('buffer', 'Buffer', 'Make a zone N km around a point (a zone’s buffer is in its details)');
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    };
    control.addTo(_map);
  }

  get active(): ToolName | null {
    return this._active;
  }

  toggle(name: ToolName): void {
    this._setActive(this._active === name ? null : name);
  }

  stop(): void {
    this._setActive(null);
  }

  /** The buffer dialog for a zone (from its details). */
  bufferZone(zone: Zone): void {
    this._setActive(null);
    showBufferDialog({
      subject: `“${zone.fields.name}”`,
      geometry: zone.fields.geometry,
      sides: this._sides,
      done: ({ geometry, km, side }) =>
        this._hooks.startZone(geometry, { kind: 'buffer', name: `${km} km around ${zone.fields.name}`.slice(0, 200), affiliation: zone.fields.affiliation, force: zone.fields.force }, `Buffer of ${km} km around “${zone.fields.name}”${side ? `, only the part in ${side.name}` : ''}.`),
    });
  }

  private _setActive(name: ToolName | null): void {
    if (this._active === name) return;
    if (name) this._hooks.starting();
    const previous = this._active;
    this._active = name;
    if (previous === 'measure') this._measure.disable();
    if (previous === 'rings') this._rings.disable();
    if (previous === 'buffer') this._endPointPick();
    if (name === 'measure') this._measure.enable();
    if (name === 'rings') this._rings.enable();
    if (name === 'buffer') this._startPointPick();
    for (const [tool, b] of this._buttons) b.setAttribute('aria-pressed', String(tool === name));
  }

  private _startPointPick(): void {
    this._map.getContainer().classList.add('fl-measuring');
    this._map.on('click', this._onPointPicked, this);
    this._readout.show(READOUT, 'Buffer', ['Click the point to buffer'], [{ label: 'Cancel', run: () => this._setActive(null) }]);
  }

  private _endPointPick(): void {
    this._map.getContainer().classList.remove('fl-measuring');
    this._map.off('click', this._onPointPicked, this);
    this._readout.hide(READOUT);
  }

  private _onPointPicked(e: L.LeafletMouseEvent): void {
    const at: Position = [Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6];
    this._setActive(null);
    const label = `${at[1]!.toFixed(4)}° N, ${at[0]!.toFixed(4)}° E`;
    showBufferDialog({
      subject: label,
      geometry: { type: 'Point', coordinates: at },
      sides: this._sides,
      done: ({ geometry, km, side }) => this._hooks.startZone(geometry, { kind: 'buffer', name: `${km} km around ${label}` }, `Buffer of ${km} km around ${label}${side ? `, only the part in ${side.name}` : ''}.`),
    });
  }

  private _keep(points: Position[], asArea: boolean): void {
    const geometry: Geometry = asArea ? { type: 'Polygon', coordinates: [[...points, points[0]!]] } : { type: 'LineString', coordinates: points };
    this._hooks.startZone(geometry, asArea ? {} : { kind: 'route' }, asArea ? 'The measured points, kept as an area.' : 'The measured points, kept as a line.');
  }
}
