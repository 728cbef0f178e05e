import type { Feature, FeatureCollection, Geometry } from 'geojson';

import type { Place } from '../../shared/places/placeTypes';

export type PlaceRecord = Place;

export interface BasemapFiles {
  countries: FeatureCollection;
  borders: FeatureCollection;
  entities: FeatureCollection;
  iebl: FeatureCollection;
  admin: FeatureCollection;
  places: PlaceRecord[];
  attribution: string;
}

export type BasemapFeature = Feature<Geometry, Record<string, unknown>>;

const BASE = 'resources/basemap/';

async function getJson<T>(name: string): Promise<T> {
  const response = await fetch(BASE + name);
  if (!response.ok) throw new Error(`The offline basemap file ${name} is missing (run npm run build)`);
  return (await response.json()) as T;
}

/** Loads the generated offline basemap from the app's own resources (never the network). */
export async function loadBasemapFiles(): Promise<BasemapFiles> {
  const [countries, borders, entities, iebl, admin, places, manifest] = await Promise.all([
    getJson<FeatureCollection>('countries.geojson'),
    getJson<FeatureCollection>('borders.geojson'),
    getJson<FeatureCollection>('entities.geojson'),
    getJson<FeatureCollection>('iebl.geojson'),
    getJson<FeatureCollection>('admin.geojson'),
    getJson<PlaceRecord[]>('places.json'),
    getJson<{ attribution?: string }>('manifest.json').catch(() => ({ attribution: undefined })),
  ]);
  return {
    countries,
    borders,
    entities,
    iebl,
    admin,
    places,
    attribution: manifest.attribution ?? '© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0)',
  };
}
