// Test helper: reads the REAL generated basemap (resources/basemap/). Node-only, and only for
// tests: the shared code itself never touches the file system.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BasemapData } from '../basemapTypes';
import type { Place } from '../../places/placeTypes';

const basemapDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'basemap');

function readJson<T>(name: string): T {
  const path = join(basemapDir, name);
  if (!existsSync(path)) {
    throw new Error(
      `resources/basemap/${name} is missing: build the offline basemap first with ` +
        '`npx tsx scripts/build-basemap.ts` (or `npm run build:basemap`)',
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

let cached: (Required<BasemapData> & { places: Place[] }) | null = null;

export function builtBasemap(): Required<BasemapData> & { places: Place[] } {
  cached ??= {
    countries: readJson('countries.geojson'),
    borders: readJson('borders.geojson'),
    entities: readJson('entities.geojson'),
    iebl: readJson('iebl.geojson'),
    admin: readJson('admin.geojson'),
    places: readJson('places.json'),
  };
  return cached;
}
