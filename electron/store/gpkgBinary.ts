import type { Geometry } from 'geojson';
import { GeometryBlobError, geometryBounds, isEmptyGeometry, type Bounds, type SimpleGeometry } from './wkb';
import { readWkb } from './wkbReader';
import { measureWkb, writeWkb } from './wkbWriter';

export { GeometryBlobError, type Bounds, type SimpleGeometry } from './wkb';

/**
 * GeoPackageBinary (GeoPackage 1.4, clause 2.1.3): the value of every geometry column.
 *
 *   'G' 'P'  version 0  flags  srs_id (int32)  envelope (0, 4, 6 or 8 doubles)  ISO WKB
 *
 * flags: bit 0 byte order of the header (1 = little-endian), bits 1-3 envelope contents
 * indicator (0 none, 1 XY, 2 XYZ, 3 XYM, 4 XYZM), bit 4 empty geometry, bit 5 extended
 * GeoPackageBinary (not allowed in a plain GeoPackage), bits 6-7 reserved.
 *
 * We write little-endian, srs 4326, no envelope for points (their envelope is the point) and an
 * XY envelope for everything else, so readers can get the bounds without parsing the WKB.
 */

export const WGS84_SRS_ID = 4326;

const MAGIC_G = 0x47;
const MAGIC_P = 0x50;
const FLAG_LITTLE_ENDIAN = 0b0000_0001;
const FLAG_ENVELOPE_XY = 0b0000_0010; // envelope indicator 1, shifted into bits 1-3
const FLAG_EMPTY = 0b0001_0000;
const FLAG_EXTENDED = 0b0010_0000;

/** Doubles in the envelope for each envelope contents indicator (5-7 are invalid). */
const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

export interface GpkgHeader {
  littleEndian: boolean;
  empty: boolean;
  srsId: number;
  /** [minX, minY, maxX, maxY] from the header, or null when the blob carries no envelope. */
  envelope: Bounds;
  /** Offset of the WKB inside the blob. */
  wkbOffset: number;
}

export interface GpkgGeometry {
  srsId: number;
  empty: boolean;
  envelope: Bounds;
  geometry: SimpleGeometry;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Parses and checks the GeoPackageBinary header. Throws GeometryBlobError when malformed. */
export function readGpkgHeader(blob: Uint8Array): GpkgHeader {
  if (!(blob instanceof Uint8Array)) throw new GeometryBlobError('The geometry is not a binary value');
  if (blob.byteLength < 8) throw new GeometryBlobError('The geometry is truncated (shorter than a GeoPackage header)');
  if (blob[0] !== MAGIC_G || blob[1] !== MAGIC_P) {
    throw new GeometryBlobError('The geometry is not GeoPackageBinary (it does not start with “GP”)');
  }
  if (blob[2] !== 0) throw new GeometryBlobError(`The geometry has an unknown GeoPackageBinary version (${blob[2]})`);
  const flags = blob[3]!;
  if (flags & FLAG_EXTENDED) throw new GeometryBlobError('The geometry uses ExtendedGeoPackageBinary, which is not supported');
  if (flags & 0b1100_0000) throw new GeometryBlobError('The geometry header has reserved flag bits set');
  const envelopeCode = (flags >> 1) & 0b111;
  if (envelopeCode > 4) throw new GeometryBlobError(`The geometry has an invalid envelope indicator (${envelopeCode})`);
  const littleEndian = (flags & FLAG_LITTLE_ENDIAN) !== 0;
  const doubles = ENVELOPE_DOUBLES[envelopeCode]!;
  const wkbOffset = 8 + 8 * doubles;
  if (blob.byteLength < wkbOffset + 5) throw new GeometryBlobError('The geometry is truncated (its header or WKB is cut off)');
  const view = viewOf(blob);
  const srsId = view.getInt32(4, littleEndian);
  const empty = (flags & FLAG_EMPTY) !== 0;
  let envelope: Bounds = null;
  if (doubles > 0) {
    // Envelope order in the header is minx, maxx, miny, maxy (then z and m ranges).
    const minX = view.getFloat64(8, littleEndian);
    const maxX = view.getFloat64(16, littleEndian);
    const minY = view.getFloat64(24, littleEndian);
    const maxY = view.getFloat64(32, littleEndian);
    const all = [minX, maxX, minY, maxY];
    if (!empty) {
      if (!all.every(Number.isFinite)) throw new GeometryBlobError('The geometry envelope has a NaN or infinite value');
      if (minX > maxX || minY > maxY) throw new GeometryBlobError('The geometry envelope has its minimum above its maximum');
      envelope = [minX, minY, maxX, maxY];
    }
  }
  return { littleEndian, empty, srsId, envelope, wkbOffset };
}

/** Decodes a whole GeoPackageBinary blob. Throws GeometryBlobError when malformed. */
export function decodeGpkgGeometry(blob: Uint8Array): GpkgGeometry {
  const header = readGpkgHeader(blob);
  const geometry = readWkb(blob, header.wkbOffset);
  const empty = header.empty || isEmptyGeometry(geometry);
  return { srsId: header.srsId, empty, envelope: empty ? null : (header.envelope ?? geometryBounds(geometry)), geometry };
}

/** Encodes a GeoJSON geometry (2D; any Z is dropped) as GeoPackageBinary. */
export function encodeGpkgGeometry(geometry: Geometry, srsId: number = WGS84_SRS_ID): Buffer {
  const wkbSize = measureWkb(geometry); // also validates type and coordinates
  const g = geometry as SimpleGeometry;
  const empty = isEmptyGeometry(g);
  const withEnvelope = !empty && g.type !== 'Point';
  const headerSize = 8 + (withEnvelope ? 32 : 0);
  const out = Buffer.alloc(headerSize + wkbSize);
  out[0] = MAGIC_G;
  out[1] = MAGIC_P;
  out[2] = 0;
  out[3] = FLAG_LITTLE_ENDIAN | (withEnvelope ? FLAG_ENVELOPE_XY : 0) | (empty ? FLAG_EMPTY : 0);
  const view = viewOf(out);
  view.setInt32(4, srsId, true);
  if (withEnvelope) {
    const [minX, minY, maxX, maxY] = geometryBounds(g)!;
    view.setFloat64(8, minX, true);
    view.setFloat64(16, maxX, true);
    view.setFloat64(24, minY, true);
    view.setFloat64(32, maxY, true);
  }
  writeWkb(g, out, headerSize);
  return out;
}

/**
 * Fast path for incident points: the 29-byte blob of POINT(lon lat) in srs 4326. Same bytes as
 * `encodeGpkgGeometry({type: 'Point', coordinates: [lon, lat]})`.
 */
export function encodeGpkgPoint(lon: number, lat: number, srsId: number = WGS84_SRS_ID): Buffer {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new GeometryBlobError('A point coordinate is not a finite number');
  const out = Buffer.allocUnsafe(29);
  out[0] = MAGIC_G;
  out[1] = MAGIC_P;
  out[2] = 0;
  out[3] = FLAG_LITTLE_ENDIAN;
  out.writeInt32LE(srsId, 4);
  out[8] = 1; // WKB little-endian
  out.writeUInt32LE(1, 9); // Point
  out.writeDoubleLE(lon, 13);
  out.writeDoubleLE(lat, 21);
  return out;
}

/**
 * Reads [lon, lat] of a non-empty point blob (fast path when reading incidents back; falls back
 * to the full decoder for unusual encodings such as big-endian or with an envelope).
 */
export function readGpkgPoint(blob: Uint8Array): [number, number] {
  if (blob.byteLength === 29 && blob[0] === MAGIC_G && blob[1] === MAGIC_P && blob[2] === 0 && blob[3] === FLAG_LITTLE_ENDIAN && blob[8] === 1) {
    const view = viewOf(blob);
    if (view.getUint32(9, true) === 1) {
      const x = view.getFloat64(13, true);
      const y = view.getFloat64(21, true);
      if (Number.isFinite(x) && Number.isFinite(y)) return [x, y];
    }
  }
  const { geometry, empty } = decodeGpkgGeometry(blob);
  if (geometry.type !== 'Point' || empty) throw new GeometryBlobError(`Expected a point geometry, found ${empty ? 'an empty' : 'a'} ${geometry.type}`);
  return [geometry.coordinates[0]!, geometry.coordinates[1]!];
}

/**
 * Bounds of a blob as [minX, minY, maxX, maxY], or null when the geometry is empty. Uses the
 * header envelope when there is one, so it stays cheap for large polygons. This is what the
 * ST_MinX/ST_MaxX/... SQL functions (and so the R*Tree triggers) call.
 */
export function gpkgBounds(blob: Uint8Array): Bounds {
  const header = readGpkgHeader(blob);
  if (header.empty) return null;
  if (header.envelope) return header.envelope;
  const o = header.wkbOffset;
  // Point without envelope (how points are normally written): read it directly.
  const order = blob[o];
  if (order === 0 || order === 1) {
    const view = viewOf(blob);
    const le = order === 1;
    const type = view.getUint32(o + 1, le);
    if (type === 1 && blob.byteLength === o + 21) {
      const x = view.getFloat64(o + 5, le);
      const y = view.getFloat64(o + 13, le);
      if (Number.isNaN(x) && Number.isNaN(y)) return null;
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new GeometryBlobError('The geometry has a coordinate that is NaN or infinite');
      return [x, y, x, y];
    }
  }
  return geometryBounds(readWkb(blob, o));
}
