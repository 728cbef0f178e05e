/**
 * The files of `resources/basemap/` that the app reads at run time (besides them the build
 * writes `manifest.json`; see scripts/basemap/basemapOutput.ts).
 */
export const BASEMAP_FILES = {
  countries: 'countries.geojson',
  borders: 'borders.geojson',
  entities: 'entities.geojson',
  iebl: 'iebl.geojson',
  admin: 'admin.geojson',
  places: 'places.json',
} as const;
