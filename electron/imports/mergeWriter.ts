import type Database from 'better-sqlite3';
import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';
import { AuditLog, type AuditAction, type AuditEntry } from '../store/auditLog';
import { INCIDENT_COLUMNS, INCIDENT_EDITABLE_COLUMNS, SELECT_INCIDENT_SQL, insertValues, rowToIncident, updateValues, type IncidentRow } from '../store/incidentRows';
import { spatialIndexTriggerSql, triggerName } from '../store/rtree';
import { CASE_SPATIAL_INDEXES } from '../store/schemaCheck';
import { SELECT_ZONE_SQL, ZONE_COLUMNS, ZONE_EDITABLE_COLUMNS, rowToZone, zoneInsertValues, zoneUpdateValues, type ZoneRow } from '../store/zoneRows';
import type { MergeTable } from './contentHash';

/**
 * The writes a merge makes to the analyst's case, as prepared statements on its connection.
 * Rows from the other case keep their own provenance (who created and last changed them, when,
 * in which case they were born): a merge moves work between cases, it does not re-sign it.
 * The audit log records who merged it, and from which case (`merged_from` in the entry).
 */

export interface MergedFrom {
  import_id: string;
  case_id: string;
  case_name: string;
}

export type MergeRow = { table: 'incidents'; value: Incident } | { table: 'zones'; value: Zone };

/** A conflict waiting in the case: their version (by hash) and the versions it supersedes. */
export interface PendingConflict {
  id: string;
  rev: string;
  ancestors: ReadonlySet<string>;
  /** The case their version came from; '' for a file from another tool (see foreign/). */
  sourceCaseId: string;
}

/** Earlier versions kept with a conflict's version of theirs (enough for any real history). */
const MAX_CONFLICT_ANCESTORS = 1000;

const INCIDENT_INDEX = CASE_SPATIAL_INDEXES.find((s) => s.table === 'incidents')!;

export class MergeWriter {
  private readonly read: { mineIncident: Database.Statement; mineZone: Database.Statement; pending: Database.Statement };
  private writes: {
    insertIncident: Database.Statement;
    insertZone: Database.Statement;
    updateIncident: Database.Statement;
    updateIncidentSamePlace: Database.Statement;
    updateZone: Database.Statement;
    rtreeInsert: Database.Statement;
    revision: Database.Statement;
    conflict: Database.Statement;
    dropConflict: Database.Statement;
    touch: Database.Statement;
    audit: AuditLog;
  } | null = null;
  private directIndex = false;

  constructor(
    private readonly db: Database.Database,
    private readonly caseId: string,
  ) {
    this.read = {
      mineIncident: db.prepare(`${SELECT_INCIDENT_SQL} WHERE id = ?`),
      mineZone: db.prepare(`${SELECT_ZONE_SQL} WHERE id = ?`),
      pending: db.prepare(`SELECT id, theirs_rev AS rev, json_extract(theirs, '$.theirs_ancestors') AS ancestors, source_case_id FROM merge_conflicts WHERE table_name = ? AND row_id = ? ORDER BY fid`),
    };
  }

  /** Write statements, prepared on first use: a preview runs on a read-only connection. */
  private get s() {
    if (this.writes) return this.writes;
    const db = this.db;
    const incidentUpdate = [...INCIDENT_EDITABLE_COLUMNS, 'deleted_at'];
    const zoneUpdate = [...ZONE_EDITABLE_COLUMNS, 'deleted_at'];
    this.writes = {
      insertIncident: db.prepare(`INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${INCIDENT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`),
      insertZone: db.prepare(`INSERT INTO zones (${ZONE_COLUMNS.join(', ')}) VALUES (${ZONE_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`),
      // Editable columns, then deleted_at: in the same order as the values built below.
      updateIncident: db.prepare(`UPDATE incidents SET ${incidentUpdate.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      // Without geom: an UPDATE naming geom fires the R*Tree triggers (five calls into
      // JavaScript each) even when the point did not move, as it has not in most edits.
      updateIncidentSamePlace: db.prepare(`UPDATE incidents SET ${incidentUpdate.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      updateZone: db.prepare(`UPDATE zones SET ${zoneUpdate.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      rtreeInsert: db.prepare(`INSERT INTO rtree_incidents_geom (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`),
      revision: db.prepare(`INSERT OR IGNORE INTO row_revisions (table_name, row_id, rev) VALUES (?, ?, ?)`),
      conflict: db.prepare(
        `INSERT OR IGNORE INTO merge_conflicts (id, import_id, table_name, row_id, theirs_rev, theirs, source_case_id, source_case_name, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      dropConflict: db.prepare(`DELETE FROM merge_conflicts WHERE id = ?`),
      touch: db.prepare(`UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?`),
      audit: new AuditLog(db, this.caseId),
    };
    return this.writes;
  }

  mine(table: 'incidents', id: string): Incident | null;
  mine(table: 'zones', id: string): Zone | null;
  mine(table: MergeTable, id: string): Incident | Zone | null;
  mine(table: MergeTable, id: string): Incident | Zone | null {
    if (table === 'incidents') {
      const row = this.read.mineIncident.get(id) as IncidentRow | undefined;
      return row ? rowToIncident(row) : null;
    }
    const row = this.read.mineZone.get(id) as ZoneRow | undefined;
    return row ? rowToZone(row) : null;
  }

  /**
   * For a large merge: fill the incidents' R*Tree directly instead of through the insert
   * trigger, as `saveIncidentsBulk` does (the reasons are there). Inside the transaction only;
   * `endDirectIndex` puts the trigger back before commit, and a rollback restores it anyway.
   */
  beginDirectIndex(): void {
    this.db.exec(`DROP TRIGGER ${triggerName(INCIDENT_INDEX, 'insert')}`);
    this.directIndex = true;
  }

  endDirectIndex(): void {
    if (!this.directIndex) return;
    this.db.exec(spatialIndexTriggerSql(INCIDENT_INDEX, 'insert'));
    this.directIndex = false;
  }

  /** Inserts a row as it is (provenance included); false when its id is already taken. */
  insert(row: MergeRow, createdBy: string): boolean {
    if (row.table === 'zones') {
      const z = row.value;
      return this.s.insertZone.run(zoneInsertValues(z.id, z.fields, z.provenance, createdBy)).changes > 0;
    }
    const i = row.value;
    const { changes, lastInsertRowid } = this.s.insertIncident.run(insertValues(i.id, i.fields, i.admin, i.provenance, createdBy));
    if (changes === 0) return false;
    if (this.directIndex) this.s.rtreeInsert.run(lastInsertRowid, i.fields.lon, i.fields.lon, i.fields.lat, i.fields.lat);
    return true;
  }

  /** Replaces my version (`mine`) by theirs: content, last change (who, when) and tombstone. */
  replace(row: MergeRow, mine: Incident | Zone): void {
    if (row.table === 'incidents') {
      const i = row.value;
      const values = updateValues(i.id, i.fields, i.admin, i.provenance.updated_at, i.provenance.author);
      values.splice(values.length - 1, 0, i.provenance.deleted_at);
      const before = (mine as Incident).fields;
      if (before.lon === i.fields.lon && before.lat === i.fields.lat) this.s.updateIncidentSamePlace.run(values.slice(1));
      else this.s.updateIncident.run(values);
    } else {
      const z = row.value;
      const values = zoneUpdateValues(z.id, z.fields, z.provenance.updated_at, z.provenance.author);
      values.splice(values.length - 1, 0, z.provenance.deleted_at);
      this.s.updateZone.run(values);
    }
  }

  /** Records that the row's current version supersedes `rev`. */
  supersedes(table: MergeTable, rowId: string, revs: Iterable<string>): void {
    for (const rev of revs) this.s.revision.run(table, rowId, rev);
  }

  /** The rows that have a conflict waiting, per table (few: they wait for the analyst). */
  conflictedRows(): Record<MergeTable, Set<string>> {
    const out: Record<MergeTable, Set<string>> = { incidents: new Set(), zones: new Set() };
    for (const r of this.db.prepare(`SELECT DISTINCT table_name AS t, row_id AS id FROM merge_conflicts`).all() as { t: MergeTable; id: string }[]) out[r.t]?.add(r.id);
    return out;
  }

  /** The conflicts waiting for one row, oldest first. */
  pendingConflicts(table: MergeTable, rowId: string): PendingConflict[] {
    return (this.read.pending.all(table, rowId) as { id: string; rev: string; ancestors: string | null; source_case_id: string }[]).map((r) => {
      let ancestors: unknown = [];
      try {
        ancestors = r.ancestors === null ? [] : JSON.parse(r.ancestors);
      } catch {
        // written by another program: no known history
      }
      return {
        id: r.id,
        rev: r.rev,
        ancestors: new Set(Array.isArray(ancestors) ? ancestors.filter((a): a is string => typeof a === 'string') : []),
        sourceCaseId: r.source_case_id,
      };
    });
  }

  /**
   * Stores their version of a conflicting row, with the versions it is known to supersede (so
   * an older version of theirs arriving later is recognised as older); false when that
   * version is already waiting.
   */
  addConflict(c: { id: string; importId: string; row: MergeRow; createdBy: string; theirsRev: string; theirsAncestors: Iterable<string>; source: { caseId: string; name: string }; at: string }): boolean {
    // Their version as an Incident or Zone, plus who created it (a copy kept by "keep both" needs it).
    const theirs = { ...c.row.value, created_by: c.createdBy, theirs_ancestors: [...c.theirsAncestors].slice(0, MAX_CONFLICT_ANCESTORS) };
    const { changes } = this.s.conflict.run(c.id, c.importId, c.row.table, c.row.value.id, c.theirsRev, JSON.stringify(theirs), c.source.caseId, c.source.name, c.at);
    return changes > 0;
  }

  dropConflict(id: string): void {
    this.s.dropConflict.run(id);
  }

  recordAudit(entry: AuditEntry): void {
    this.s.audit.record(entry);
  }

  auditChange(at: string, author: string, table: MergeTable, action: AuditAction, before: Incident | Zone, after: Incident | Zone, from: MergedFrom): void {
    this.s.audit.record({ at, author, table, rowId: before.id, action, before, after: { ...after, merged_from: from } });
  }

  auditCreated(at: string, author: string, table: MergeTable, ids: string[], from: MergedFrom): void {
    if (ids.length === 0) return;
    this.s.audit.record({ at, author, table, rowId: null, action: 'create', before: null, after: { count: ids.length, ids, merged_from: from } });
  }

  touch(at: string, table: string): void {
    this.s.touch.run(at, table);
  }
}
