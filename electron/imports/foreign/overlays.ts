import type Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ApiError } from '../../../shared/api/errors';
import { timestamp } from '../../../shared/domain/dates';
import type { Overlay } from '../../../shared/domain/foreign';
import { AuditLog } from '../../store/auditLog';
import { GeometryBlobError, decodeGpkgGeometry } from '../../store/gpkgBinary';

/**
 * Reference overlays of a case (migration 3): listed, drawn whole, shown or hidden, removed.
 * They are never edited; removing one deletes its rows (it is reference data from a file the
 * analyst still has), with an audit entry.
 */

interface OverlayRow {
  id: string;
  name: string;
  color: string;
  visible: number;
  source_file: string;
  feature_count: number;
}

export function listOverlays(db: Database.Database): Overlay[] {
  return (db.prepare(`SELECT id, name, color, visible, source_file, feature_count FROM reference_overlays ORDER BY fid`).all() as OverlayRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    visible: r.visible === 1,
    sourceFile: r.source_file,
    featureCount: r.feature_count,
  }));
}

function requireOverlay(db: Database.Database, id: string): OverlayRow {
  const row = db.prepare(`SELECT id, name, color, visible, source_file, feature_count FROM reference_overlays WHERE id = ?`).get(id) as OverlayRow | undefined;
  if (!row) throw new ApiError('not_found', 'There is no such overlay in this case.');
  return row;
}

export function overlayFeatures(db: Database.Database, id: string): FeatureCollection {
  requireOverlay(db, id);
  const features: Feature[] = [];
  for (const r of db.prepare(`SELECT geom, properties FROM reference_features WHERE overlay_id = ? ORDER BY fid`).iterate(id) as IterableIterator<{ geom: Buffer; properties: string }>) {
    try {
      const { geometry, empty } = decodeGpkgGeometry(r.geom);
      if (empty) continue;
      features.push({ type: 'Feature', geometry: geometry as Geometry, properties: JSON.parse(r.properties) as Record<string, unknown> });
    } catch (err) {
      if (!(err instanceof GeometryBlobError) && !(err instanceof SyntaxError)) throw err;
    }
  }
  return { type: 'FeatureCollection', features };
}

export function setOverlayVisible(db: Database.Database, id: string, visible: boolean): Overlay {
  requireOverlay(db, id);
  db.prepare(`UPDATE reference_overlays SET visible = ? WHERE id = ?`).run(visible ? 1 : 0, id);
  return listOverlays(db).find((o) => o.id === id)!;
}

export function deleteOverlay(db: Database.Database, caseId: string, id: string, author: string): void {
  db.transaction(() => {
    const before = requireOverlay(db, id);
    db.prepare(`DELETE FROM reference_features WHERE overlay_id = ?`).run(id);
    db.prepare(`DELETE FROM reference_overlays WHERE id = ?`).run(id);
    new AuditLog(db, caseId).record({ at: timestamp(), author, table: 'reference_overlays', rowId: id, action: 'delete', before, after: null });
  })();
}
