import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { timestamp } from '../../shared/domain/dates';
import { IncidentSchema, type Incident } from '../../shared/domain/incident';
import type { Conflict, ConflictChoice } from '../../shared/domain/merge';
import { ZoneSchema, type Zone } from '../../shared/domain/zone';
import { newRowId } from '../store/rowIds';
import type { MergeTable } from './contentHash';
import { MergeWriter, type MergeRow } from './mergeWriter';

/**
 * Conflicts waiting in a case (rows edited in both cases since they diverged; see
 * mergeDecision.ts), listed side by side, and the analyst's choice for each:
 *
 *   mine    my version stays; theirs is recorded as superseded (row_revisions), so the same
 *           file imported again is not a conflict, and a colleague who imports my case takes
 *           my version as the newer one;
 *   theirs  their version replaces mine (content, last change, tombstone), as a merge would;
 *   both    mine stays, and their version is added as a new incident or zone (a new id,
 *           created now in this case by the analyst who chose), theirs recorded as superseded.
 *
 * Each choice is one transaction with an audit entry (`merge_resolution` in its `after`), so
 * the row's history shows how the conflict ended.
 */

interface ConflictRow {
  id: string;
  import_id: string;
  table_name: MergeTable;
  row_id: string;
  theirs_rev: string;
  theirs: string;
  source_case_id: string;
  source_case_name: string;
  detected_at: string;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Field names whose values differ between two versions (`admin.*`, `deleted` included). */
export function differingFields(table: MergeTable, mine: Incident | Zone, theirs: Incident | Zone): string[] {
  const out: string[] = [];
  const a = mine.fields as Record<string, unknown>;
  const b = theirs.fields as Record<string, unknown>;
  for (const key of Object.keys(a)) if (canonical(a[key]) !== canonical(b[key])) out.push(key);
  if (table === 'incidents') {
    const ma = (mine as Incident).admin;
    const ta = (theirs as Incident).admin;
    for (const key of ['country', 'admin1', 'admin2'] as const) if (ma[key] !== ta[key]) out.push(`admin.${key}`);
  }
  if ((mine.provenance.deleted_at === null) !== (theirs.provenance.deleted_at === null)) out.push('deleted');
  return out;
}

function parseTheirs(row: ConflictRow): { value: Incident | Zone; createdBy: string } | null {
  try {
    const raw = JSON.parse(row.theirs) as { created_by?: unknown };
    const parsed = row.table_name === 'incidents' ? IncidentSchema.safeParse(raw) : ZoneSchema.safeParse(raw);
    if (!parsed.success || parsed.data.id !== row.row_id) return null;
    return { value: parsed.data, createdBy: typeof raw.created_by === 'string' ? raw.created_by : parsed.data.provenance.author };
  } catch {
    return null;
  }
}

const SELECT_CONFLICTS = `SELECT id, import_id, table_name, row_id, theirs_rev, theirs, source_case_id, source_case_name, detected_at FROM merge_conflicts`;

export function countConflicts(db: Database.Database): number {
  return (db.prepare(`SELECT count(*) AS n FROM merge_conflicts`).get() as { n: number }).n;
}

/** Conflicts in the order they were found, each with my current version and theirs. */
export function listConflicts(db: Database.Database, caseId: string): Conflict[] {
  const writer = new MergeWriter(db, caseId);
  const out: Conflict[] = [];
  for (const row of db.prepare(`${SELECT_CONFLICTS} ORDER BY fid`).all() as ConflictRow[]) {
    const theirs = parseTheirs(row);
    const mine = writer.mine(row.table_name, row.row_id);
    if (!theirs || !mine) continue; // damaged by another program, or the row was removed outside Faultline
    out.push({
      id: row.id,
      table: row.table_name,
      rowId: row.row_id,
      mine,
      theirs: theirs.value,
      differing: differingFields(row.table_name, mine, theirs.value),
      source: { caseId: row.source_case_id, name: row.source_case_name },
      detectedAt: row.detected_at,
    } as Conflict);
  }
  return out;
}

export interface Resolution {
  /** The row as it is now. */
  row: Incident | Zone;
  /** With "keep both": their version's new copy. */
  copy: Incident | Zone | null;
}

export function resolveConflict(db: Database.Database, caseId: string, conflictId: string, choice: ConflictChoice, author: string): Resolution {
  return db.transaction((): Resolution => {
    const row = db.prepare(`${SELECT_CONFLICTS} WHERE id = ?`).get(conflictId) as ConflictRow | undefined;
    if (!row) throw new ApiError('not_found', 'That conflict is no longer waiting; it was resolved already.');
    const table = row.table_name;
    const writer = new MergeWriter(db, caseId);
    const theirs = parseTheirs(row);
    const mine = writer.mine(table, row.row_id);
    if (!theirs || !mine) throw new ApiError('bad_file', 'This conflict’s data is damaged in the case file; it cannot be resolved here.');
    const now = timestamp();
    const from = { import_id: row.import_id, case_id: row.source_case_id, case_name: row.source_case_name };
    const resolution = { choice, conflict_id: row.id, theirs: theirs.value, from };
    const audit = (action: 'create' | 'update' | 'delete' | 'restore', rowId: string, before: unknown, after: Incident | Zone) =>
      writer.recordAudit({ at: now, author, table, rowId, action, before, after: { ...after, merge_resolution: resolution } });

    db.prepare(`DELETE FROM merge_conflicts WHERE id = ?`).run(row.id);
    let result: Resolution;
    if (choice === 'theirs') {
      writer.replace({ table, value: theirs.value } as MergeRow, mine);
      const mineDeleted = mine.provenance.deleted_at !== null;
      const theirsDeleted = theirs.value.provenance.deleted_at !== null;
      audit(mineDeleted === theirsDeleted ? 'update' : theirsDeleted ? 'delete' : 'restore', mine.id, mine, theirs.value);
      result = { row: writer.mine(table, row.row_id)!, copy: null };
    } else {
      writer.supersedes(table, row.row_id, [row.theirs_rev]);
      let copy: Incident | Zone | null = null;
      if (choice === 'both' && theirs.value.provenance.deleted_at === null) {
        const provenance = { created_at: now, updated_at: now, author, origin_case: caseId, deleted_at: null };
        copy = { ...theirs.value, id: newRowId(), provenance } as Incident | Zone;
        writer.insert({ table, value: copy } as MergeRow, author);
        audit('create', copy.id, null, copy);
      }
      audit('update', mine.id, mine, mine);
      result = { row: mine, copy };
    }
    writer.touch(now, table);
    return result;
  })();
}
