import type Database from 'better-sqlite3';
import { timestamp } from '../../../shared/domain/dates';
import type { ForeignImportResult, ForeignLayerChoice } from '../../../shared/domain/foreign';
import { incidentCandidate, zoneCandidate } from '../../../shared/domain/foreignMapping';
import { IncidentFieldsSchema, type AdminArea, type Incident } from '../../../shared/domain/incident';
import { ZoneFieldsSchema, type Zone } from '../../../shared/domain/zone';
import { encodeGpkgGeometry } from '../../store/gpkgBinary';
import { rowIdFromKey } from '../../store/rowIds';
import { ImportFileError } from '../importErrors';
import { MergeWriter, type MergeRow } from '../mergeWriter';
import { featureKey, overlayKey } from './featureIdentity';
import { flatGeometry } from './flatGeometry';
import type { ForeignDataset, ForeignFeature, ForeignLayer } from './foreignLayer';
import { UpdatedFeature } from './updatedFeature';

/**
 * Writes the layers the analyst mapped into the case, in one transaction: incidents and zones
 * (every row validated with the same schemas as a save; the ones that fail are listed with the
 * reason and skipped only if the analyst chose to import the valid part), and reference
 * overlays. A dry run does all of it and rolls back, so the mapping step can show what would
 * happen.
 *
 * Imported rows get ids derived from what identifies the feature (featureIdentity.ts: ACLED's
 * event id, a UUID, or else its content), so importing the same file again adds nothing; a
 * feature that comes again changed, under its own id, updates the row (or, when the analyst
 * changed the row since, waits as a conflict: updatedFeature.ts). New rows are created now, by
 * the analyst, in this case; the audit entry names the file they came from.
 */

export interface ApplyForeignOptions {
  caseId: string;
  author: string;
  importId: string;
  lookup(lon: number, lat: number): AdminArea;
  importValidPart: boolean;
  dryRun: boolean;
}

const SKIPPED_LISTED = 200;
/** Vertices kept per overlay: enough for detailed borders, not for a whole country's roads. */
const OVERLAY_VERTICES = 1_000_000;

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

function labelOf(f: ForeignFeature, fallback: string): string {
  const name = f.properties.name ?? f.properties.title ?? f.properties.event_id_cnty;
  const text = typeof name === 'string' || typeof name === 'number' ? String(name) : fallback;
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** What a data import wrote (the import's id and undo are added by foreignImport.ts). */
export type ForeignWriteResult = Omit<ForeignImportResult, 'importId' | 'undoable'>;

/** Whether a data import changed the case. */
export function wroteAnything(r: ForeignWriteResult): boolean {
  return r.incidents + r.zones + r.updated + r.conflicts + r.overlays > 0;
}

export function applyForeignImport(db: Database.Database, dataset: ForeignDataset, choices: ForeignLayerChoice[], options: ApplyForeignOptions): ForeignWriteResult {
  const result: ForeignWriteResult = { incidents: 0, zones: 0, updated: 0, conflicts: 0, overlays: 0, overlayFeatures: 0, unchanged: 0, skipped: { total: 0, rows: [] } };
  const writer = new MergeWriter(db, options.caseId);
  const now = timestamp();
  const provenance = { created_at: now, updated_at: now, author: options.author, origin_case: options.caseId, deleted_at: null };
  const from = { import_id: options.importId, case_id: '', case_name: dataset.fileName };
  const skip = (layer: ForeignLayer, row: number, f: ForeignFeature, reason: string) => {
    result.skipped.total++;
    if (result.skipped.rows.length < SKIPPED_LISTED) result.skipped.rows.push({ layer: layer.name, row, label: labelOf(f, `row ${row}`), reason });
  };
  const created = { incidents: [] as string[], zones: [] as string[] };
  const insertOverlay = db.prepare(
    `INSERT INTO reference_overlays (id, name, color, visible, source_file, feature_count, created_at, created_by) VALUES (?, ?, ?, 1, ?, 0, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const insertFeature = db.prepare(`INSERT INTO reference_features (overlay_id, geom, properties) VALUES (?, ?, ?)`);
  const countFeatures = db.prepare(`UPDATE reference_overlays SET feature_count = ? WHERE id = ?`);

  db.exec('BEGIN IMMEDIATE');
  try {
    const existing = new UpdatedFeature(db, writer, options.caseId, from, now, options.author);
    /** Adds a row, or offers it as a new version of the row already under its key. */
    const changedTables = new Set<MergeRow['table']>();
    const add = (row: MergeRow, byId: boolean) => {
      if (writer.insert(row, options.author)) {
        created[row.table].push(row.value.id);
        changedTables.add(row.table);
        return;
      }
      const outcome = byId ? existing.offer(row) : 'unchanged';
      if (outcome === 'unchanged') result.unchanged++;
      else {
        result[outcome === 'updated' ? 'updated' : 'conflicts']++;
        changedTables.add(row.table);
      }
    };
    for (const choice of choices) {
      const layer = dataset.layers.find((l) => l.id === choice.id);
      if (!layer || choice.target === 'skip') continue;
      if (choice.target === 'overlay') {
        const id = rowIdFromKey(overlayKey(dataset, layer));
        if (insertOverlay.run(id, choice.name ?? layer.name, choice.color ?? '#1c5d99', dataset.fileName, now, options.author).changes === 0) {
          result.unchanged += layer.features.length;
          continue;
        }
        let kept = 0;
        let vertices = 0;
        layer.features.forEach((f, i) => {
          const flat = flatGeometry(f.geometry);
          if (!flat.ok) return skip(layer, i + 1, f, flat.reason);
          if ((vertices += flat.vertices) > OVERLAY_VERTICES) return skip(layer, i + 1, f, `the overlay would pass ${OVERLAY_VERTICES.toLocaleString('en')} points`);
          insertFeature.run(id, encodeGpkgGeometry(flat.geometry), JSON.stringify(f.properties));
          kept++;
        });
        countFeatures.run(kept, id);
        writer.recordAudit({ at: now, author: options.author, table: 'reference_overlays', rowId: id, action: 'create', before: null, after: { name: choice.name ?? layer.name, feature_count: kept, merged_from: from } });
        result.overlays++;
        result.overlayFeatures += kept;
        continue;
      }
      const mapping = choice.mapping ?? {};
      layer.features.forEach((f, i) => {
        const flat = flatGeometry(f.geometry);
        if (!flat.ok) return skip(layer, i + 1, f, flat.reason);
        const { key, byId } = featureKey(dataset, layer, f);
        const id = rowIdFromKey(key);
        if (choice.target === 'incidents') {
          const g = flat.geometry;
          const point = g.type === 'Point' ? g.coordinates : g.type === 'MultiPoint' && g.coordinates.length === 1 ? g.coordinates[0]! : null;
          if (!point) return skip(layer, i + 1, f, `an incident needs a point, and this is a ${g.type}`);
          const [lon, lat] = point as [number, number];
          const fields = IncidentFieldsSchema.safeParse({ ...incidentCandidate(f.properties, mapping), lon, lat });
          if (!fields.success) return skip(layer, i + 1, f, issues(fields.error));
          const incident: Incident = { id, fields: fields.data, admin: options.lookup(lon, lat), provenance };
          add({ table: 'incidents', value: incident }, byId);
        } else {
          const g = flat.geometry;
          if (g.type === 'Point' || g.type === 'MultiPoint') return skip(layer, i + 1, f, 'a zone needs an area or a line, and this is a point');
          const fields = ZoneFieldsSchema.safeParse({ ...zoneCandidate(f.properties, mapping), geometry: g, circle: null });
          if (!fields.success) return skip(layer, i + 1, f, issues(fields.error));
          const zone: Zone = { id, fields: fields.data, provenance };
          add({ table: 'zones', value: zone }, byId);
        }
      });
    }
    result.incidents = created.incidents.length;
    result.zones = created.zones.length;
    if (result.skipped.total > 0 && !options.importValidPart && !options.dryRun) {
      const first = result.skipped.rows[0]!;
      const n = result.skipped.total;
      throw new ImportFileError('invalid_rows', `“${dataset.fileName}” has ${n} row${n === 1 ? '' : 's'} Faultline cannot import (${first.layer}, “${first.label}”: ${first.reason}); nothing was changed. Import the valid part to skip ${n === 1 ? 'it' : 'them'}.`);
    }
    for (const table of changedTables) {
      writer.auditCreated(now, options.author, table, created[table], from);
      writer.touch(now, table);
    }
    if (result.overlays) writer.touch(now, 'reference_features');
    db.exec(options.dryRun ? 'ROLLBACK' : 'COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
