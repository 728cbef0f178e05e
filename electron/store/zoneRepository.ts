import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { timestamp } from '../../shared/domain/dates';
import { Uuid } from '../../shared/domain/incident';
import { ZoneFieldsSchema, type Zone, type ZoneFields } from '../../shared/domain/zone';
import type { AuditLog } from './auditLog';
import { newRowId } from './rowIds';
import { INSERT_ZONE_SQL, SELECT_ZONE_SQL, UPDATE_ZONE_SQL, rowToZone, zoneInsertValues, zoneUpdateValues, type ZoneRow } from './zoneRows';

export interface ZoneQuery {
  /** [west, south, east, north]: zones whose bounding box meets it (through the R*Tree). */
  bbox?: [number, number, number, number];
}

function checkZone(fields: unknown): ZoneFields {
  const result = ZoneFieldsSchema.safeParse(fields);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(zone)', message: i.message }));
  throw new ApiError('invalid', problems.map((p) => p.message).join('; '), problems);
}

/**
 * The zones of a case: the same rules as incidents (UUID identity, provenance, tombstones, one
 * audit row per change, everything in one transaction, R*Tree kept by the GeoPackage triggers).
 * Used by GpkgCaseStore, which owns the connection and checks it may write.
 */
export class ZoneRepository {
  private readonly read: { byId: Database.Statement; all: Database.Statement; inBox: Database.Statement };
  private write: { insert: Database.Statement; update: Database.Statement; setDeleted: Database.Statement; touch: Database.Statement } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly caseId: string,
    private readonly audit: () => AuditLog,
  ) {
    this.read = {
      byId: db.prepare(`${SELECT_ZONE_SQL} WHERE id = ?`),
      all: db.prepare(`${SELECT_ZONE_SQL} WHERE deleted_at IS NULL ORDER BY name, id`),
      inBox: db.prepare(
        `${SELECT_ZONE_SQL} WHERE deleted_at IS NULL AND fid IN
           (SELECT id FROM rtree_zones_geom WHERE minx <= @e AND maxx >= @w AND miny <= @n AND maxy >= @s)
         ORDER BY name, id`,
      ),
    };
  }

  private get w() {
    this.write ??= {
      insert: this.db.prepare(INSERT_ZONE_SQL),
      update: this.db.prepare(UPDATE_ZONE_SQL),
      setDeleted: this.db.prepare(`UPDATE zones SET deleted_at = ?, updated_at = ?, author = ? WHERE id = ?`),
      touch: this.db.prepare(`UPDATE gpkg_contents SET last_change = ? WHERE table_name = 'zones'`),
    };
    return this.write;
  }

  private findRow(id: string): ZoneRow | undefined {
    if (!Uuid.safeParse(id).success) return undefined;
    return this.read.byId.get(id) as ZoneRow | undefined;
  }

  private requireRow(id: string): ZoneRow {
    const row = this.findRow(id);
    if (!row) throw new ApiError('not_found', `There is no zone with id ${String(id).slice(0, 64)} in this case.`);
    return row;
  }

  list(query: ZoneQuery = {}): Zone[] {
    const rows = query.bbox
      ? this.read.inBox.all({ w: query.bbox[0], s: query.bbox[1], e: query.bbox[2], n: query.bbox[3] })
      : this.read.all.all();
    return (rows as ZoneRow[]).map(rowToZone);
  }

  get(id: string): Zone {
    return rowToZone(this.requireRow(id));
  }

  save(input: { id?: string; fields: ZoneFields }, author: string): Zone {
    const fields = checkZone(input.fields);
    if (input.id !== undefined && !Uuid.safeParse(input.id).success) throw new ApiError('invalid', 'The zone id is not a valid UUID');
    const now = timestamp();
    return this.db.transaction(() => {
      const existing = input.id === undefined ? undefined : this.findRow(input.id);
      let result: Zone;
      if (existing) {
        const before = rowToZone(existing);
        if (JSON.stringify(before.fields) === JSON.stringify(fields)) return before;
        result = { id: existing.id, fields, provenance: { ...before.provenance, updated_at: now, author } };
        this.w.update.run(zoneUpdateValues(existing.id, fields, now, author));
        this.audit().record({ at: now, author, table: 'zones', rowId: existing.id, action: 'update', before, after: result });
      } else {
        const id = input.id ?? newRowId();
        result = { id, fields, provenance: { created_at: now, updated_at: now, author, origin_case: this.caseId, deleted_at: null } };
        this.w.insert.run(zoneInsertValues(id, fields, result.provenance, author));
        this.audit().record({ at: now, author, table: 'zones', rowId: id, action: 'create', before: null, after: result });
      }
      this.w.touch.run(now);
      return result;
    })();
  }

  setTombstone(id: string, author: string, deleting: boolean): Zone {
    const now = timestamp();
    return this.db.transaction(() => {
      const before = rowToZone(this.requireRow(id));
      if ((before.provenance.deleted_at !== null) === deleting) return before;
      const deletedAt = deleting ? now : null;
      const after: Zone = { ...before, provenance: { ...before.provenance, deleted_at: deletedAt, updated_at: now, author } };
      this.w.setDeleted.run(deletedAt, now, author, id);
      this.audit().record({ at: now, author, table: 'zones', rowId: id, action: deleting ? 'delete' : 'restore', before, after });
      this.w.touch.run(now);
      return after;
    })();
  }
}
