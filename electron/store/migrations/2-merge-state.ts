import type Database from 'better-sqlite3';
import { SQL_NOW } from '../gpkgCore';
import type { Migration } from './migration';

/**
 * Schema 2: what merging case files needs to remember (issue 5). Three attribute tables, each
 * registered in gpkg_contents so GDAL and QGIS list them as plain tables:
 *
 * `row_revisions`: versions a row is known to have superseded. A version is named by its
 *   content hash (see electron/imports/contentHash.ts). The audit log already remembers every
 *   earlier version of a row edited in this file (its `before` states); this table adds the
 *   versions we only learnt about by merging: the other case's history of a row we took from
 *   it, and "their" version of a conflict the analyst resolved by keeping their own. Together
 *   they answer the question a three-way merge needs: does one side's version descend from
 *   the other's? The table travels with the file, so a third case merging this one learns it.
 *
 * `merge_conflicts`: a row edited in both cases since they diverged. The analyst's version
 *   stays in the feature table; "theirs" waits here (as JSON) until the analyst keeps mine,
 *   takes theirs or keeps both. One row per distinct version of theirs, so importing the same
 *   file again adds nothing.
 *
 * `merge_imports`: one row per import: when, by whom, from which case (id and name), the
 *   counts, the snapshot taken before it, and when it was undone. It also lets us name the
 *   cases rows came from ("origin_case") in the history view.
 */

const ROW_REVISIONS_SQL = `CREATE TABLE row_revisions (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL CHECK (table_name = 'incidents' OR table_name = 'zones'),
    row_id TEXT NOT NULL,
    rev TEXT NOT NULL,
    UNIQUE (table_name, row_id, rev)
  )`;

const MERGE_CONFLICTS_SQL = `CREATE TABLE merge_conflicts (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    import_id TEXT NOT NULL,
    table_name TEXT NOT NULL CHECK (table_name = 'incidents' OR table_name = 'zones'),
    row_id TEXT NOT NULL,
    theirs_rev TEXT NOT NULL,
    theirs TEXT NOT NULL CHECK (json_valid(theirs)),
    source_case_id TEXT NOT NULL,
    source_case_name TEXT NOT NULL,
    detected_at DATETIME NOT NULL,
    UNIQUE (table_name, row_id, theirs_rev)
  )`;

const MERGE_IMPORTS_SQL = `CREATE TABLE merge_imports (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at DATETIME NOT NULL,
    author TEXT NOT NULL,
    source_case_id TEXT NOT NULL,
    source_case_name TEXT NOT NULL,
    source_file TEXT NOT NULL,
    counts TEXT NOT NULL CHECK (json_valid(counts)),
    snapshot TEXT,
    undone_at DATETIME
  )`;

const CONTENTS_SQL = `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES
  ('row_revisions', 'attributes', 'Row revisions', 'Versions of rows known to be superseded (for merging case files)', ${SQL_NOW}, NULL),
  ('merge_conflicts', 'attributes', 'Merge conflicts', 'Rows edited in both cases, waiting for the analyst to choose', ${SQL_NOW}, NULL),
  ('merge_imports', 'attributes', 'Imports', 'Case files merged into this case', ${SQL_NOW}, NULL)`;

export const migration2MergeState: Migration = {
  version: 2,
  name: 'merge-state',
  up(db: Database.Database) {
    for (const sql of [ROW_REVISIONS_SQL, MERGE_CONFLICTS_SQL, MERGE_IMPORTS_SQL, CONTENTS_SQL]) db.exec(sql);
  },
};
