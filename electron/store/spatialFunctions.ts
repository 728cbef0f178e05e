import type Database from 'better-sqlite3';
import { gpkgBounds, readGpkgHeader } from './gpkgBinary';

/**
 * The SQL functions the standard GeoPackage R*Tree triggers call (GeoPackage 1.4, Annex F.3):
 * ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY on GeoPackageBinary blobs.
 *
 * They are pure (no I/O, no state, same output for the same blob), so they are registered as
 * deterministic. These are the only application-defined SQL functions a case connection has;
 * that is what makes `trusted_schema=ON` acceptable once the schema has been verified (see
 * `connection.ts`).
 *
 * NULL in → NULL out, as in GDAL and SpatiaLite; a malformed blob makes the statement fail with
 * the decoder's message rather than putting garbage into the index.
 */

type Blob = Uint8Array | null;

function bounds(blob: unknown) {
  if (blob === null || blob === undefined) return undefined;
  if (!(blob instanceof Uint8Array)) throw new TypeError('ST_ functions expect a GeoPackage geometry blob');
  return gpkgBounds(blob);
}

export function registerSpatialFunctions(db: Database.Database): void {
  const options = { deterministic: true } as const;
  db.function('ST_IsEmpty', options, (blob: Blob) => {
    if (blob === null || blob === undefined) return null;
    if (!(blob instanceof Uint8Array)) throw new TypeError('ST_IsEmpty expects a GeoPackage geometry blob');
    // The header flag settles most cases; POINT(NaN NaN) without the flag is empty too.
    if (readGpkgHeader(blob).empty) return 1;
    return gpkgBounds(blob) === null ? 1 : 0;
  });
  db.function('ST_MinX', options, (blob: Blob) => {
    const b = bounds(blob);
    return b ? b[0] : null;
  });
  db.function('ST_MinY', options, (blob: Blob) => {
    const b = bounds(blob);
    return b ? b[1] : null;
  });
  db.function('ST_MaxX', options, (blob: Blob) => {
    const b = bounds(blob);
    return b ? b[2] : null;
  });
  db.function('ST_MaxY', options, (blob: Blob) => {
    const b = bounds(blob);
    return b ? b[3] : null;
  });
}
