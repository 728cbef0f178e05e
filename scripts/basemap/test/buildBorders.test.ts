import { describe, expect, it } from 'vitest';
import type { CountryFeature } from '../../../shared/geo/basemapTypes';
import { buildBorders } from '../buildBorders';

const square = (iso3: string, x0: number, x1: number): CountryFeature => ({
  type: 'Feature',
  properties: { iso3, name: iso3 },
  geometry: { type: 'Polygon', coordinates: [[[x0, 42], [x1, 42], [x1, 42.1], [x0, 42.1], [x0, 42]]] },
});

describe('buildBorders', () => {
  it('gives each pair of neighbours one line, sorted, with their codes in order', () => {
    const countries = [square('ZZZ', 20.1, 20.2), square('AAA', 20, 20.1), square('MMM', 20.3, 20.4)];
    const { borders, report, unsharedKm } = buildBorders(countries);
    expect(borders).toHaveLength(1);
    expect(borders[0]!.properties).toEqual({ a: 'AAA', b: 'ZZZ' });
    expect(borders[0]!.geometry).toEqual({ type: 'LineString', coordinates: expect.any(Array) });
    expect(report[0]!.km).toBeCloseTo(11.1, 0);
    // A lone country's whole outline (2 × 8.3 km + 2 × 11.1 km), and the pair's outer edges,
    // are shared with no one.
    expect(unsharedKm.get('MMM')).toBeCloseTo(38.8, 0);
    expect(unsharedKm.get('AAA')).toBeCloseTo(38.8 - 11.1, 0);
  });
});
