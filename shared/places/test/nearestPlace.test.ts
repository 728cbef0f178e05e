import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestPlace } from '../nearestPlace';
import type { Place } from '../placeTypes';

const places = JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/basemap/places.json'), 'utf8')) as Place[];

describe('nearestPlace', () => {
  it('names the place an incident happened at, with its distance', () => {
    const zvecan = nearestPlace(places, 20.8405, 42.9077);
    expect(zvecan?.place.name).toBe('Zvečan');
    expect(zvecan!.km).toBeLessThan(0.5);
    expect(nearestPlace(places, 20.6917, 43.2186)?.place.name).toBe('Jarinje crossing');
    expect(nearestPlace(places, 17.205, 44.778)?.place.name).toBe('Banja Luka');
  });

  it('gives nothing far from every place, or for a point that is not one', () => {
    expect(nearestPlace(places, 10, 35)).toBeNull();
    expect(nearestPlace(places, Number.NaN, 42.9)).toBeNull();
    expect(nearestPlace(places, 20.8405, 42.9077, 0.01)).toBeNull();
  });

  it('measures geodesic kilometres, whatever the latitude', () => {
    const at = { name: 'Here', alt: [], lon: 20, lat: 43, iso2: 'XK', country: 'Kosovo', admin1: '', rank: 3 } as Place;
    // 0.03° of longitude at 43° N is about 2.44 km.
    const found = nearestPlace([at], 20.03, 43);
    expect(found!.km).toBeGreaterThan(2.4);
    expect(found!.km).toBeLessThan(2.5);
  });
});
