/**
 * What the offline basemap covers: the Western Balkans and the neighbouring parts of their
 * neighbours. The build script clips to this box; the UI may use it as the map's max bounds.
 */

/** [west, south, east, north] in degrees. */
export const BASEMAP_BBOX: readonly [number, number, number, number] = [13.0, 39.5, 24.0, 47.0];

export interface BasemapCountry {
  iso3: string;
  iso2: string;
  name: string;
}

/**
 * Every country with land in the box. Kosovo's codes are the user-assigned ones that
 * OpenStreetMap-derived data and GeoNames use (XKX / XK).
 */
export const BASEMAP_COUNTRIES: readonly BasemapCountry[] = [
  { iso3: 'ALB', iso2: 'AL', name: 'Albania' },
  { iso3: 'AUT', iso2: 'AT', name: 'Austria' },
  { iso3: 'BGR', iso2: 'BG', name: 'Bulgaria' },
  { iso3: 'BIH', iso2: 'BA', name: 'Bosnia and Herzegovina' },
  { iso3: 'GRC', iso2: 'GR', name: 'Greece' },
  { iso3: 'HRV', iso2: 'HR', name: 'Croatia' },
  { iso3: 'HUN', iso2: 'HU', name: 'Hungary' },
  { iso3: 'ITA', iso2: 'IT', name: 'Italy' },
  { iso3: 'MKD', iso2: 'MK', name: 'North Macedonia' },
  { iso3: 'MNE', iso2: 'ME', name: 'Montenegro' },
  { iso3: 'ROU', iso2: 'RO', name: 'Romania' },
  { iso3: 'SRB', iso2: 'RS', name: 'Serbia' },
  { iso3: 'SVN', iso2: 'SI', name: 'Slovenia' },
  { iso3: 'XKX', iso2: 'XK', name: 'Kosovo' },
];

/** The countries whose mutual land borders are kept at full source precision. */
export const FOCUS_COUNTRIES: readonly string[] = ['XKX', 'SRB', 'BIH', 'MNE', 'MKD', 'ALB'];

/** Shown on the map and in every PDF (DESIGN §5). */
export const BASEMAP_ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0)';
