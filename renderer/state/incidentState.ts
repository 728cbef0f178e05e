import type { FaultlineApi } from '../../shared/api/contract';
import type { Incident, IncidentFields } from '../../shared/domain/incident';
import type { UndoStack } from '../history/undoStack';

export type IncidentChange =
  | { kind: 'reset' }
  | { kind: 'upsert'; incident: Incident }
  | { kind: 'remove'; id: string };

/**
 * The incidents of the open case as the UI shows them, and the actions that change them.
 * Every action writes through the API at once (the case is saved as it is made) and pushes
 * its inverse on the undo stack.
 */
export class IncidentState {
  private readonly _byId = new Map<string, Incident>();
  private readonly _listeners = new Set<(change: IncidentChange) => void>();

  constructor(
    private readonly _api: FaultlineApi,
    private readonly _history: UndoStack,
  ) {}

  all(): Incident[] {
    return [...this._byId.values()];
  }
  get(id: string): Incident | undefined {
    return this._byId.get(id);
  }
  get size(): number {
    return this._byId.size;
  }

  onChange(listener: (change: IncidentChange) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Reloads every live incident of the open case. */
  async reload(): Promise<void> {
    this.replaceAll(await this._api.incidents.list({}));
  }

  /** Replaces the whole set (a freshly opened case). */
  replaceAll(incidents: Incident[]): void {
    this._byId.clear();
    for (const incident of incidents) this._byId.set(incident.id, incident);
    this._emit({ kind: 'reset' });
  }

  async create(fields: IncidentFields): Promise<Incident> {
    const created = await this._api.incidents.save({ fields });
    this._upsert(created);
    const id = created.id;
    this._history.push({
      label: `Add “${created.fields.title}”`,
      undo: async () => this._remove(await this._api.incidents.delete({ id })),
      redo: async () => this._upsert(await this._api.incidents.restore({ id })),
    });
    return created;
  }

  async update(before: Incident, fields: IncidentFields, label = `Edit “${fields.title}”`): Promise<Incident> {
    const id = before.id;
    const saved = await this._api.incidents.save({ id, fields });
    this._upsert(saved);
    this._history.push({
      label,
      undo: async () => this._upsert(await this._api.incidents.save({ id, fields: before.fields })),
      redo: async () => this._upsert(await this._api.incidents.save({ id, fields })),
    });
    return saved;
  }

  move(before: Incident, lon: number, lat: number): Promise<Incident> {
    return this.update(before, { ...before.fields, lon, lat }, `Move “${before.fields.title}”`);
  }

  async delete(incident: Incident): Promise<void> {
    const id = incident.id;
    this._remove(await this._api.incidents.delete({ id }));
    this._history.push({
      label: `Delete “${incident.fields.title}”`,
      undo: async () => this._upsert(await this._api.incidents.restore({ id })),
      redo: async () => this._remove(await this._api.incidents.delete({ id })),
    });
  }

  private _upsert(incident: Incident): void {
    if (incident.provenance.deleted_at) return this._remove(incident);
    this._byId.set(incident.id, incident);
    this._emit({ kind: 'upsert', incident });
  }

  private _remove(incident: Incident): void {
    this._byId.delete(incident.id);
    this._emit({ kind: 'remove', id: incident.id });
  }

  private _emit(change: IncidentChange): void {
    for (const l of this._listeners) l(change);
  }
}
