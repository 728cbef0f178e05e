import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../../shared/geo/basemapTypes';
import { createPolygonIndex } from '../../../shared/geo/polygonIndex';
import { areaKm2 } from '../areaChecks';
import { fitUnitsToCountry } from '../fitToCountry';

const box = (w: number, s: number, e: number, n: number): Position[][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const unit = (name: string, geometry: Polygon) => ({ type: 'Feature' as const, properties: { name }, geometry });

// The country: 20.0–20.2°E × 42.0–42.1°N, and an islet east of it.
const country: MultiPolygon = { type: 'MultiPolygon', coordinates: [box(20, 42, 20.2, 42.1), box(20.25, 42.04, 20.26, 42.05)] };
// Coarse units: West reaches ~800 m too far west and south; both stop ~1.1 km short of the
// northern border, so the gap along it touches both.
const west = unit('West', { type: 'Polygon', coordinates: box(19.99, 41.99, 20.1, 42.09) });
const east = unit('East', { type: 'Polygon', coordinates: box(20.1, 42, 20.2, 42.09) });

function vertices(geometry: AreaGeometry): Position[] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
}

describe('fitUnitsToCountry', () => {
  const { units, report } = fitUnitsToCountry(country, [west, east], 'test');
  const index = createPolygonIndex(units.map((u) => ({ geometry: u.geometry, value: u.properties.name })));

  it('keeps the units, in order, with their properties', () => {
    expect(units.map((u) => u.properties.name)).toEqual(['West', 'East']);
    expect(units[0]!.type).toBe('Feature');
  });

  it('cuts off what lies outside the country', () => {
    for (const u of units) {
      for (const [x, y] of vertices(u.geometry) as [number, number][]) {
        expect(x).toBeGreaterThanOrEqual(20);
        expect(y).toBeGreaterThanOrEqual(42);
      }
    }
    expect(index.containing(19.995, 42.05)).toBeNull();
    expect(report.clippedKm2).toBeGreaterThan(10);
  });

  it('fills the gap along the border, split where the two units meet', () => {
    expect(index.containing(20.05, 42.095)).toBe('West');
    expect(index.containing(20.097, 42.099)).toBe('West');
    expect(index.containing(20.103, 42.099)).toBe('East');
    expect(index.containing(20.15, 42.095)).toBe('East');
    expect(report.gapsSplit).toBe(1);
  });

  it('gives an islet to the nearest unit', () => {
    expect(index.containing(20.255, 42.045)).toBe('East');
    expect(report.gaps).toBe(2);
  });

  it('tiles the country: the areas add up', () => {
    const sum = units.reduce((s, u) => s + areaKm2(u.geometry), 0);
    expect(Math.abs(sum - areaKm2(country)) / areaKm2(country)).toBeLessThan(1e-6);
    expect(Math.abs(report.percent)).toBeLessThan(1e-4);
    expect(report.fittedKm2).toBeCloseTo(sum, 6);
  });

  it('fails on a unit that lies wholly outside the country', () => {
    const astray = unit('Astray', { type: 'Polygon', coordinates: box(21, 42, 21.1, 42.1) });
    expect(() => fitUnitsToCountry(country, [west, east, astray], 'test')).toThrow(/test: Astray lies wholly outside/);
  });
});
