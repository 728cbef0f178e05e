import type { Geometry } from 'geojson';
import { openReadOnly } from '../../store/connection';
import { GeometryBlobError, decodeGpkgGeometry } from '../../store/gpkgBinary';
import { ImportFileError } from '../importErrors';
import { FOREIGN_LIMITS, cleanProperties, type ForeignDataset, type ForeignFeature, type ForeignLayer } from './foreignLayer';

/**
 * The feature layers of a GeoPackage made by QGIS or GDAL (not a Faultline case): the tables
 * gpkg_contents lists as features, with their geometry column from gpkg_geometry_columns.
 * Read from the private copy, read-only, trusted_schema OFF, tables only (a "layer" that is
 * a view is left out). Layers in another coordinate system than WGS 84 longitude/latitude are
 * left out with a warning; Faultline does not reproject.
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

function isWgs84(l: LayerRow): boolean {
  return l.srs_id === 4326 || (String(l.organization).toUpperCase() === 'EPSG' && l.organization_coordsys_id === 4326);
}

export function readGpkgLayers(copyPath: string, fileName: string): ForeignDataset {
  const db = openReadOnly(copyPath);
  try {
    let rows: LayerRow[];
    try {
      rows = db
        .prepare(
          `SELECT c.table_name, c.identifier, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id
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
    let total = 0;
    for (const l of rows) {
      const name = l.identifier || l.table_name;
      const isTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(l.table_name);
      if (!isTable) {
        warnings.push(`Layer “${name}” is not a table (it may be a view) and was left out.`);
        continue;
      }
      if (!isWgs84(l)) {
        warnings.push(`Layer “${name}” is in another coordinate system (${l.organization ?? 'srs'} ${l.organization_coordsys_id ?? l.srs_id}) and was left out; Faultline imports longitude/latitude (EPSG:4326) only.`);
        continue;
      }
      const features: ForeignFeature[] = [];
      const statement = db.prepare(`SELECT * FROM ${quote(l.table_name)} LIMIT ${FOREIGN_LIMITS.features + 1}`);
      const pk = statement.columns().find((c) => c.type?.toUpperCase() === 'INTEGER' && c.name.toLowerCase() === 'fid')?.name;
      for (const row of statement.iterate() as IterableIterator<Record<string, unknown>>) {
        if (++total > FOREIGN_LIMITS.features) {
          throw new ImportFileError('too_large', `“${fileName}” has more than ${FOREIGN_LIMITS.features.toLocaleString('en')} features; Faultline imports up to that many at a time.`);
        }
        const { [l.column_name]: blob, ...attributes } = row;
        if (pk) delete attributes[pk];
        let geometry: Geometry | null = null;
        if (blob instanceof Uint8Array) {
          try {
            const decoded = decodeGpkgGeometry(blob);
            geometry = decoded.empty ? null : (decoded.geometry as Geometry);
          } catch (err) {
            if (!(err instanceof GeometryBlobError)) throw err;
          }
        }
        const plain = Object.fromEntries(Object.entries(attributes).filter(([, v]) => !(v instanceof Uint8Array)));
        features.push({ geometry, properties: cleanProperties(plain) });
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
