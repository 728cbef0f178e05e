import type { Geometry } from 'geojson';
import type { ForeignFormat } from '../../../shared/domain/foreign';

/** A feature read from a foreign file: a geometry (or none) and its attributes. */
export interface ForeignFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** The file's own id of the feature, when it has one (GeoJSON id, KML id, ACLED event id). */
  id?: string | number | undefined;
}

export interface ForeignLayer {
  id: string;
  name: string;
  features: ForeignFeature[];
  fields: string[];
}

export interface ForeignDataset {
  fileName: string;
  format: ForeignFormat;
  layers: ForeignLayer[];
  warnings: string[];
  acled: boolean;
}

/** Limits for files from other tools: they are read whole into memory. */
export const FOREIGN_LIMITS = {
  /** Bytes of text (GeoJSON, KML, GPX, CSV), also the most a KMZ may unpack to. */
  textBytes: 150 * 1024 * 1024,
  features: 250_000,
  /** Characters kept of any one attribute value. */
  valueChars: 20_000,
  /** Attributes kept per feature. */
  properties: 200,
} as const;

/** The attribute names of a layer, in first-seen order. */
export function fieldsOf(features: readonly ForeignFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) {
    for (const key of Object.keys(f.properties)) {
      if (seen.size >= FOREIGN_LIMITS.properties) break;
      seen.add(key);
    }
  }
  return [...seen];
}

/** Attributes as plain JSON values of bounded size; anything else is dropped. */
export function cleanProperties(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (n++ >= FOREIGN_LIMITS.properties) break;
    const k = key.slice(0, 200);
    if (typeof value === 'string') out[k] = value.slice(0, FOREIGN_LIMITS.valueChars);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[k] = value;
    else if (value !== undefined) {
      const json = JSON.stringify(value) ?? '';
      out[k] = json.slice(0, FOREIGN_LIMITS.valueChars);
    }
  }
  return out;
}
