import type { Geometry } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { distanceToLines } from '../../geo/analysis/distanceToLines';
import { createAdminLookup } from '../../geo/adminLookup';
import { builtBasemap } from '../../geo/test/builtBasemap';
import { ADDED_PLACES } from '../addedPlaces';

let kosovoSerbia: Geometry;
let lookup: ReturnType<typeof createAdminLookup>;

beforeAll(() => {
  const basemap = builtBasemap();
  const line = basemap.borders.features.find((f) => f.properties.a === 'SRB' && f.properties.b === 'XKX');
  if (!line) throw new Error('borders.geojson has no SRB/XKX border');
  kosovoSerbia = line.geometry;
  lookup = createAdminLookup(basemap);
});

describe('places added to the gazetteer', () => {
  it('cite their source and say how well they are known', () => {
    for (const place of ADDED_PLACES) {
      expect(place.source.length, place.name).toBeGreaterThan(20);
      expect(place.accuracyMetres, place.name).toBeGreaterThan(0);
      expect(place.accuracyMetres, place.name).toBeLessThanOrEqual(1_000);
    }
  });

  it('put each crossing on the Kosovo–Serbia boundary of the basemap, within its accuracy', () => {
    const crossings = ADDED_PLACES.filter((p) => p.crossing);
    expect(crossings.map((p) => p.name).sort()).toEqual(['Brnjak crossing', 'Jarinje crossing']);
    for (const place of crossings) {
      const d = distanceToLines({ type: 'Point', coordinates: [place.lon, place.lat] }, [kosovoSerbia])!;
      expect(d.distance_m, place.name).toBeLessThanOrEqual(place.accuracyMetres);
    }
  });

  it('put each village in its municipality by the basemap lookup', () => {
    const villages = ADDED_PLACES.filter((p) => p.municipality);
    expect(villages.map((p) => p.name)).toContain('Banjska');
    for (const place of villages) {
      expect(lookup(place.lon, place.lat).admin2, place.name).toBe(place.municipality);
    }
  });

  it('are in the generated gazetteer', () => {
    const names = new Set(builtBasemap().places.map((p) => p.name));
    for (const place of ADDED_PLACES) expect(names.has(place.name), place.name).toBe(true);
  });
});
