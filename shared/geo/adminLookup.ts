import type { AdminArea } from '../domain/incident';
import type { AdminProperties, BasemapData, CountryProperties } from './basemapTypes';
import { ENTITY_NAMES } from './bosniaUnits';
import { createPolygonIndex, type PolygonIndex } from './polygonIndex';

/**
 * A point on water this close to land takes the nearest country: border rivers and lakes
 * (the Drina, the Danube, Lake Ohrid's shore), harbours, and the odd gap the land polygons
 * leave where rivers were cut out. Open sea stays "no country".
 */
export const WATER_SNAP_METRES = 1_000;

/**
 * The admin areas tile their country (the build fits the Natural Earth polygons to the
 * OpenStreetMap country outline), so a point inside a country is inside one of its admin
 * areas. A point on water that took the nearest country (WATER_SNAP_METRES) is in none: it
 * takes the nearest admin area of that country, which is no further away than the country.
 */
export const ADMIN_SNAP_METRES = WATER_SNAP_METRES;

const NOWHERE: AdminArea = Object.freeze({ country: '', admin1: '', admin2: '' });

/**
 * Builds the point → admin area lookup that fills an incident's `country`, `admin1` and
 * `admin2`, named as ACLED names them:
 * - Kosovo: admin1 = district ("Mitrovica"), admin2 = municipality ("Zvečan");
 * - Bosnia and Herzegovina: admin1 = entity ("Republika Srpska"), admin2 = canton or region;
 * - Serbia: admin1 = district ("Raški"), admin2 = "";
 * - any other country: country only; open sea: all "".
 * An admin area is only ever taken from the country the point is in.
 *
 * @example
 * const lookup = createAdminLookup(basemap);
 * lookup(20.84028, 42.9075); // { country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' }
 */
export function createAdminLookup(data: BasemapData): (lon: number, lat: number) => AdminArea {
  const countries: PolygonIndex<CountryProperties> = createPolygonIndex(
    data.countries.features.map((f) => ({ geometry: f.geometry, value: f.properties })),
  );

  const adminByCountry = new Map<string, PolygonIndex<AdminProperties>>();
  const iso3s = new Set(data.admin.features.map((f) => f.properties.iso3));
  for (const iso3 of iso3s) {
    const features = data.admin.features.filter((f) => f.properties.iso3 === iso3);
    adminByCountry.set(iso3, createPolygonIndex(features.map((f) => ({ geometry: f.geometry, value: f.properties }))));
  }

  return (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return NOWHERE;
    const country = countries.containing(lon, lat) ?? countries.nearest(lon, lat, WATER_SNAP_METRES)?.value;
    if (!country) return NOWHERE;
    const admins = adminByCountry.get(country.iso3);
    const admin = admins
      ? (admins.containing(lon, lat) ?? admins.nearest(lon, lat, ADMIN_SNAP_METRES)?.value ?? null)
      : null;
    return { country: country.name, ...adminNames(admin) };
  };
}

function adminNames(admin: AdminProperties | null): { admin1: string; admin2: string } {
  if (!admin) return { admin1: '', admin2: '' };
  switch (admin.iso3) {
    case 'XKX':
      return { admin1: admin.district, admin2: admin.name };
    case 'BIH':
      return { admin1: ENTITY_NAMES[admin.entity], admin2: admin.name };
    case 'SRB':
      return { admin1: admin.name, admin2: '' };
  }
}
