import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

/**
 * The offline basemap as `scripts/build-basemap.ts` writes it to `resources/basemap/`.
 * Coordinates are EPSG:4326 lon/lat with at most 6 decimals.
 */

export type AreaGeometry = Polygon | MultiPolygon;

/** `countries.geojson`: OpenStreetMap land polygons, clipped to the basemap region. */
export interface CountryProperties {
  iso3: string;
  /** English name, e.g. "Bosnia and Herzegovina". */
  name: string;
}

/** Bosnia and Herzegovina's entities: the Federation, Republika Srpska and Brčko District. */
export type EntityId = 'FBiH' | 'RS' | 'BD';

/** `entities.geojson` */
export interface EntityProperties {
  id: EntityId;
  name: string;
}

/** A BiH canton (Federation), region (Republika Srpska) or Brčko District. */
export interface BosniaAdminProperties {
  iso3: 'BIH';
  level: 'canton' | 'region' | 'district';
  name: string;
  entity: EntityId;
}

/** One of Kosovo's 30 municipalities (pre-2008 division, as Natural Earth has it). */
export interface KosovoAdminProperties {
  iso3: 'XKX';
  level: 'municipality';
  /** Serbian Latin name, e.g. "Zvečan". */
  name: string;
  /** Albanian name, e.g. "Zveçan". */
  name_sq: string;
  /** GeoNames district (admin-1) name, e.g. "Mitrovica". */
  district: string;
}

/** One of Serbia's districts (okrug), Kosovo not included. */
export interface SerbiaAdminProperties {
  iso3: 'SRB';
  level: 'district';
  name: string;
}

/** `admin.geojson`: Natural Earth admin areas, coarser than the OpenStreetMap countries. */
export type AdminProperties = BosniaAdminProperties | KosovoAdminProperties | SerbiaAdminProperties;

/** `borders.geojson`: the land boundary between two countries, `a < b`. */
export interface BorderProperties {
  a: string;
  b: string;
}

/** `iebl.geojson`: the Inter-Entity Boundary Line. */
export interface IeblProperties {
  name: string;
}

export type CountryFeature = Feature<AreaGeometry, CountryProperties>;
export type AdminFeature = Feature<AreaGeometry, AdminProperties>;

export interface BasemapData {
  /**
   * In priority order: where two countries' polygons overlap (the source has a few disputed
   * areas in both, e.g. Croatia's claims on the Danube's left bank), the first one wins.
   */
  countries: FeatureCollection<AreaGeometry, CountryProperties>;
  entities: FeatureCollection<AreaGeometry, EntityProperties>;
  admin: FeatureCollection<AreaGeometry, AdminProperties>;
  borders?: FeatureCollection<LineString | MultiLineString, BorderProperties>;
  iebl?: FeatureCollection<LineString | MultiLineString, IeblProperties>;
}
