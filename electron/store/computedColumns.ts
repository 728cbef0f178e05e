import type Database from 'better-sqlite3';

/**
 * Computed ("generated") columns of a database, found from its schema alone. Such a column has
 * no stored value: SQLite works it out from an expression in the file each time it is read,
 * `PRAGMA quick_check` included, so one crafted expression can make any read of the file take
 * minutes and hundreds of megabytes (see imports/storedValuesGuard.ts). Faultline writes none,
 * so a file that has one is not opened, whatever it claims to be.
 */

/** PRAGMA table_xinfo's `hidden`: 2 a VIRTUAL generated column, 3 a STORED one. */
const GENERATED = [2, 3];

export interface ComputedColumn {
  table: string;
  column: string;
}

/** Every computed column of every table in `db` (reading the schema only, no row). */
export function findComputedColumns(db: Database.Database): ComputedColumn[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  const xinfo = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`);
  const found: ComputedColumn[] = [];
  for (const table of tables) {
    let columns: { name: string; hidden: number }[];
    try {
      columns = xinfo.all(table) as { name: string; hidden: number }[];
    } catch {
      continue; // a virtual table of a module SQLite does not have here: it cannot be read at all
    }
    for (const c of columns) if (GENERATED.includes(c.hidden)) found.push({ table, column: c.name });
  }
  return found;
}

/** A table or column name as it may appear in a message: one line, at most 60 characters. */
export function shortName(name: string): string {
  const oneLine = name.replace(/[\r\n\t\p{Cc}]/gu, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}
