import type { FaultlineApi } from '../../shared/api/contract';
import type { Zone, ZoneFields } from '../../shared/domain/zone';
import type { UndoStack } from '../history/undoStack';

export type ZoneChange = { kind: 'reset' } | { kind: 'upsert'; zone: Zone } | { kind: 'remove'; id: string };

/**
 * The zones of the open case as the UI shows them, and the actions that change them. Like
 * incidents: every action writes through the API at once and pushes its inverse on the shared
 * undo stack, so Ctrl+Z undoes a redrawn outline as it undoes an edited title.
 */
export class ZoneState {
  private readonly _byId = new Map<string, Zone>();
  private readonly _listeners = new Set<(change: ZoneChange) => void>();

  constructor(
    private readonly _api: FaultlineApi,
    private readonly _history: UndoStack,
  ) {}

  all(): Zone[] {
    return [...this._byId.values()].sort((a, b) => a.fields.name.localeCompare(b.fields.name) || a.id.localeCompare(b.id));
  }
  get(id: string): Zone | undefined {
    return this._byId.get(id);
  }
  get size(): number {
    return this._byId.size;
  }

  onChange(listener: (change: ZoneChange) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  async reload(): Promise<void> {
    this.replaceAll(await this._api.zones.list({}));
  }

  replaceAll(zones: Zone[]): void {
    this._byId.clear();
    for (const zone of zones) this._byId.set(zone.id, zone);
    this._emit({ kind: 'reset' });
  }

  async create(fields: ZoneFields): Promise<Zone> {
    const created = await this._api.zones.save({ fields });
    this._upsert(created);
    const id = created.id;
    this._history.push({
      label: `Add zone “${created.fields.name}”`,
      undo: async () => this._remove(await this._api.zones.delete({ id })),
      redo: async () => this._upsert(await this._api.zones.restore({ id })),
    });
    return created;
  }

  async update(before: Zone, fields: ZoneFields, label = `Edit zone “${fields.name}”`): Promise<Zone> {
    const id = before.id;
    const saved = await this._api.zones.save({ id, fields });
    this._upsert(saved);
    this._history.push({
      label,
      undo: async () => this._upsert(await this._api.zones.save({ id, fields: before.fields })),
      redo: async () => this._upsert(await this._api.zones.save({ id, fields })),
    });
    return saved;
  }

  async delete(zone: Zone): Promise<void> {
    const id = zone.id;
    this._remove(await this._api.zones.delete({ id }));
    this._history.push({
      label: `Delete zone “${zone.fields.name}”`,
      undo: async () => this._upsert(await this._api.zones.restore({ id })),
      redo: async () => this._remove(await this._api.zones.delete({ id })),
    });
  }

  /** Shows a zone as it is in the case again (after the map was edited but the save failed). */
  refresh(id: string): void {
    const zone = this._byId.get(id);
    if (zone) this._emit({ kind: 'upsert', zone });
  }

  private _upsert(zone: Zone): void {
    if (zone.provenance.deleted_at) return this._remove(zone);
    this._byId.set(zone.id, zone);
    this._emit({ kind: 'upsert', zone });
  }

  private _remove(zone: Zone): void {
    this._byId.delete(zone.id);
    this._emit({ kind: 'remove', id: zone.id });
  }

  private _emit(change: ZoneChange): void {
    for (const l of this._listeners) l(change);
  }
}
