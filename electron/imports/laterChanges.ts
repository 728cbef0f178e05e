import type Database from 'better-sqlite3';
import { META_KEYS, readMeta } from '../store/meta';
import { contentHash, contentOfAuditJson, versionHash, type MergeTable } from './contentHash';
import { MergeWriter } from './mergeWriter';

/**
 * What was done to a case after a point in its audit log: the work an undo of an import would
 * wipe, because undoing puts back the snapshot taken before the import.
 *
 * The audit log records every change (incidents, zones, overlays, the case's name, conflict
 * resolutions), each with the row as it was before. So for each row changed after the point,
 * the first entry after it says how the row was then; comparing that with the row now says
 * what is different. Changes that were undone again (an edit and its Ctrl+Z, an incident added
 * and deleted) leave nothing different and are not counted: undoing the import loses nothing
 * of them.
 */

/** The audit log's position now: changes after it are "later". */
export function auditMark(db: Database.Database): number {
  return (db.prepare(`SELECT coalesce(max(fid), 0) FROM audit_log`).pluck().get() as number) ?? 0;
}

type Kind = 'added' | 'changed' | 'deleted';

export interface LaterChanges {
  incidents: Record<Kind, number>;
  zones: Record<Kind, number>;
  overlays: { added: number; removed: number };
  renamed: boolean;
  /** A few titles or names of what was added or changed, for the message. */
  examples: string[];
}

interface FirstEntry {
  table: string;
  rowId: string;
  action: string;
  before: string | null;
}

const EXAMPLES = 3;

function none(): Record<Kind, number> {
  return { added: 0, changed: 0, deleted: 0 };
}

/** The first audit entry after `mark` of every row changed since (bulk creations spread out). */
function firstEntries(db: Database.Database, mark: number): Map<string, FirstEntry> {
  const first = new Map<string, FirstEntry>();
  const note = (e: FirstEntry) => {
    const key = `${e.table}\u0000${e.rowId}`;
    if (!first.has(key)) first.set(key, e);
  };
  const entries = db.prepare(`SELECT table_name, row_id, action, before, after FROM audit_log WHERE fid > ? ORDER BY fid`).iterate(mark) as IterableIterator<{
    table_name: string;
    row_id: string | null;
    action: string;
    before: string | null;
    after: string | null;
  }>;
  for (const e of entries) {
    if (e.row_id !== null) {
      note({ table: e.table_name, rowId: e.row_id, action: e.action, before: e.before });
      continue;
    }
    // One entry for many rows created at once ({count, ids}).
    let ids: unknown = null;
    try {
      ids = (JSON.parse(e.after ?? 'null') as { ids?: unknown } | null)?.ids;
    } catch {
      // not ours: nothing to spread
    }
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') note({ table: e.table_name, rowId: id, action: 'create', before: null });
  }
  return first;
}

export function changesSince(db: Database.Database, caseId: string, mark: number): LaterChanges {
  const out: LaterChanges = { incidents: none(), zones: none(), overlays: { added: 0, removed: 0 }, renamed: false, examples: [] };
  const writer = new MergeWriter(db, caseId);
  const overlayExists = db.prepare(`SELECT 1 FROM reference_overlays WHERE id = ?`);
  const example = (text: string) => {
    if (out.examples.length < EXAMPLES) out.examples.push(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  };
  for (const e of firstEntries(db, mark).values()) {
    if (e.table === 'incidents' || e.table === 'zones') {
      const table: MergeTable = e.table;
      const now = writer.mine(table, e.rowId);
      const live = now !== null && now.provenance.deleted_at === null;
      const label = now ? ('title' in now.fields ? now.fields.title : now.fields.name) : '';
      if (e.action === 'create') {
        if (live) {
          out[table].added++;
          example(label);
        }
        continue;
      }
      const then = contentOfAuditJson(table, e.before);
      if (now && then && versionHash(table, now) === contentHash(then)) continue;
      if (!live && then && !then.deleted) out[table].deleted++;
      else {
        out[table].changed++;
        if (label) example(label);
      }
    } else if (e.table === 'reference_overlays') {
      const exists = overlayExists.get(e.rowId) !== undefined;
      if (e.action === 'create' && exists) out.overlays.added++;
      if (e.action === 'delete' && !exists) out.overlays.removed++;
    } else if (e.table === 'faultline_meta' && e.rowId === META_KEYS.name) {
      let before: unknown = null;
      try {
        before = (JSON.parse(e.before ?? 'null') as { name?: unknown } | null)?.name;
      } catch {
        // not ours
      }
      if (before !== readMeta(db, META_KEYS.name)) out.renamed = true;
    }
  }
  return out;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The later changes in words ("1 incident added (“Roadblock at Jarinje”) and 2 zones changed"), or null for none. */
export function describeLaterChanges(c: LaterChanges): string | null {
  const parts: string[] = [];
  for (const [table, one] of [['incidents', 'incident'], ['zones', 'zone']] as const) {
    for (const kind of ['added', 'changed', 'deleted'] as const) if (c[table][kind]) parts.push(`${plural(c[table][kind], one)} ${kind}`);
  }
  if (c.overlays.added) parts.push(`${plural(c.overlays.added, 'reference overlay')} added`);
  if (c.overlays.removed) parts.push(`${plural(c.overlays.removed, 'reference overlay')} removed`);
  if (c.renamed) parts.push('the case renamed');
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return c.examples.length ? `${list} (${c.examples.map((e) => `“${e}”`).join(', ')})` : list;
}
