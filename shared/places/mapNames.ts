import type { FeatureCollection } from 'geojson';
import { foldForSearch } from './foldText';
import type { Place } from './placeTypes';

/**
 * How the map writes names in Kosovo, where both Serbian and Albanian are official: Serbian
 * Latin, then Albanian ("Zvečan / Zveçan"), one name where they are the same ("Prizren").
 * The gazetteer (GeoNames) gives a town in one language or the other ("Leposaviq" but
 * "Zvečan"); a municipality seat is written the way its municipality is, so the two names of a
 * place always read the same way round. The workbench and the report share this.
 */

/** A Kosovo municipality's name as the map writes it. */
export function municipalityName(name: string, nameSq: string): string {
  return nameSq && nameSq !== name ? `${name} / ${nameSq}` : name;
}

/**
 * The name to write for each place, given the basemap's admin areas (admin.geojson): a Kosovo
 * municipality seat (a town of rank 1 or 2 whose name or other name is its municipality's, in
 * either language) as its municipality is written, every other place by its gazetteer name.
 *
 * @example
 * townNames(files.admin)(leposaviq); // 'Leposavić / Leposaviq'
 */
export function townNames(admin: FeatureCollection): (place: Place) => string {
  const written = new Map<string, string>();
  for (const f of admin.features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (p.iso3 !== 'XKX' || typeof p.name !== 'string') continue;
    const sq = typeof p.name_sq === 'string' ? p.name_sq : '';
    const name = municipalityName(p.name, sq);
    for (const form of [p.name, sq]) if (form) written.set(foldForSearch(form), name);
  }
  return (place) => {
    if (place.iso2 !== 'XK' || place.rank === 3) return place.name;
    for (const form of [place.name, ...place.alt]) {
      const name = written.get(foldForSearch(form));
      if (name) return name;
    }
    return place.name;
  };
}
