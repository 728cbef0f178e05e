import type { Feature, MultiLineString } from 'geojson';
import type {
  AdminFeature,
  AreaGeometry,
  CountryFeature,
  EntityProperties,
  IeblProperties,
} from '../../shared/geo/basemapTypes';
import { assertAreaSum, assertValidArea } from './areaChecks';
import { buildBosniaEntities } from './buildBosnia';
import { fitUnitsToCountry, type FitReport } from './fitToCountry';
import { assertIeblBetweenEntities } from './ieblChecks';

/** The countries that have admin areas, in the order they are fitted. */
const ADMIN_COUNTRIES = ['BIH', 'XKX', 'SRB'] as const;
/** The entities must add up to Bosnia and Herzegovina's area within this. */
const ENTITY_AREA_TOLERANCE_PERCENT = 0.5;

/**
 * `admin.geojson`, `entities.geojson` and `iebl.geojson` from the source's admin areas.
 *
 * The source (Natural Earth, ~1 km) is coarser than the countries (OpenStreetMap, ~10 m):
 * left alone, at zoom 12 Brčko District spills across the Sava into Croatia and Kosovo's
 * municipal lines run into Serbia, while strips of land inside the border are in no area.
 * So each country's areas are fitted to its outline in countries.geojson (`fitUnitsToCountry`:
 * clipped to it, the gaps shared out) and tile it; the entities and the IEBL are then
 * dissolved from the fitted BiH cantons and regions, so they stop at the international border.
 *
 * Checked here, so a bad build fails rather than ships: every area and entity is a valid
 * polygon; each country's areas, and the entities, add up to the country's area within
 * 0.5 %; the IEBL runs only between entities.
 *
 * Areas come back sorted by country code, then name.
 */
export function buildAdminAreas(
  countries: readonly CountryFeature[],
  sourceAdmin: readonly AdminFeature[],
): {
  admin: AdminFeature[];
  entities: Feature<AreaGeometry, EntityProperties>[];
  iebl: Feature<MultiLineString, IeblProperties>;
  report: { iso3: string; areas: number; fit: FitReport }[];
  entitiesPercent: number;
} {
  const countryGeometry = (iso3: string) => {
    const country = countries.find((c) => c.properties.iso3 === iso3);
    if (!country) throw new Error(`basemap: no country ${iso3} for its admin areas`);
    return country.geometry;
  };
  const unknown = sourceAdmin.find((a) => !(ADMIN_COUNTRIES as readonly string[]).includes(a.properties.iso3));
  if (unknown) throw new Error(`basemap: admin area ${unknown.properties.name} of ${unknown.properties.iso3} is not fitted`);

  const admin: AdminFeature[] = [];
  const report: { iso3: string; areas: number; fit: FitReport }[] = [];
  for (const iso3 of ADMIN_COUNTRIES) {
    const areas = sourceAdmin.filter((a) => a.properties.iso3 === iso3);
    const fitted = fitUnitsToCountry(countryGeometry(iso3), areas, `admin ${iso3}`);
    admin.push(...fitted.units);
    report.push({ iso3, areas: areas.length, fit: fitted.report });
  }
  admin.sort((a, b) => compare(a.properties.iso3, b.properties.iso3) || compare(a.properties.name, b.properties.name));

  const bosnia = buildBosniaEntities(admin.filter((a) => a.properties.iso3 === 'BIH'));
  for (const entity of bosnia.entities) assertValidArea(entity.geometry, `entity ${entity.properties.id}`);
  const sum = assertAreaSum(
    bosnia.entities.map((e) => e.geometry),
    countryGeometry('BIH'),
    ENTITY_AREA_TOLERANCE_PERCENT,
    'the entities of BIH',
  );
  assertIeblBetweenEntities(bosnia.iebl.geometry, countryGeometry('BIH'));
  return { admin, entities: bosnia.entities, iebl: bosnia.iebl, report, entitiesPercent: sum.percent };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
