import fs from 'node:fs';
import { fileSubject, inspectCaseFile } from '../../store/inspectCaseFile';
import { ImportFileError } from '../importErrors';
import type { PreparedFile } from '../sourceFile';
import { refuseUnsafeTables } from '../storedValuesGuard';
import { FOREIGN_LIMITS, type ForeignDataset } from './foreignLayer';
import { kmlFromKmz } from './kmz';
import { readCsv } from './readCsv';
import { readGeoJson } from './readGeoJson';
import { readGpkgLayers } from './readGpkgLayers';
import { readGpx, readKml } from './readXml';

/**
 * Reads a foreign file (already copied into a private folder, see sourceFile.ts) into layers.
 * The format is told by the file's first bytes where they say (SQLite, zip), else by its
 * extension, else by its first character; a GeoPackage must pass the same inspection as a
 * case file (SQLite, intact, GeoPackage) before any of its tables is read.
 */

const SQLITE = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function text(file: PreparedFile): string {
  if (file.size > FOREIGN_LIMITS.textBytes) {
    throw new ImportFileError('too_large', `${fileSubject(file.originalPath)} is ${Math.round(file.size / 1024 / 1024)} MB; Faultline reads data files of up to ${FOREIGN_LIMITS.textBytes / 1024 / 1024} MB.`);
  }
  return fs.readFileSync(file.copyPath, 'utf8');
}

export function readForeignFile(file: PreparedFile): ForeignDataset {
  const name = file.fileName;
  const lower = name.toLowerCase();
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file.copyPath, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.equals(SQLITE)) {
    // Before the inspection: its integrity check reads every column of every row.
    refuseUnsafeTables(file.copyPath, fileSubject(file.originalPath));
    const inspection = inspectCaseFile(file.copyPath);
    if (!inspection.ok && inspection.problem === 'not_faultline') return readGpkgLayers(file.copyPath, name);
    if (!inspection.ok && ['not_sqlite', 'corrupt', 'not_gpkg', 'unreadable'].includes(inspection.problem)) {
      throw new ImportFileError(inspection.problem as 'not_sqlite' | 'corrupt' | 'not_gpkg' | 'unreadable', inspection.message);
    }
    throw new ImportFileError('unsupported_format', `${fileSubject(file.originalPath)} is a Faultline case; import it with File ▸ Import Case File, which merges it.`);
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    if (file.size > FOREIGN_LIMITS.textBytes) throw new ImportFileError('too_large', `${fileSubject(file.originalPath)} is too large to import.`);
    return readKml(kmlFromKmz(fs.readFileSync(file.copyPath), name), name, 'kmz');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(text(file), name);
  if (lower.endsWith('.kml')) return readKml(text(file), name);
  if (lower.endsWith('.gpx')) return readGpx(text(file), name);
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return readGeoJson(text(file), name);
  const body = text(file).replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return readGeoJson(body, name);
  if (body.startsWith('<')) return /<gpx[\s>]/i.test(body.slice(0, 2000)) ? readGpx(body, name) : readKml(body, name);
  throw new ImportFileError('unsupported_format', `${fileSubject(file.originalPath)} is not a format Faultline imports (GeoJSON, KML, KMZ, GPX, CSV with coordinates, GeoPackage).`);
}
