import type Database from 'better-sqlite3';
import { contentHash, contentOfAuditJson, type MergeTable } from './contentHash';

/**
 * The earlier versions of a row that a case file knows of: the versions its current version
 * is known to descend from. Two sources, both inside the file:
 *   - the audit log: every update, delete and restore recorded the row as it was before
 *     (`before`), so each of those is an earlier version;
 *   - `row_revisions` (schema 2): versions learnt by merging (see migration 2).
 * Versions are named by content hash (contentHash.ts).
 *
 * The same reader serves the analyst's own case and a file from elsewhere (read-only,
 * untrusted: oversized values are not read (their size is asked with octet_length, which does
 * not read them), unparseable JSON is ignored).
 */

/** Audit JSON longer than this is not a row version we wrote (a zone at its vertex limit is ~2 MB). */
const MAX_AUDIT_JSON = 8 * 1024 * 1024;
/** A content hash is 22 characters (contentHash.ts); a row id a UUID. */
const MAX_REV = 64;
const MAX_ID = 80;

/** Whether `table` is a real table (not a view) with these columns: a foreign file may lack them. */
function hasColumns(db: Database.Database, table: string, columns: string[]): boolean {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)) return false;
  const present = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
  return columns.every((c) => present.has(c));
}

export class AncestryReader {
  private readonly auditBefore: Database.Statement | null;
  private readonly revisions: Database.Statement | null;
  private readonly withHistory: Record<MergeTable, Set<string>> | null;

  /**
   * `preloadIds`: read up front which rows have any history at all, so that the many rows
   * without one (a colleague's new incidents) cost no lookup. Worth it for the file being
   * imported, whose every row is looked at; the analyst's own case is asked only about rows
   * that differ.
   */
  constructor(
    db: Database.Database,
    hasRevisions: boolean,
    preloadIds = false,
  ) {
    this.auditBefore = hasColumns(db, 'audit_log', ['table_name', 'row_id', 'before']) ? db.prepare(
      `SELECT CASE WHEN octet_length(before) <= ${MAX_AUDIT_JSON} THEN before END AS before
         FROM audit_log WHERE table_name = ? AND row_id = ? AND before IS NOT NULL`,
    ) : null;
    hasRevisions &&= hasColumns(db, 'row_revisions', ['table_name', 'row_id', 'rev']);
    this.revisions = hasRevisions ? db.prepare(`SELECT rev FROM row_revisions WHERE table_name = ? AND row_id = ? AND octet_length(rev) <= ${MAX_REV}`).pluck() : null;
    if (!preloadIds) {
      this.withHistory = null;
      return;
    }
    const sets: Record<MergeTable, Set<string>> = { incidents: new Set(), zones: new Set() };
    const add = (rows: { t: unknown; id: unknown }[]) => {
      for (const r of rows) if ((r.t === 'incidents' || r.t === 'zones') && typeof r.id === 'string') sets[r.t].add(r.id);
    };
    // Only ids a row of ours can have (a UUID) are read: anything longer matches no row.
    const short = `octet_length(table_name) <= 16 AND octet_length(row_id) <= ${MAX_ID}`;
    if (this.auditBefore) add(db.prepare(`SELECT DISTINCT table_name AS t, row_id AS id FROM audit_log WHERE row_id IS NOT NULL AND before IS NOT NULL AND ${short}`).all() as never);
    if (hasRevisions) add(db.prepare(`SELECT DISTINCT table_name AS t, row_id AS id FROM row_revisions WHERE ${short}`).all() as never);
    this.withHistory = sets;
  }

  /** Content hashes of the versions `rowId` is known to have superseded (maybe empty). */
  ancestors(table: MergeTable, rowId: string): Set<string> {
    const found = new Set<string>();
    if (this.withHistory && !this.withHistory[table].has(rowId)) return found;
    if (this.auditBefore) {
      for (const row of this.auditBefore.iterate(table, rowId) as IterableIterator<{ before: unknown }>) {
        const content = contentOfAuditJson(table, typeof row.before === 'string' ? row.before : null);
        if (content) found.add(contentHash(content));
      }
    }
    if (this.revisions) {
      for (const rev of this.revisions.iterate(table, rowId) as IterableIterator<unknown>) {
        if (typeof rev === 'string') found.add(rev);
      }
    }
    return found;
  }
}
