/**
 * The GeoPackage R*Tree spatial index (extension `gpkg_rtree_index`, GeoPackage Annex F.3): a
 * virtual table `rtree_<t>_<c>(id, minx, maxx, miny, maxy)` holding each row's bounding box
 * under its integer primary key, kept in step by triggers that call the ST_* functions.
 *
 * Which triggers. GeoPackage 1.3 defines insert, update1..update4 and delete; GeoPackage 1.4
 * replaced update1 and update3 by update5..update7 (insert, update2, update4..update7, delete).
 * The two sets cannot be mixed: update1 and update7 would both insert the same id. The external
 * referee we must satisfy, GDAL 3.6's validate_gpkg.py, requires update1..update4 and does not
 * know update5..7, so we write the 1.3 set, which is also exactly what GDAL 3.6 itself writes.
 * When we verify a file before opening it read-write we accept either complete set (a newer
 * GDAL that rebuilt the index writes the 1.4 set), compared statement by statement with the
 * SQL below after normalisation.
 */

export type SpatialIndexTrigger =
  | 'insert'
  | 'update1'
  | 'update2'
  | 'update3'
  | 'update4'
  | 'update5'
  | 'update6'
  | 'update7'
  | 'delete';

/** The trigger set Faultline writes (GeoPackage 1.3 names; see above). */
export const WRITTEN_TRIGGER_SET: readonly SpatialIndexTrigger[] = ['insert', 'update1', 'update2', 'update3', 'update4', 'delete'];
/** The trigger set of GeoPackage 1.4, accepted when found. */
export const GPKG14_TRIGGER_SET: readonly SpatialIndexTrigger[] = ['insert', 'update2', 'update4', 'update5', 'update6', 'update7', 'delete'];
export const ALL_TRIGGERS: readonly SpatialIndexTrigger[] = [
  'insert',
  'update1',
  'update2',
  'update3',
  'update4',
  'update5',
  'update6',
  'update7',
  'delete',
];

/** A feature table with a spatial index: table, geometry column, integer primary key column. */
export interface SpatialIndexSpec {
  table: string;
  column: string;
  pk: string;
}

export function rtreeName({ table, column }: SpatialIndexSpec): string {
  return `rtree_${table}_${column}`;
}

export function triggerName(spec: SpatialIndexSpec, which: SpatialIndexTrigger): string {
  return `${rtreeName(spec)}_${which}`;
}

/** The CREATE TRIGGER statement of one spatial index trigger, as the GeoPackage standard writes it. */
export function spatialIndexTriggerSql(spec: SpatialIndexSpec, which: SpatialIndexTrigger): string {
  const { table: t, column: c, pk: i } = spec;
  const rt = rtreeName(spec);
  const name = triggerName(spec, which);
  const insertNew = `INSERT OR REPLACE INTO ${rt} VALUES (
    NEW.${i},
    ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}),
    ST_MinY(NEW.${c}), ST_MaxY(NEW.${c})
  );`;
  switch (which) {
    case 'insert':
      // Insertion of a non-empty geometry: add its box.
      return `CREATE TRIGGER ${name} AFTER INSERT ON ${t}
  WHEN (new.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN
  ${insertNew}
END`;
    case 'update1':
      // 1.3: geometry changed to a non-empty one, same id: replace the box.
      return `CREATE TRIGGER ${name} AFTER UPDATE OF ${c} ON ${t}
  WHEN OLD.${i} = NEW.${i} AND
       (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN
  ${insertNew}
END`;
    case 'update2':
      // Geometry changed to NULL or empty, same id: remove the box.
      return `CREATE TRIGGER ${name} AFTER UPDATE OF ${c} ON ${t}
  WHEN OLD.${i} = NEW.${i} AND
       (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN
  DELETE FROM ${rt} WHERE id = OLD.${i};
END`;
    case 'update3':
    case 'update5':
      // Id changed, non-empty geometry: move the box (1.3 update3 = 1.4 update5).
      return `CREATE TRIGGER ${name} AFTER UPDATE ON ${t}
  WHEN OLD.${i} != NEW.${i} AND
       (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN
  DELETE FROM ${rt} WHERE id = OLD.${i};
  ${insertNew}
END`;
    case 'update4':
      // Id changed, NULL or empty geometry: remove both ids.
      return `CREATE TRIGGER ${name} AFTER UPDATE ON ${t}
  WHEN OLD.${i} != NEW.${i} AND
       (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN
  DELETE FROM ${rt} WHERE id IN (OLD.${i}, NEW.${i});
END`;
    case 'update6':
      // 1.4: non-empty geometry replaced by a non-empty one, same id: update the box.
      return `CREATE TRIGGER ${name} AFTER UPDATE OF ${c} ON ${t}
  WHEN OLD.${i} = NEW.${i} AND
       (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c})) AND
       (OLD.${c} NOTNULL AND NOT ST_IsEmpty(OLD.${c}))
BEGIN
  UPDATE ${rt} SET
    minx = ST_MinX(NEW.${c}),
    maxx = ST_MaxX(NEW.${c}),
    miny = ST_MinY(NEW.${c}),
    maxy = ST_MaxY(NEW.${c})
  WHERE id = NEW.${i};
END`;
    case 'update7':
      // 1.4: NULL or empty geometry replaced by a non-empty one, same id: add the box.
      return `CREATE TRIGGER ${name} AFTER UPDATE OF ${c} ON ${t}
  WHEN OLD.${i} = NEW.${i} AND
       (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c})) AND
       (OLD.${c} ISNULL OR ST_IsEmpty(OLD.${c}))
BEGIN
  INSERT INTO ${rt} VALUES (
    NEW.${i},
    ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}),
    ST_MinY(NEW.${c}), ST_MaxY(NEW.${c})
  );
END`;
    case 'delete':
      // Row deleted: remove its box.
      return `CREATE TRIGGER ${name} AFTER DELETE ON ${t}
  WHEN old.${c} NOT NULL
BEGIN
  DELETE FROM ${rt} WHERE id = OLD.${i};
END`;
  }
}

/**
 * The statements that create the spatial index of a feature table (empty table): the R*Tree,
 * its triggers and its `gpkg_extensions` row.
 */
export function createSpatialIndexSql(spec: SpatialIndexSpec): string[] {
  return [
    `CREATE VIRTUAL TABLE ${rtreeName(spec)} USING rtree(id, minx, maxx, miny, maxy)`,
    ...WRITTEN_TRIGGER_SET.map((which) => spatialIndexTriggerSql(spec, which)),
    `INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
     VALUES ('${spec.table}', '${spec.column}', 'gpkg_rtree_index',
             'http://www.geopackage.org/spec140/index.html#extension_rtree', 'write-only')`,
  ];
}

/**
 * Normalises trigger SQL for comparison: case, whitespace, double-quoted identifiers and the
 * NOT NULL / NOTNULL spelling do not matter. Tools quote and space these statements differently
 * (GDAL writes `"rtree_t_geom"` on one line), but the statements mean the same.
 */
export function normalizeSql(sql: string): string {
  return sql
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)"/g, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\bnot null\b/g, 'notnull')
    .replace(/\bis null\b/g, 'isnull')
    .replace(/ ?([(),;=.<>!+\-*]) ?/g, '$1')
    .replace(/;+$/, '')
    .trim();
}
