import type Database from 'better-sqlite3';
import { findComputedColumns, shortName, type ComputedColumn } from '../store/computedColumns';
import { openReadOnly } from '../store/connection';
import { META_TABLE } from '../store/meta';
import { ImportFileError } from './importErrors';

/**
 * What a file from elsewhere must not hold before SQLite is asked to read any of its rows,
 * its integrity check included.
 *
 * A computed ("generated") column has no stored value: SQLite works it out from an expression
 * in the file's schema each time the column is read, and `PRAGMA quick_check` reads every
 * column of every row. One crafted expression (`printf('%.*c', 200000000, 'x')`) makes each
 * read build hundreds of megabytes: the integrity check alone takes minutes, synchronously,
 * so a Cancel is never even seen, and a `SELECT *` exhausts the memory of the process. No
 * size cap in SQL helps, because `substr()` and `length()` get the value only after it was
 * built. Faultline writes no such column and GDAL does not create them, so a file that has
 * one is refused, whichever table it is in, naming the table and the column.
 *
 * `trusted_schema=OFF` does not stop this: the expression uses only built-in functions.
 *
 * The case details in `faultline_meta` are read by the inspection that follows (case id,
 * schema version, name) without a cap, so a value there longer than any detail we write is
 * refused too; `octet_length` tells without reading the value.
 */

/** Longest case detail (case id, name, stamps, author, version) a case of ours holds, in bytes. */
export const MAX_META_BYTES = 4096;

/** The first case detail too long to be one of ours, or null. */
function oversizedMetaKey(db: Database.Database): string | null {
  try {
    const row = db
      .prepare(`SELECT substr(CAST(key AS TEXT), 1, 40) AS key FROM ${META_TABLE} WHERE octet_length(value) > ${MAX_META_BYTES} OR octet_length(key) > 200 LIMIT 1`)
      .get() as { key: unknown } | undefined;
    return row ? String(row.key) : null;
  } catch {
    return null; // no such table or columns: the inspection says what the file is
  }
}

/**
 * Throws ImportFileError('computed_columns' | 'not_a_case_table') for a file holding what is
 * described above; returns quietly for anything else, including a file that is not SQLite at
 * all (the inspection after this names that problem).
 */
export function refuseUnsafeTables(filePath: string, subject: string): void {
  let db: Database.Database;
  try {
    db = openReadOnly(filePath);
  } catch {
    return;
  }
  let computed: ComputedColumn[];
  let metaKey: string | null;
  try {
    computed = findComputedColumns(db);
    metaKey = computed.length ? null : oversizedMetaKey(db);
  } catch {
    return; // not SQLite, or damaged: the inspection says so
  } finally {
    db.close();
  }
  const [first] = computed;
  if (first) {
    const more = computed.length > 1 ? ` (and ${computed.length - 1} more)` : '';
    throw new ImportFileError(
      'computed_columns',
      `${subject} has a computed column “${shortName(first.column)}” in its table “${shortName(first.table)}”${more}, whose values the file works out each time they are read; Faultline reads only stored values and does not import it.`,
    );
  }
  if (metaKey !== null) {
    throw new ImportFileError('not_a_case_table', `${subject} holds a case detail “${shortName(metaKey)}” longer than any case Faultline writes, so it is not a case that can be imported.`);
  }
}
