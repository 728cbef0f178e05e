import type Database from 'better-sqlite3';
import {
  ALL_TRIGGERS,
  GPKG14_TRIGGER_SET,
  WRITTEN_TRIGGER_SET,
  normalizeSql,
  rtreeName,
  spatialIndexTriggerSql,
  triggerName,
  type SpatialIndexSpec,
} from './rtree';

/**
 * Verifies that a case file contains no code we did not put there, before we open it
 * read-write with `trusted_schema=ON` (the reasoning is in `connection.ts`).
 *
 * Code in an SQLite file lives in triggers and views. We accept exactly:
 *   - the GeoPackage R*Tree triggers of our feature tables, statement by statement equal (after
 *     normalising quotes, case and whitespace) to the standard SQL, in either the set we write
 *     or the GeoPackage 1.4 set a newer GDAL writes when it rebuilds an index;
 *   - GDAL's feature-count triggers `trigger_insert_feature_count_<t>` /
 *     `trigger_delete_feature_count_<t>`, which GDAL adds when QGIS edits a GeoPackage and whose
 *     whole body is one UPDATE of `gpkg_ogr_contents.feature_count`.
 * Anything else (any view, any other trigger) is refused. So is an R*Tree index whose trigger
 * set is incomplete, because our writes would then leave the index stale and the map wrong.
 */

/** The feature tables of a case and their spatial indexes. */
export const CASE_SPATIAL_INDEXES: readonly SpatialIndexSpec[] = [
  { table: 'incidents', column: 'geom', pk: 'fid' },
  { table: 'zones', column: 'geom', pk: 'fid' },
];

export interface SchemaObjectProblem {
  problem: 'foreign_schema_objects' | 'broken_spatial_index';
  /** The offending object (trigger, view or index table). */
  object: string;
  /** One sentence; `subject` names the file. */
  message: string;
}

const GDAL_FEATURE_COUNT_TRIGGER =
  /^create trigger trigger_(insert|delete)_feature_count_([a-z0-9_]+) after (insert|delete) on ([a-z0-9_]+) begin update gpkg_ogr_contents set feature_count=feature_count([+-])1 where (?:lower\(table_name\)=lower\('([a-z0-9_]+)'\)|table_name='([a-z0-9_]+)');end$/;

function isGdalFeatureCountTrigger(name: string, sql: string): boolean {
  const m = GDAL_FEATURE_COUNT_TRIGGER.exec(normalizeSql(sql));
  if (!m) return false;
  const [, kind, nameTable, event, onTable, sign, literalA, literalB] = m;
  const literal = literalA ?? literalB;
  return (
    name.toLowerCase() === `trigger_${kind}_feature_count_${nameTable}` &&
    kind === event &&
    nameTable === onTable &&
    onTable === literal &&
    sign === (kind === 'insert' ? '+' : '-')
  );
}

/** Known trigger name → the normalised SQL it must have. */
function knownSpatialIndexTriggers(): Map<string, { spec: SpatialIndexSpec; which: string; sql: string }> {
  const known = new Map<string, { spec: SpatialIndexSpec; which: string; sql: string }>();
  for (const spec of CASE_SPATIAL_INDEXES) {
    for (const which of ALL_TRIGGERS) {
      known.set(triggerName(spec, which), { spec, which, sql: normalizeSql(spatialIndexTriggerSql(spec, which)) });
    }
  }
  return known;
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

/** Returns the first problem found, or null when every trigger and view is one we know. */
export function findSchemaProblem(db: Database.Database, subject: string): SchemaObjectProblem | null {
  const objects = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string | null }[];
  const known = knownSpatialIndexTriggers();
  const present = new Map<string, Set<string>>(); // rtree name → trigger kinds found

  for (const { type, name, sql } of objects) {
    if (type === 'view') {
      return {
        problem: 'foreign_schema_objects',
        object: name,
        message: `${subject} contains a view “${name}” that Faultline did not create, so Faultline will not open it for editing; import its data into a case instead.`,
      };
    }
    const expected = known.get(name);
    if (expected && sql !== null && normalizeSql(sql) === expected.sql) {
      const key = rtreeName(expected.spec);
      if (!present.has(key)) present.set(key, new Set());
      present.get(key)!.add(expected.which);
      continue;
    }
    if (sql !== null && isGdalFeatureCountTrigger(name, sql)) continue;
    return {
      problem: 'foreign_schema_objects',
      object: name,
      message: `${subject} contains a trigger “${name}” that Faultline did not create, so Faultline will not open it for editing; import its data into a case instead.`,
    };
  }

  for (const spec of CASE_SPATIAL_INDEXES) {
    const name = rtreeName(spec);
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) as
      | { sql: string }
      | undefined;
    const expectedTable = normalizeSql(`CREATE VIRTUAL TABLE ${name} USING rtree(id, minx, maxx, miny, maxy)`);
    if (!table || normalizeSql(table.sql) !== expectedTable) {
      return {
        problem: 'broken_spatial_index',
        object: name,
        message: `${subject} has no valid spatial index on “${spec.table}”, so places on the map could not be found.`,
      };
    }
    const found = present.get(name) ?? new Set<string>();
    if (!sameSet(found, WRITTEN_TRIGGER_SET) && !sameSet(found, GPKG14_TRIGGER_SET)) {
      const missing = WRITTEN_TRIGGER_SET.filter((w) => !found.has(w)).map((w) => triggerName(spec, w));
      return {
        problem: 'broken_spatial_index',
        object: name,
        message: `${subject} has an incomplete spatial index on “${spec.table}” (${missing.length ? `missing ${missing.join(', ')}` : 'mixed GeoPackage 1.3 and 1.4 triggers'}), so edits would not show up on the map.`,
      };
    }
  }
  return null;
}
