import L from 'leaflet';
import type { FaultlineApi } from '../../shared/api/contract';
import { newIncidentFields, type Incident, type IncidentFields } from '../../shared/domain/incident';
import { IncidentForm } from '../forms/incidentForm';
import type { IncidentLayer } from '../map/incidentLayer';
import type { IncidentPanel } from '../panels/incidentPanel';
import type { IncidentState } from '../state/incidentState';
import { errorMessage, toast } from '../ui/toast';

export interface IncidentEditorOptions {
  map: L.Map;
  api: FaultlineApi;
  state: IncidentState;
  panel: IncidentPanel;
  layer: IncidentLayer;
  /** The side drawer the form opens in (shared with the zone form). */
  drawer: HTMLElement;
  /** Closes any other form using the drawer. */
  closeOtherForms(): void;
  undo(): void;
  /** The gazetteer place nearest a point, offered as the location name. */
  nearestPlace?(lon: number, lat: number): { name: string; km: number } | null;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * Creating, editing, moving and deleting incidents from the map: the form in the side drawer,
 * the draggable marker of a new incident, and the confirmations with their Undo button.
 */
export class IncidentEditor {
  private _form: { form: IncidentForm; preview: L.Marker | null } | null = null;

  constructor(private readonly _o: IncidentEditorOptions) {}

  openNew(at: L.LatLng): void {
    const today = new Date().toISOString().slice(0, 10);
    this.open(null, newIncidentFields(round6(at.lng), round6(at.lat), today));
  }

  open(incident: Incident | null, initial?: IncidentFields): void {
    this.close();
    this._o.closeOtherForms();
    const { map, state } = this._o;
    const fields = initial ?? incident!.fields;
    const preview = incident
      ? null
      : L.marker([fields.lat, fields.lon], {
          draggable: true,
          title: 'New incident: drag to adjust',
          icon: L.divIcon({ className: 'fl-new-marker', iconSize: [22, 22], iconAnchor: [11, 11] }),
        }).addTo(map);
    const undoAction = { label: 'Undo', run: () => this._o.undo() };
    const form = new IncidentForm({
      api: this._o.api,
      nearestPlace: this._o.nearestPlace,
      incident,
      initial: fields,
      save: async (next) => {
        if (incident) {
          await state.update(incident, next);
          toast(`Saved “${next.title}”`, { action: undoAction });
        } else {
          const created = await state.create(next);
          toast(`Added “${created.fields.title}”`, { action: undoAction });
          this._o.panel.select(created.id);
          this._o.layer.select(created.id);
        }
        this.close();
      },
      remove: incident ? () => void this.remove(incident).then(() => this.close()) : undefined,
      close: () => this.close(),
      onPositionChange: (lon, lat) => preview?.setLatLng([lat, lon]),
    });
    preview?.on('dragend', () => {
      const p = preview.getLatLng();
      form.setPosition(round6(p.lng), round6(p.lat));
    });
    this._form = { form, preview };
    this._o.drawer.replaceChildren(form.element);
    this._o.drawer.hidden = false;
    document.body.classList.add('fl-form-open');
    form.focus();
  }

  close(): void {
    if (!this._form) return;
    this._form.preview?.remove();
    this._form = null;
    this._o.drawer.hidden = true;
    this._o.drawer.replaceChildren();
    document.body.classList.remove('fl-form-open');
  }

  async move(incident: Incident, lon: number, lat: number): Promise<void> {
    try {
      await this._o.state.move(incident, lon, lat);
      toast(`Moved “${incident.fields.title}”`, { action: { label: 'Undo', run: () => this._o.undo() } });
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
      this._o.layer.redrawAll();
    }
  }

  async remove(incident: Incident): Promise<void> {
    try {
      this._o.map.closePopup();
      await this._o.state.delete(incident);
      toast(`Deleted “${incident.fields.title}”`, { action: { label: 'Undo', run: () => this._o.undo() } });
    } catch (err) {
      toast(errorMessage(err), { kind: 'error' });
    }
  }
}
