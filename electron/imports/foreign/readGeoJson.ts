import type { Feature, Geometry } from 'geojson';
import { ImportFileError } from '../importErrors';
import { FOREIGN_LIMITS, cleanProperties, fieldsOf, type ForeignDataset, type ForeignFeature } from './foreignLayer';
import { epsgOfName, reprojectGeometry, reprojectionFor } from './reproject';

/**
 * GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare geometry, in longitude and
 * latitude (WGS 84). The pre-2016 `crs` member is honoured: Web Mercator and UTM (as GDAL
 * writes them without RFC7946=YES) are converted, anything else is refused.
 */

const WGS84_NAMES = ['urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:OGC::CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4326'];

/**
 * Deepest nesting of arrays and objects accepted. GeoJSON needs 6 (a MultiPolygon's
 * coordinates in a feature in a collection) and attributes a few more; a file nested
 * thousands deep is built to overflow the stack of whatever walks it (hashing, copying).
 */
const MAX_NESTING = 64;

/** Whether `value` is nested deeper than `limit`, found without recursion. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function feature(value: unknown): ForeignFeature {
  const f = (value ?? {}) as Partial<Feature>;
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined;
  const geometry = f.geometry && typeof f.geometry === 'object' ? (f.geometry as Geometry) : null;
  return { geometry, properties: cleanProperties(f.properties), id };
}

export function readGeoJson(text: string, fileName: string): ForeignDataset {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError('unsupported_format', `“${fileName}” is not valid GeoJSON (${err instanceof Error ? err.message : 'unreadable'}).`);
  }
  if (!json || typeof json !== 'object') throw new ImportFileError('unsupported_format', `“${fileName}” is not GeoJSON (no object at its top).`);
  if (nestedDeeperThan(json, MAX_NESTING)) {
    throw new ImportFileError('unsupported_format', `“${fileName}” has values nested more than ${MAX_NESTING} levels deep, far deeper than GeoJSON needs; Faultline does not read it.`);
  }
  const root = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const crs = root.crs?.properties?.name;
  const reprojection = typeof crs === 'string' && !WGS84_NAMES.includes(crs) ? reprojectionFor(epsgOfName(crs) ?? NaN) : null;
  if (typeof crs === 'string' && !WGS84_NAMES.includes(crs) && !reprojection) {
    throw new ImportFileError('unsupported_format', `“${fileName}” is in the coordinate system ${crs.slice(0, 80)}, which Faultline does not convert; convert it to longitude/latitude first (for example with ogr2ogr -t_srs EPSG:4326).`);
  }
  let features: ForeignFeature[];
  if (root.type === 'FeatureCollection' && Array.isArray(root.features)) {
    if (root.features.length > FOREIGN_LIMITS.features) {
      throw new ImportFileError('too_large', `“${fileName}” has ${root.features.length.toLocaleString('en')} features; Faultline imports up to ${FOREIGN_LIMITS.features.toLocaleString('en')} at a time.`);
    }
    features = root.features.map(feature);
  } else if (root.type === 'Feature') {
    features = [feature(root)];
  } else if (typeof root.type === 'string' && 'coordinates' in root) {
    features = [{ geometry: root as unknown as Geometry, properties: {} }];
  } else {
    throw new ImportFileError('unsupported_format', `“${fileName}” is not GeoJSON (no FeatureCollection, Feature or geometry).`);
  }
  const warnings: string[] = [];
  if (reprojection) {
    for (const f of features) if (f.geometry) f.geometry = reprojectGeometry(f.geometry, reprojection);
    warnings.push(`“${fileName}” was converted from ${reprojection.name} (${reprojection.code}) to longitude/latitude.`);
  }
  const name = fileName.replace(/\.(geo)?json$/i, '');
  return { fileName, format: 'geojson', layers: [{ id: 'features', name, features, fields: fieldsOf(features) }], warnings, acled: false };
}
