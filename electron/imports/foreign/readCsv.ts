import Papa from 'papaparse';
import { isAcledExport } from '../../../shared/domain/foreignMapping';
import { ImportFileError } from '../importErrors';
import { FOREIGN_LIMITS, cleanProperties, type ForeignDataset, type ForeignFeature } from './foreignLayer';

/**
 * CSV with a latitude and a longitude column (parsed by papaparse: quoting, embedded commas
 * and line breaks, other delimiters). ACLED's export is one, recognised by its columns and
 * mapped field by field. Rows without usable coordinates are kept without a location, so the
 * mapping step can say which rows will be skipped and why.
 */

const LATITUDE = ['latitude', 'lat', 'y', 'decimallatitude'];
const LONGITUDE = ['longitude', 'lon', 'lng', 'long', 'x', 'decimallongitude'];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function findColumn(columns: string[], names: string[]): string | undefined {
  for (const name of names) {
    const found = columns.find((c) => squash(c) === name);
    if (found) return found;
  }
  return undefined;
}

function coordinate(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function readCsv(text: string, fileName: string): ForeignDataset {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (columns.length === 0) throw new ImportFileError('unsupported_format', `“${fileName}” has no header row, so its columns cannot be named.`);
  const lat = findColumn(columns, LATITUDE);
  const lon = findColumn(columns, LONGITUDE);
  if (!lat || !lon) {
    throw new ImportFileError('unsupported_format', `“${fileName}” has no latitude and longitude columns (looked for columns named latitude/lat/y and longitude/lon/lng/x).`);
  }
  if (parsed.data.length > FOREIGN_LIMITS.features) {
    throw new ImportFileError('too_large', `“${fileName}” has ${parsed.data.length.toLocaleString('en')} rows; Faultline imports up to ${FOREIGN_LIMITS.features.toLocaleString('en')} at a time.`);
  }
  const acled = isAcledExport(columns);
  const idColumn = acled ? columns.find((c) => c.toLowerCase() === 'event_id_cnty') : undefined;
  const features: ForeignFeature[] = parsed.data.map((row) => {
    const y = coordinate(row[lat]);
    const x = coordinate(row[lon]);
    return {
      geometry: x !== null && y !== null ? { type: 'Point', coordinates: [x, y] } : null,
      properties: cleanProperties(row),
      id: idColumn && row[idColumn] ? `acled:${row[idColumn]}` : undefined,
    };
  });
  const warnings = parsed.errors.slice(0, 3).map((e) => `Row ${(e.row ?? 0) + 2}: ${e.message}.`);
  const name = fileName.replace(/\.csv$/i, '');
  return { fileName, format: 'csv', layers: [{ id: 'rows', name, features, fields: columns }], warnings, acled };
}
