import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { Incident } from '../../shared/domain/incident';
import type { HistoryEntry, MergeTableName, RowHistory } from '../../shared/domain/merge';
import type { Zone } from '../../shared/domain/zone';
import { META_KEYS, readMeta } from '../store/meta';
import { MergeWriter } from './mergeWriter';

/**
 * The history of one incident or zone, from the audit log: who created it and in which case,
 * every change since (before → after, field by field), and which of them came from another
 * case by an import or a conflict resolution, and who imported them.
 *
 * Rows made in bulk (a large import, the demo) share one audit entry listing their ids; those
 * are found through the list (json_each), which is slow on a long log but only runs when an
 * analyst opens a history.
 */

interface AuditRow {
  at: string;
  author: string;
  action: HistoryEntry['action'];
  before: string | null;
  after: string | null;
}

interface Version {
  fields?: Record<string, unknown>;
  admin?: Record<string, unknown>;
  provenance?: { deleted_at?: unknown };
  merged_from?: { import_id?: unknown; case_id?: unknown; case_name?: unknown };
  merge_resolution?: { choice?: unknown; from?: { import_id?: unknown; case_id?: unknown; case_name?: unknown } };
}

function parse(json: string | null): Version | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Version) : null;
  } catch {
    return null;
  }
}

/** A value as the history shows it. */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'geometry') return 'shape';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function flatten(v: Version | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!v) return out;
  for (const [k, value] of Object.entries(v.fields ?? {})) out.set(k, value);
  for (const [k, value] of Object.entries(v.admin ?? {})) out.set(`admin.${k}`, value);
  if (v.provenance) out.set('deleted', v.provenance.deleted_at ? 'yes' : 'no');
  return out;
}

function changes(before: Version | null, after: Version | null): HistoryEntry['changes'] {
  const a = flatten(before);
  const b = flatten(after);
  const out: HistoryEntry['changes'] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!before && (y === '' || y === 'no' || (Array.isArray(y) && y.length === 0))) continue; // a creation lists what it set
    out.push({ field: key, before: before ? show(key, x) : '', after: show(key, y) });
  }
  return out;
}

function mergeOf(v: Version | null, by: string): HistoryEntry['merge'] {
  const from = v?.merged_from ?? v?.merge_resolution?.from;
  if (!from || typeof from.case_id !== 'string') return null;
  return {
    importId: typeof from.import_id === 'string' ? from.import_id : '',
    caseId: from.case_id,
    caseName: typeof from.case_name === 'string' ? from.case_name : '',
    by,
  };
}

export function rowHistory(db: Database.Database, caseId: string, table: MergeTableName, id: string): RowHistory {
  const row = new MergeWriter(db, caseId).mine(table, id) as Incident | Zone | null;
  if (!row) throw new ApiError('not_found', `There is no ${table === 'incidents' ? 'incident' : 'zone'} with id ${id} in this case.`);
  const own = db.prepare(`SELECT fid, at, author, action, before, after FROM audit_log WHERE table_name = ? AND row_id = ?`).all(table, id) as (AuditRow & { fid: number })[];
  const bulk = db
    .prepare(
      `SELECT fid, at, author, action, NULL AS before, after FROM audit_log
        WHERE table_name = ? AND row_id IS NULL AND action = 'create'
          AND EXISTS (SELECT 1 FROM json_each(audit_log.after, '$.ids') WHERE value = ?)`,
    )
    .all(table, id) as (AuditRow & { fid: number })[];
  const entries = [...bulk, ...own]
    .sort((a, b) => a.fid - b.fid)
    .map((r): HistoryEntry => {
      const after = parse(r.after);
      // A bulk creation's entry lists ids, not the row: show the row as it was made.
      const afterVersion = r.before === null && after && !after.fields ? null : after;
      return { at: r.at, author: r.author, action: r.action, merge: mergeOf(after, r.author), changes: changes(parse(r.before), afterVersion) };
    });
  const names = new Map<string, string>([[caseId, readMeta(db, META_KEYS.name) ?? '']]);
  for (const r of db.prepare(`SELECT source_case_id AS id, source_case_name AS name FROM merge_imports`).all() as { id: string; name: string }[]) {
    if (!names.has(r.id)) names.set(r.id, r.name);
  }
  const createdBy = (db.prepare(`SELECT created_by FROM ${table} WHERE id = ?`).get(id) as { created_by: string }).created_by;
  return {
    table,
    id,
    createdAt: row.provenance.created_at,
    createdBy,
    originCase: { id: row.provenance.origin_case, name: names.get(row.provenance.origin_case) ?? null },
    lastChange: { at: row.provenance.updated_at, author: row.provenance.author },
    entries,
  };
}
