import { z } from 'zod';

/** The data formats a case exports to (issue 4): for GIS tools, Google Earth and spreadsheets. */
export const EXPORT_FORMATS = {
  geojson: { label: 'GeoJSON (RFC 7946)', extension: '.geojson', what: 'incidents and zones with all attributes' },
  kml: { label: 'KML (Google Earth)', extension: '.kml', what: 'incidents and zones, styled, with time stamps' },
  kmz: { label: 'KMZ (Google Earth, with icons)', extension: '.kmz', what: 'the KML and its icons in one file' },
  csv: { label: 'CSV (ACLED columns)', extension: '.csv', what: 'incidents, one row each' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const ExportFormatSchema = z.enum(Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]], 'The format must be geojson, kml, kmz or csv');

/** Adds the format's extension to a path that does not already end in it. */
export function withExportExtension(path: string, format: ExportFormat): string {
  const ext = EXPORT_FORMATS[format].extension;
  return path.toLowerCase().endsWith(ext) ? path : path + ext;
}

/**
 * A coordinate as text with at least six decimals (about 0.1 m), and more when the stored value
 * has them: `20.8361` → `20.836100`, `20.12345678` stays as it is. Never rounds a value.
 */
export function coordinateText(value: number): string {
  const plain = String(value);
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  if (/e/i.test(plain)) return value.toFixed(12); // 1e-7 and the like, a hair from 0°
  return decimals >= 6 ? plain : value.toFixed(6);
}
