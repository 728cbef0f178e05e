import type { Geometry } from 'geojson';
import type { ForeignFormat } from '../../../shared/domain/foreign';
import { ImportFileError } from '../importErrors';

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
  /**
   * About how much memory the features of one file may take once read (see ForeignBudget):
   * as much as the text of the largest GeoJSON we read. A GeoPackage's size says nothing
   * about it (its values may be compressed, repeated or computed), so it is counted as read.
   */
  datasetBytes: 150 * 1024 * 1024,
} as const;

export interface BudgetLimits {
  features: number;
  datasetBytes: number;
}

/**
 * Counts the features of a dataset as they are read, and stops the read with one clear
 * message when there are too many or they would take too much memory. The cost of a feature
 * is an estimate of what it takes in memory: each text character twice (JavaScript strings),
 * 16 bytes for every value besides (the property itself), and three times its geometry's
 * binary size (coordinates become arrays of numbers).
 */
export class ForeignBudget {
  private features = 0;
  private bytes = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: BudgetLimits = FOREIGN_LIMITS,
  ) {}

  add(geometryBytes: number, properties: Record<string, unknown>): void {
    if (++this.features > this.limits.features) {
      throw new ImportFileError('too_large', `“${this.fileName}” has more than ${this.limits.features.toLocaleString('en')} features; Faultline imports up to that many at a time.`);
    }
    let cost = 3 * geometryBytes;
    for (const key in properties) {
      const value = properties[key];
      cost += 16 + 2 * key.length + (typeof value === 'string' ? 2 * value.length : 8);
    }
    this.bytes += cost;
    if (this.bytes > this.limits.datasetBytes) {
      throw new ImportFileError(
        'too_large',
        `“${this.fileName}” holds more data than Faultline reads at once (over ${Math.round(this.limits.datasetBytes / 1024 / 1024)} MB of attributes and shapes after ${this.features.toLocaleString('en')} features); export the part you need into a smaller file (for example with ogr2ogr -where or -spat) and import that.`,
      );
    }
  }
}

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
  // defineProperty, not assignment: a column named "__proto__" is an attribute like any other
  // (assigning it would try to set the object's prototype and lose the value).
  const set = (k: string, value: unknown) => Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  let n = 0;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (n++ >= FOREIGN_LIMITS.properties) break;
    const k = key.slice(0, 200);
    if (typeof value === 'string') set(k, value.slice(0, FOREIGN_LIMITS.valueChars));
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) set(k, value);
    else if (value !== undefined) {
      const json = JSON.stringify(value) ?? '';
      set(k, json.slice(0, FOREIGN_LIMITS.valueChars));
    }
  }
  return out;
}
