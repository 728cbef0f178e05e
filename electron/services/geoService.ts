import type { AdminArea } from '../../shared/domain/incident';
import { createAdminLookup } from '../../shared/geo/adminLookup';
import { loadBasemap, type LoadedBasemap } from '../basemap/loadBasemap';
import type { GazetteerPlace } from '../demo/demoCase';

/**
 * Point-in-polygon lookups on the offline basemap. The basemap is loaded on first use, not
 * at start-up, so opening the app does not wait for it.
 */
export interface GeoService {
  lookup(lon: number, lat: number): AdminArea;
  places(): GazetteerPlace[];
  /** The whole basemap (areas and lines), for the zone analysis. */
  basemap(): LoadedBasemap;
}

export function createGeoService(resourcesDir: string): GeoService {
  let lookup: ((lon: number, lat: number) => AdminArea) | null = null;
  return {
    lookup(lon, lat) {
      if (!lookup) lookup = createAdminLookup(loadBasemap(resourcesDir));
      return lookup(lon, lat);
    },
    places: () => loadBasemap(resourcesDir).places,
    basemap: () => loadBasemap(resourcesDir),
  };
}
