import type Database from 'better-sqlite3';
import type { IncidentQuery } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { CaseName, type CaseInfo } from '../../shared/domain/case';
import { timestamp } from '../../shared/domain/dates';
import {
  AdminAreaSchema,
  IncidentFieldsSchema,
  ProvenanceSchema,
  Uuid,
  type AdminArea,
  type Incident,
  type IncidentFields,
} from '../../shared/domain/incident';
import { AuditLog } from './auditLog';
import { IncidentLister } from './incidentQuery';
import {
  INSERT_INCIDENT_SQL,
  SELECT_INCIDENT_SQL,
  UPDATE_INCIDENT_SQL,
  insertValues,
  rowToIncident,
  updateValues,
  type IncidentRow,
} from './incidentRows';
import { META_KEYS, readMeta, readSchemaVersion, writeMeta } from './meta';
import { newRowId } from './rowIds';
import { spatialIndexTriggerSql, triggerName } from './rtree';
import { CASE_SPATIAL_INDEXES } from './schemaCheck';
import type { BulkIncidentInput, BulkSaveResult, CaseStore } from './types';
import { ZoneRepository, type ZoneQuery } from './zoneRepository';
import { LocatedIncidents, type LocatedIncident } from './locatedIncidents';
import type { AreaTest } from '../../shared/geo/analysis/prepareAreaTest';
import type { Zone, ZoneFields } from '../../shared/domain/zone';

/**
 * A case store on one open better-sqlite3 connection to a verified case file. Statements are
 * prepared once; every write is one transaction that also writes its audit row and bumps
 * `gpkg_contents.last_change`; the R*Tree follows through the GeoPackage triggers.
 */

const INCIDENT_INDEX = CASE_SPATIAL_INDEXES.find((s) => s.table === 'incidents')!;

/**
 * From this many new rows on, `saveIncidentsBulk` fills the R*Tree itself instead of through
 * the insert trigger (see there). Below it, the trigger's cost does not matter and the schema
 * change is not worth it.
 */
const BULK_DIRECT_INDEX_THRESHOLD = 256;

function invalid(message: string): ApiError {
  return new ApiError('invalid', message);
}

/** Every change is signed: a non-empty single line (the provenance `author` field's rules). */
function checkAuthor(author: unknown): string {
  if (typeof author !== 'string' || author.trim() === '') throw invalid('Changes must be signed with the author’s name');
  const result = ProvenanceSchema.shape.author.safeParse(author);
  if (!result.success) throw invalid(`The author’s name is not valid: ${result.error.issues[0]?.message ?? 'unknown problem'}`);
  return author;
}

function checkFields(fields: unknown): IncidentFields {
  const result = IncidentFieldsSchema.safeParse(fields);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(incident)', message: i.message }));
  throw new ApiError('invalid', problems.map((p) => p.message).join('; '), problems);
}

function checkAdmin(admin: unknown): AdminArea {
  const result = AdminAreaSchema.safeParse(admin);
  if (!result.success) throw invalid(`The admin areas are not valid: ${result.error.issues[0]?.message ?? 'unknown problem'}`);
  return result.data;
}

/** Whether a save would change nothing (then it writes nothing and logs nothing). */
function sameContent(a: Incident, fields: IncidentFields, admin: AdminArea): boolean {
  const sameFields = (Object.keys(a.fields) as (keyof IncidentFields)[]).every((key) =>
    key === 'tags' ? a.fields.tags.join('\u0000') === fields.tags.join('\u0000') : a.fields[key] === fields[key],
  );
  return sameFields && a.admin.country === admin.country && a.admin.admin1 === admin.admin1 && a.admin.admin2 === admin.admin2;
}

/** What a read-only opening (`openCaseReadOnly`) offers. */
export type CaseReader = Pick<CaseStore, 'path' | 'info' | 'listIncidents' | 'getIncident' | 'listZones' | 'getZone' | 'locateIncidents' | 'incidentIdsInArea'>;

interface WriteStatements {
  insert: Database.Statement;
  /** Inserts unless the id exists (changes = 0 then): one index probe instead of a read + insert. */
  insertIfNew: Database.Statement;
  update: Database.Statement;
  setDeleted: Database.Statement;
  touch: Database.Statement;
  rtreeInsert: Database.Statement;
  audit: AuditLog;
}

export class GpkgCaseStore implements CaseStore {
  private readonly lister: IncidentLister;
  private readonly read: {
    byId: Database.Statement;
    countLive: Database.Statement;
    countZones: Database.Statement;
    firstDay: Database.Statement;
    lastDay: Database.Statement;
  };
  private writeStatements: WriteStatements | null = null;
  private closed = false;
  private readonly zones: ZoneRepository;
  private readonly located: LocatedIncidents;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly caseId: string,
    private readonly options: { readOnly?: boolean } = {},
  ) {
    this.lister = new IncidentLister(db);
    this.zones = new ZoneRepository(db, caseId, () => this.w.audit);
    this.located = new LocatedIncidents(db);
    this.read = {
      byId: db.prepare(`${SELECT_INCIDENT_SQL} WHERE id = ?`),
      countLive: db.prepare(`SELECT count(*) FROM incidents WHERE deleted_at IS NULL`).pluck(),
      countZones: db.prepare(`SELECT count(*) FROM zones WHERE deleted_at IS NULL`).pluck(),
      firstDay: db.prepare(`SELECT substr(occurred_at, 1, 10) FROM incidents WHERE deleted_at IS NULL ORDER BY occurred_at LIMIT 1`).pluck(),
      lastDay: db.prepare(`SELECT substr(occurred_at, 1, 10) FROM incidents WHERE deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1`).pluck(),
    };
  }

  /** Write statements, prepared on first use (a read-only store never prepares them). */
  private get w(): WriteStatements {
    if (this.options.readOnly) throw new ApiError('io', 'This case is open read-only; it cannot be changed.');
    if (!this.writeStatements) {
      const db = this.db;
      this.writeStatements = {
        insert: db.prepare(INSERT_INCIDENT_SQL),
        insertIfNew: db.prepare(`${INSERT_INCIDENT_SQL} ON CONFLICT(id) DO NOTHING`),
        update: db.prepare(UPDATE_INCIDENT_SQL),
        setDeleted: db.prepare(`UPDATE incidents SET deleted_at = ?, updated_at = ?, author = ? WHERE id = ?`),
        touch: db.prepare(`UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?`),
        rtreeInsert: db.prepare(`INSERT INTO rtree_incidents_geom (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`),
        audit: new AuditLog(db, this.caseId),
      };
    }
    return this.writeStatements;
  }

  private open(): Database.Database {
    if (this.closed) throw new ApiError('no_case', 'This case has been closed.');
    return this.db;
  }

  private openForWriting(): Database.Database {
    const db = this.open();
    if (this.options.readOnly) throw new ApiError('io', 'This case is open read-only; it cannot be changed.');
    return db;
  }

  private findRow(id: string): IncidentRow | undefined {
    if (!Uuid.safeParse(id).success) return undefined;
    return this.read.byId.get(id) as IncidentRow | undefined;
  }

  private requireRow(id: string): IncidentRow {
    const row = this.findRow(id);
    if (!row) throw new ApiError('not_found', `There is no incident with id ${String(id).slice(0, 64)} in this case.`);
    return row;
  }

  info(): CaseInfo {
    const db = this.open();
    return {
      id: this.caseId,
      name: readMeta(db, META_KEYS.name) ?? '',
      path: this.path,
      createdAt: readMeta(db, META_KEYS.createdAt) ?? '',
      schemaVersion: readSchemaVersion(db),
      counts: { incidents: this.read.countLive.get() as number, zones: this.read.countZones.get() as number },
      first: (this.read.firstDay.get() as string | undefined) ?? null,
      last: (this.read.lastDay.get() as string | undefined) ?? null,
    };
  }

  listIncidents(query: IncidentQuery): Incident[] {
    this.open();
    return this.lister.list(query);
  }

  locateIncidents(bbox: [number, number, number, number]): LocatedIncident[] {
    this.open();
    return this.located.list(bbox);
  }

  incidentIdsInArea(area: AreaTest): string[] {
    this.open();
    return this.located.idsInArea(area);
  }

  /** EXPLAIN QUERY PLAN of `listIncidents(query)`: shows that a box query uses the R*Tree. */
  listIncidentsPlan(query: IncidentQuery): string[] {
    this.open();
    return this.lister.plan(query);
  }

  getIncident(id: string): Incident {
    this.open();
    return rowToIncident(this.requireRow(id));
  }

  saveIncident(input: { id?: string; fields: IncidentFields }, admin: AdminArea, author: string): Incident {
    const db = this.openForWriting();
    checkAuthor(author);
    const fields = checkFields(input.fields);
    const area = checkAdmin(admin);
    if (input.id !== undefined && !Uuid.safeParse(input.id).success) throw invalid('The incident id is not a valid UUID');
    const now = timestamp();
    return db.transaction(() => {
      const existing = input.id === undefined ? undefined : this.findRow(input.id);
      const result = existing
        ? this.updateRow(existing, fields, area, author, now)
        : this.insertRow(input.id ?? newRowId(), fields, area, author, now, true);
      this.w.touch.run(now, 'incidents');
      return result;
    })();
  }

  /** Inserts one incident; the R*Tree insert trigger indexes it unless bulk mode does. */
  private insertRow(id: string, fields: IncidentFields, admin: AdminArea, author: string, now: string, audit: boolean): Incident {
    const incident: Incident = {
      id,
      fields,
      admin,
      provenance: { created_at: now, updated_at: now, author, origin_case: this.caseId, deleted_at: null },
    };
    this.w.insert.run(insertValues(id, fields, admin, incident.provenance, author));
    if (audit) this.w.audit.record({ at: now, author, table: 'incidents', rowId: id, action: 'create', before: null, after: incident });
    return incident;
  }

  /** Updates an incident's fields; an unchanged save writes nothing and returns the row as it is. */
  private updateRow(row: IncidentRow, fields: IncidentFields, admin: AdminArea, author: string, now: string): Incident {
    const before = rowToIncident(row);
    if (sameContent(before, fields, admin)) return before;
    const after: Incident = { id: row.id, fields, admin, provenance: { ...before.provenance, updated_at: now, author } };
    this.w.update.run(updateValues(row.id, fields, admin, now, author));
    this.w.audit.record({ at: now, author, table: 'incidents', rowId: row.id, action: 'update', before, after });
    return after;
  }

  private setTombstone(id: string, author: string, deleting: boolean): Incident {
    const db = this.openForWriting();
    checkAuthor(author);
    const now = timestamp();
    return db.transaction(() => {
      const before = rowToIncident(this.requireRow(id));
      // Deleting a deleted incident (or restoring a live one) changes nothing and logs nothing.
      if ((before.provenance.deleted_at !== null) === deleting) return before;
      const deletedAt = deleting ? now : null;
      const after: Incident = { ...before, provenance: { ...before.provenance, deleted_at: deletedAt, updated_at: now, author } };
      this.w.setDeleted.run(deletedAt, now, author, id);
      this.w.audit.record({ at: now, author, table: 'incidents', rowId: id, action: deleting ? 'delete' : 'restore', before, after });
      this.w.touch.run(now, 'incidents');
      return after;
    })();
  }

  deleteIncident(id: string, author: string): Incident {
    return this.setTombstone(id, author, true);
  }

  restoreIncident(id: string, author: string): Incident {
    return this.setTombstone(id, author, false);
  }

  /**
   * Many incidents in one transaction. Two decisions keep the per-row cost low (the benchmark
   * compares with raw better-sqlite3 inserts of the same rows):
   *
   * Audit granularity: creations get ONE audit row for the whole call (row_id NULL, after =
   * {count, ids}). A created row carries its own created_at/created_by/origin_case, so a per-row
   * "after" would only duplicate it (and double the bytes written); the id list still tells
   * which rows the batch made, e.g. to undo an import. Updates of existing incidents get one
   * audit row each with the before state, because that state is otherwise lost.
   *
   * Spatial index: filling the R*Tree through the insert trigger costs about three times a
   * direct insert of the same box (measured: 12-15 µs against ~4 µs per row; the trigger
   * program around the virtual-table write, plus five calls into JavaScript for the ST_*
   * functions), more than the row itself. For large batches we drop that one trigger
   * inside the transaction, insert the box of each new point into the R*Tree directly (the same
   * values the trigger computes), and re-create the trigger before commit. DDL is transactional
   * in SQLite: other connections see the trigger before and after, never missing, and a crash
   * or an error rolls the whole batch back with the trigger in place. GDAL does the same when it
   * loads many features (it builds the index after the rows).
   *
   * Fields are not re-validated here: callers validate first (import checks each row against
   * the schema), and the table's CHECK constraints refuse impossible values.
   */
  saveIncidentsBulk(inputs: readonly BulkIncidentInput[], author: string): BulkSaveResult {
    const db = this.openForWriting();
    checkAuthor(author);
    const now = timestamp();
    return db.transaction(() => {
      const ids: string[] = new Array(inputs.length);
      const createdIds: string[] = [];
      let updated = 0;
      const direct = inputs.length >= BULK_DIRECT_INDEX_THRESHOLD;
      if (direct) db.exec(`DROP TRIGGER ${triggerName(INCIDENT_INDEX, 'insert')}`);
      const provenance = { created_at: now, updated_at: now, author, origin_case: this.caseId, deleted_at: null };
      inputs.forEach((input, index) => {
        try {
          // New rows (the common case in an import) are inserted straight away; only when the
          // id already exists is the row read back and updated.
          const id = input.id ?? newRowId();
          const { changes, lastInsertRowid } = this.w.insertIfNew.run(insertValues(id, input.fields, input.admin, provenance, author));
          if (changes === 0) {
            const existing = this.findRow(id);
            if (!existing) throw invalid(`Incident ${index + 1} has an id that is not a valid UUID.`);
            this.updateRow(existing, input.fields, input.admin, author, now);
            updated++;
            ids[index] = existing.id;
            return;
          }
          if (direct) {
            const { lon, lat } = input.fields;
            this.w.rtreeInsert.run(lastInsertRowid, lon, lon, lat, lat);
          }
          createdIds.push(id);
          ids[index] = id;
        } catch (err) {
          if (err instanceof ApiError) throw err;
          const reason = err instanceof Error ? err.message : String(err);
          throw invalid(`Incident ${index + 1} of ${inputs.length} was refused (${reason}); nothing was saved.`);
        }
      });
      if (direct) db.exec(spatialIndexTriggerSql(INCIDENT_INDEX, 'insert'));
      if (createdIds.length > 0) {
        this.w.audit.record({
          at: now,
          author,
          table: 'incidents',
          rowId: null,
          action: 'create',
          before: null,
          after: { count: createdIds.length, ids: createdIds },
        });
      }
      this.w.touch.run(now, 'incidents');
      return { ids, created: createdIds.length, updated };
    })();
  }

  listZones(query: ZoneQuery = {}): Zone[] {
    this.open();
    return this.zones.list(query);
  }

  getZone(id: string): Zone {
    this.open();
    return this.zones.get(id);
  }

  saveZone(input: { id?: string; fields: ZoneFields }, author: string): Zone {
    this.openForWriting();
    return this.zones.save(input, checkAuthor(author));
  }

  deleteZone(id: string, author: string): Zone {
    this.openForWriting();
    return this.zones.setTombstone(id, checkAuthor(author), true);
  }

  restoreZone(id: string, author: string): Zone {
    this.openForWriting();
    return this.zones.setTombstone(id, checkAuthor(author), false);
  }

  setCaseName(name: string, author?: string): CaseInfo {
    const db = this.openForWriting();
    if (author !== undefined) checkAuthor(author);
    const parsed = CaseName.safeParse(name);
    if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? 'The case name is not valid');
    const now = timestamp();
    db.transaction(() => {
      const before = readMeta(db, META_KEYS.name);
      if (before === parsed.data) return;
      writeMeta(db, META_KEYS.name, parsed.data);
      const signedBy = author ?? readMeta(db, META_KEYS.createdBy) ?? 'unknown';
      this.w.audit.record({ at: now, author: signedBy, table: 'faultline_meta', rowId: META_KEYS.name, action: 'update', before: { name: before }, after: { name: parsed.data } });
      this.w.touch.run(now, 'faultline_meta');
    })();
    return this.info();
  }

  checkpoint(mode: 'truncate' | 'passive' = 'truncate'): void {
    if (this.closed || this.db.memory || this.options.readOnly) return;
    this.db.pragma(mode === 'passive' ? 'wal_checkpoint(PASSIVE)' : 'wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.db.memory && !this.options.readOnly) {
        // Fold the WAL into the .gpkg so the file alone carries everything (copy, e-mail, QGIS).
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        // And leave the file in rollback-journal mode at rest: a WAL-mode file cannot be read
        // without creating -wal/-shm files beside it, which fails on read-only media and litters
        // shared folders (even `faultline validate` would leave them). WAL is switched on again
        // when the case is opened. If another program still has the file open this cannot
        // happen; SQLite then keeps WAL mode, which is harmless.
        this.db.pragma('journal_mode = DELETE');
      }
    } catch {
      // Closing must not fail: every transaction is already committed.
    } finally {
      this.db.close();
    }
  }
}
