import type Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { openReadOnly } from '../../store/connection';
import { GeometryBlobError, decodeGpkgGeometry } from '../../store/gpkgBinary';
import { ImportFileError } from '../importErrors';
import { reprojectGeometry, reprojectionFor, type Reprojection } from './reproject';
import { FOREIGN_LIMITS, ForeignBudget, cleanProperties, type BudgetLimits, type ForeignDataset, type ForeignFeature, type ForeignLayer } from './foreignLayer';

/**
 * The feature layers of a GeoPackage made by QGIS or GDAL (not a Faultline case): the tables
 * gpkg_contents lists as features, with their geometry column from gpkg_geometry_columns.
 * Read from the private copy, read-only, trusted_schema OFF, tables only (a "layer" that is
 * a view is left out). Layers in Web Mercator or UTM (see reproject.ts) are brought to
 * longitude/latitude, and the analyst told; layers in any other coordinate system are left
 * out with a warning.
 *
 * The file was checked for computed columns before anything of it was read (see
 * storedValuesGuard.ts); what it stores is still read through caps in SQL, and all its
 * features together through a budget (ForeignBudget), because they are held in memory until
 * the analyst has mapped them.
 */

interface LayerRow {
  table_name: string;
  identifier: string | null;
  column_name: string;
  srs_id: number;
  organization: string | null;
  organization_coordsys_id: number | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A geometry of one feature larger than this is not read (a detailed country border is ~1 MB). */
const GEOMETRY_CAP = 16 * 1024 * 1024;
/** Longest table, layer and column names read from the file's own tables. */
const NAME_CAP = 400;

/** A text column of the file's metadata, not read when it is longer than NAME_CAP bytes. */
const capped = (column: string, as: string) => `CASE WHEN octet_length(${column}) <= ${NAME_CAP} THEN ${column} END AS ${as}`;

function isWgs84(l: LayerRow): boolean {
  return l.srs_id === 4326 || (String(l.organization).toUpperCase() === 'EPSG' && l.organization_coordsys_id === 4326);
}

/** The conversion a layer's coordinate system needs, by its EPSG code (srs_id as GDAL writes it). */
function reprojectionOf(l: LayerRow): Reprojection | null {
  const code = String(l.organization).toUpperCase() === 'EPSG' && typeof l.organization_coordsys_id === 'number' ? l.organization_coordsys_id : l.srs_id;
  return reprojectionFor(code);
}

/**
 * The statement that reads a layer's features, every value cut in SQL before it reaches
 * JavaScript: text to the characters an attribute keeps, any other blob than the geometry to
 * an empty one (attributes keep no binary values; an empty blob is dropped like any other),
 * and a geometry over GEOMETRY_CAP not read at all. The primary key (GDAL's fid) is left out;
 * only the first FOREIGN_LIMITS.properties attributes are read.
 */
function featureQuery(db: Database.Database, table: string, geometryColumn: string): { sql: string; names: string[] } {
  const columns = db.prepare(`SELECT name, type, pk FROM pragma_table_xinfo(?)`).all(table) as { name: string; type: string; pk: number }[];
  const attributes = columns.filter((c) => c.name !== geometryColumn && !(c.pk === 1 && c.type.toUpperCase() === 'INTEGER')).slice(0, FOREIGN_LIMITS.properties);
  const g = quote(geometryColumn);
  const select = [
    `CASE WHEN typeof(${g}) = 'blob' AND length(${g}) <= ${GEOMETRY_CAP} THEN ${g} END`,
    ...attributes.map(({ name }) => {
      const c = quote(name);
      return `CASE typeof(${c}) WHEN 'text' THEN substr(${c}, 1, ${FOREIGN_LIMITS.valueChars}) WHEN 'blob' THEN x'' ELSE ${c} END`;
    }),
  ];
  return { sql: `SELECT ${select.join(', ')} FROM ${quote(table)}`, names: attributes.map((c) => c.name) };
}

export function readGpkgLayers(copyPath: string, fileName: string, limits: BudgetLimits = FOREIGN_LIMITS): ForeignDataset {
  const db = openReadOnly(copyPath);
  try {
    let rows: LayerRow[];
    try {
      rows = db
        .prepare(
          `SELECT ${capped('c.table_name', 'table_name')}, ${capped('c.identifier', 'identifier')}, ${capped('g.column_name', 'column_name')}, g.srs_id,
                  ${capped('s.organization', 'organization')}, s.organization_coordsys_id
             FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
             LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
            WHERE c.data_type = 'features' ORDER BY c.table_name`,
        )
        .all() as LayerRow[];
    } catch {
      throw new ImportFileError('unsupported_format', `“${fileName}” is a GeoPackage whose list of layers cannot be read.`);
    }
    const warnings: string[] = [];
    const layers: ForeignLayer[] = [];
    const budget = new ForeignBudget(fileName, limits);
    for (const l of rows) {
      if (typeof l.table_name !== 'string' || typeof l.column_name !== 'string') {
        warnings.push('A layer whose table or geometry column has no usable name was left out.');
        continue;
      }
      const name = l.identifier || l.table_name;
      const isTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(l.table_name);
      if (!isTable) {
        warnings.push(`Layer “${name}” is not a table (it may be a view) and was left out.`);
        continue;
      }
      const reprojection = isWgs84(l) ? null : reprojectionOf(l);
      if (!isWgs84(l) && !reprojection) {
        warnings.push(`Layer “${name}” is in a coordinate system Faultline does not convert (${l.organization ?? 'srs'} ${l.organization_coordsys_id ?? l.srs_id}) and was left out; convert it to longitude/latitude (EPSG:4326), Web Mercator or UTM first.`);
        continue;
      }
      if (reprojection) warnings.push(`Layer “${name}” was converted from ${reprojection.name} (${reprojection.code}) to longitude/latitude.`);
      const features: ForeignFeature[] = [];
      const query = featureQuery(db, l.table_name, l.column_name);
      for (const [blob, ...values] of db.prepare(query.sql).raw().iterate() as IterableIterator<unknown[]>) {
        const attributes: Record<string, unknown> = {};
        query.names.forEach((n, i) => {
          if (!(values[i] instanceof Uint8Array)) attributes[n] = values[i];
        });
        let geometry: Geometry | null = null;
        if (blob instanceof Uint8Array) {
          try {
            const decoded = decodeGpkgGeometry(blob);
            geometry = decoded.empty ? null : (decoded.geometry as Geometry);
            if (geometry && reprojection) geometry = reprojectGeometry(geometry, reprojection);
          } catch (err) {
            if (!(err instanceof GeometryBlobError)) throw err;
          }
        }
        // Counted as read, before cleanProperties: what the caps above let through is what
        // the process held.
        budget.add(blob instanceof Uint8Array ? blob.length : 0, attributes);
        features.push({ geometry, properties: cleanProperties(attributes) });
      }
      layers.push({ id: l.table_name, name, features, fields: Object.keys(features[0]?.properties ?? {}) });
    }
    if (layers.length === 0) {
      throw new ImportFileError('unsupported_format', warnings[0] ? `“${fileName}” has no layer Faultline can import. ${warnings[0]}` : `“${fileName}” has no feature layers.`);
    }
    return { fileName, format: 'gpkg', layers, warnings, acled: false };
  } finally {
    db.close();
  }
}
