import { createHash } from 'node:crypto';
import type { AdminArea } from '../../shared/domain/incident';
import { IncidentFieldsSchema } from '../../shared/domain/incident';
import { createCase } from '../store/caseStore';
import { DEMO_FACTS, DEMO_NOTE } from './demoFacts';
import { demoZones } from './demoZones';
import type { BasemapData } from '../../shared/geo/basemapTypes';

/** The demo case always has this id, so demo cases of two analysts merge cleanly. */
export const DEMO_CASE_ID = uuidFromKey('faultline-demo-case');

export interface GazetteerPlace {
  name: string;
  alt?: string[];
  lon: number;
  lat: number;
}

export interface DemoOptions {
  author: string;
  lookup: (lon: number, lat: number) => AdminArea;
  places: GazetteerPlace[];
  /** The basemap the demo zones are built from (they follow its borders). */
  basemap: Required<BasemapData>;
}

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1), stable across runs. */
export function uuidFromKey(key: string): string {
  const bytes = createHash('sha1').update(`faultline:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function findPlace(places: GazetteerPlace[], names: string[]): { place: GazetteerPlace; preferred: boolean } {
  for (const [i, name] of names.entries()) {
    const place = places.find((p) => p.name === name || (p.alt ?? []).includes(name));
    if (place) return { place, preferred: i === 0 };
  }
  throw new Error(`The gazetteer has none of the places ${names.join(', ')}; rebuild the basemap`);
}

/**
 * Writes the demo case to a new file: the facts of `demoFacts.ts` located at GeoNames places,
 * with the country and admin areas filled in from the basemap like any incident, and the
 * zones of `demoZones.ts`.
 */
export function writeDemoCase(path: string, options: DemoOptions): void {
  const store = createCase(path, { name: 'Western Balkans 2023 (demo)', author: options.author, id: DEMO_CASE_ID });
  try {
    for (const fact of DEMO_FACTS) {
      const { place, preferred } = findPlace(options.places, fact.places);
      // Falling back to a nearby place makes the location approximate: say so (geo precision ≥ 2).
      const geoPrecision = preferred ? fact.fields.geo_precision : (Math.max(fact.fields.geo_precision, 2) as 2 | 3);
      const fields = IncidentFieldsSchema.parse({
        ...fact.fields,
        geo_precision: geoPrecision,
        notes: `${DEMO_NOTE} ${fact.fields.notes}`,
        tags: [...fact.fields.tags, 'demo'],
        lon: place.lon,
        lat: place.lat,
      });
      store.saveIncident({ id: uuidFromKey(fact.key), fields }, options.lookup(place.lon, place.lat), options.author);
    }
    for (const zone of demoZones(options.basemap)) store.saveZone({ id: uuidFromKey(zone.key), fields: zone.fields }, options.author);
  } finally {
    store.close();
  }
}
