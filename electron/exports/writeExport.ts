import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ExportFormat } from '../../shared/exports/exportFormats';
import type { CaseRecords } from './caseRecords';
import { incidentsToCsv } from './csvExport';
import { geoJSONText } from './geojsonExport';
import { caseToKml } from './kmlExport';
import { caseToKmz } from './kmzExport';

export interface ExportResult {
  path: string;
  format: ExportFormat;
  incidents: number;
  zones: number;
  bytes: number;
}

export interface ExportOptions {
  /** CSV only: begin the file with a UTF-8 byte-order mark, which Excel needs (csvExport.ts). */
  byteOrderMark?: boolean;
}

/** The bytes of an export. CSV holds incidents only (zones are areas, not rows of events). */
export function exportBytes(records: CaseRecords, format: ExportFormat, options: ExportOptions = {}): Uint8Array | string {
  switch (format) {
    case 'geojson':
      return geoJSONText(records);
    case 'csv':
      return incidentsToCsv(records.incidents, { byteOrderMark: options.byteOrderMark ?? false });
    case 'kml':
      return caseToKml(records);
    case 'kmz':
      return caseToKmz(records);
  }
}

/**
 * Writes a file all at once: to a temporary name in the same folder, then renamed over the
 * target, so a reader (or a crash) never sees half a file.
 */
export function writeFileAtomically(path: string, data: Uint8Array | string): number {
  const folder = dirname(path);
  if (!existsSync(folder)) throw new ApiError('io', `The folder ${folder} does not exist.`);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error');
    throw new ApiError('io', `Could not write ${basename(path)} (${reason}).`);
  }
  return statSync(path).size;
}

export function writeExport(records: CaseRecords, format: ExportFormat, path: string, options: ExportOptions = {}): ExportResult {
  const bytes = writeFileAtomically(path, exportBytes(records, format, options));
  return {
    path,
    format,
    incidents: records.incidents.length,
    zones: format === 'csv' ? 0 : records.zones.length,
    bytes,
  };
}
