import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { BasemapData } from '../../shared/geo/basemapTypes';
import type { Place } from '../../shared/places/placeTypes';
import { BASEMAP_FILES } from './basemapFiles';

export type LoadedBasemap = Required<BasemapData> & { places: Place[] };

export const BASEMAP_NOT_BUILT = 'The offline basemap has not been built: run npm run build';

const cache = new Map<string, LoadedBasemap>();

/**
 * Reads the generated basemap from `<resourcesDir>/basemap/` once per process and folder
 * (the files are a few MB and never change while the app runs).
 *
 * @example
 * const basemap = loadBasemap(resourcesDir());
 * createAdminLookup(basemap)(20.84028, 42.9075).admin2; // 'Zvečan'
 */
export function loadBasemap(resourcesDir: string): LoadedBasemap {
  const dir = join(resolve(resourcesDir), 'basemap');
  const cached = cache.get(dir);
  if (cached) return cached;

  const read = (name: string): unknown => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`${BASEMAP_NOT_BUILT} (missing basemap/${name})`);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${unusable(name)} (${(error as Error).message}); rebuild it with npm run build`);
    }
  };
  const collection = <T extends FeatureCollection>(name: string): T => {
    const data = read(name) as Partial<FeatureCollection> | null;
    if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
      throw new Error(`${unusable(name)}: not a GeoJSON FeatureCollection; rebuild it with npm run build`);
    }
    return data as T;
  };

  const places = read(BASEMAP_FILES.places);
  if (!Array.isArray(places)) throw new Error(`${unusable(BASEMAP_FILES.places)}: not a list of places`);
  const basemap: LoadedBasemap = {
    countries: collection(BASEMAP_FILES.countries),
    borders: collection(BASEMAP_FILES.borders),
    entities: collection(BASEMAP_FILES.entities),
    iebl: collection(BASEMAP_FILES.iebl),
    admin: collection(BASEMAP_FILES.admin),
    places: places as Place[],
  };
  cache.set(dir, basemap);
  return basemap;
}

function unusable(name: string): string {
  return `The offline basemap file basemap/${name} is unusable`;
}

/** Forgets loaded basemaps (tests, or after a rebuild in the same process). */
export function clearBasemapCache(): void {
  cache.clear();
}
