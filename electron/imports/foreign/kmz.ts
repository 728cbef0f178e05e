import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';
import { ImportFileError } from '../importErrors';
import { FOREIGN_LIMITS } from './foreignLayer';

/**
 * A KMZ is a zip holding a KML (doc.kml, or the first .kml at its top) and its icons. A zip
 * is also the classic "zip bomb": a few kilobytes that inflate to gigabytes, sometimes with
 * sizes in its directory that lie. So:
 *   - the directory is read first without inflating anything: too many entries, an entry that
 *     says it is larger than the limit, or an absurd compression ratio, and the file is
 *     refused;
 *   - the KML is then inflated as a stream, counting what actually comes out, and stopped the
 *     moment it passes the limit, whatever the directory said.
 */

const MAX_ENTRIES = 2_000;
/** Deflate rarely beats 20:1 on KML; 200:1 is a bomb. */
const MAX_RATIO = 200;

function bomb(fileName: string, why: string): ImportFileError {
  return new ImportFileError('zip_bomb', `“${fileName}” is not a usable KMZ: ${why}; it looks built to exhaust memory (a “zip bomb”) and was not unpacked.`);
}

export function kmlFromKmz(bytes: Uint8Array, fileName: string, limit: number = FOREIGN_LIMITS.textBytes): string {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push(file);
        return false; // list only; nothing is inflated here
      },
    });
  } catch (err) {
    throw new ImportFileError('unsupported_format', `“${fileName}” is not a readable KMZ (zip) file (${err instanceof Error ? err.message : 'unreadable'}).`);
  }
  if (entries.length > MAX_ENTRIES) throw bomb(fileName, `it holds ${entries.length.toLocaleString('en')} files`);
  const kml = entries.find((e) => e.name.toLowerCase() === 'doc.kml') ?? entries.find((e) => !e.name.includes('/') && e.name.toLowerCase().endsWith('.kml'));
  if (!kml) throw new ImportFileError('unsupported_format', `“${fileName}” holds no KML document (doc.kml).`);
  if (kml.originalSize > limit) throw bomb(fileName, `its KML says it unpacks to ${Math.round(kml.originalSize / 1024 / 1024).toLocaleString('en')} MB`);
  if (kml.size > 0 && kml.originalSize / kml.size > MAX_RATIO) throw bomb(fileName, `its KML is compressed ${Math.round(kml.originalSize / kml.size).toLocaleString('en')} to 1`);
  if (kml.compression !== 0 && kml.compression !== 8) throw new ImportFileError('unsupported_format', `“${fileName}” uses a zip compression Faultline does not read (method ${kml.compression}).`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (file.name !== kml.name) return;
    file.ondata = (err, chunk, final) => {
      if (err) {
        failure = err;
        return;
      }
      total += chunk.length;
      if (total > limit || (kml.size > 0 && total / kml.size > MAX_RATIO && total > 1024 * 1024)) {
        overflow = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      void final;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (err) {
    if (!overflow) throw new ImportFileError('unsupported_format', `“${fileName}” is a damaged KMZ (${err instanceof Error ? err.message : 'unreadable'}).`);
  }
  if (overflow) throw bomb(fileName, 'its KML unpacks to more than its directory says');
  if (failure) throw new ImportFileError('unsupported_format', `“${fileName}” is a damaged KMZ (${(failure as Error).message}).`);
  return Buffer.concat(chunks).toString('utf8');
}
