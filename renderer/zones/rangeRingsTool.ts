import L from 'leaflet';
import { rangeRings } from '../../shared/geo/analysis/rangeRings';
import { el } from '../ui/dom';
import type { MeasureReadout } from './measureReadout';

const READOUT = 'rings';

/**
 * Range rings: geodesic circles of several radii around a clicked point (a battery's reach,
 * a unit's day march). The radii are typed in the readout; each click draws the rings around
 * the new point. The rings stay on the map after the tool is left, until cleared.
 */
export class RangeRingsTool extends L.Handler {
  /** Set by L.Handler (not in Leaflet's type definitions). */
  declare protected _map: L.Map;
  private readonly _rings = L.layerGroup();
  private readonly _radii = el('input', { type: 'text', class: 'fl-input', value: '5, 10, 20', 'aria-label': 'Ring radii in km', 'data-testid': 'ring-radii' });
  private _count = 0;

  constructor(
    map: L.Map,
    private readonly _readout: MeasureReadout,
    private readonly _ended: () => void,
  ) {
    super(map);
  }

  override addHooks(): void {
    this._rings.addTo(this._map);
    this._map.getContainer().classList.add('fl-measuring');
    this._map.on('click', this._onClick, this);
    this._show();
  }

  override removeHooks(): void {
    this._map.getContainer().classList.remove('fl-measuring');
    this._map.off('click', this._onClick, this);
    this._readout.hide(READOUT);
  }

  clear(): void {
    this._rings.clearLayers();
    this._count = 0;
  }

  private _radiiKm(): number[] {
    return this._radii.value.split(/[,;\s]+/).map(Number).filter((r) => Number.isFinite(r) && r > 0 && r <= 2000);
  }

  private _onClick(e: L.LeafletMouseEvent): void {
    const radii = this._radiiKm();
    if (!radii.length) return this._show('Type one or more radii in km, e.g. 5, 10, 20');
    this._rings.clearLayers();
    const centre: [number, number] = [e.latlng.lng, e.latlng.lat];
    const rings = rangeRings(centre, radii);
    for (const ring of rings.features) {
      const latlngs = ring.geometry.coordinates.map(([lon, lat]) => L.latLng(lat!, lon!));
      const line = L.polyline(latlngs, { color: '#6b2d8b', weight: 1.8, dashArray: '8 4', interactive: false, pmIgnore: true } as L.PolylineOptions);
      // The label sits on the ring's northernmost point (a quarter of the way round from east).
      const north = latlngs[Math.round(latlngs.length / 4)] ?? latlngs[0]!;
      this._rings.addLayer(line);
      this._rings.addLayer(L.tooltip({ permanent: true, direction: 'top', className: 'fl-ring-label' }).setLatLng(north).setContent(el('span', { text: ring.properties.label })));
    }
    this._rings.addLayer(L.circleMarker(e.latlng, { radius: 3, color: '#6b2d8b', fillOpacity: 1, interactive: false, pmIgnore: true } as L.CircleMarkerOptions));
    this._count = rings.features.length;
    this._show();
  }

  private _show(problem = ''): void {
    const lines: (string | Node)[] = [el('label', { class: 'fl-readout-field' }, 'Radii (km) ', this._radii)];
    lines.push(problem || (this._count ? `${this._count} ring${this._count > 1 ? 's' : ''} drawn; click elsewhere to move them` : 'Click the centre of the rings'));
    this._readout.show(READOUT, 'Range rings', lines, [
      { label: 'Clear rings', run: () => { this.clear(); this._show(); } },
      { label: 'Done', run: () => { this.disable(); this._ended(); } },
    ]);
  }
}
