import type Database from 'better-sqlite3';
import { newRowId } from './rowIds';

/**
 * Writes `audit_log` rows: who changed which row of which table, when, and the row before and
 * after as JSON. Always called inside the transaction of the change it records, so the log and
 * the data cannot disagree.
 */

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface AuditEntry {
  at: string;
  author: string;
  table: string;
  /** The changed row's `id`; null for one entry covering a bulk write. */
  rowId: string | null;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export class AuditLog {
  private readonly insert: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly caseId: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, at, author, case_id, table_name, row_id, action, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  record(entry: AuditEntry): void {
    this.insert.run(
      newRowId(),
      entry.at,
      entry.author,
      this.caseId,
      entry.table,
      entry.rowId,
      entry.action,
      entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    );
  }
}
