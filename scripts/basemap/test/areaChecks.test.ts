import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, assertAreaSum, assertValidArea } from '../areaChecks';

const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});

describe('assertValidArea', () => {
  it('accepts a square, a square with a hole, and two squares touching at a corner', () => {
    expect(() => assertValidArea(square(20, 42, 0.1), 'square')).not.toThrow();
    const hole = [[20.02, 42.02], [20.02, 42.04], [20.04, 42.04], [20.04, 42.02], [20.02, 42.02]];
    expect(() => assertValidArea({ type: 'Polygon', coordinates: [square(20, 42, 0.1).coordinates[0]!, hole] }, 'holed')).not.toThrow();
    const touching = { type: 'MultiPolygon' as const, coordinates: [square(20, 42, 0.1).coordinates, square(20.1, 42.1, 0.1).coordinates] };
    expect(() => assertValidArea(touching, 'touching')).not.toThrow();
  });

  it('rejects a bow tie, an open ring, a short ring, a hole wound like an exterior, and a non-coordinate', () => {
    // Counter-clockwise overall, but its fourth edge cuts through the first.
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [[[20, 42], [20.2, 42], [20.2, 42.2], [20.1, 42.2], [20.1, 41.9], [20, 42]]],
    };
    expect(() => assertValidArea(bowTie, 'bow tie')).toThrow(/bow tie: edges cross near/);
    expect(() => assertValidArea({ type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20, 42.1]]] }, 'open')).toThrow(
      /not closed/,
    );
    expect(() => assertValidArea({ type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20, 42]]] }, 'short')).toThrow(/3 positions/);
    const ccwHole = [[20.02, 42.02], [20.04, 42.02], [20.04, 42.04], [20.02, 42.04], [20.02, 42.02]];
    expect(() => assertValidArea({ type: 'Polygon', coordinates: [square(20, 42, 0.1).coordinates[0]!, ccwHole] }, 'hole')).toThrow(
      /hole is wound the wrong way/,
    );
    expect(() => assertValidArea(square(200, 42, 0.1), 'far')).toThrow(/not a lon\/lat/);
    // A 1 km hairline out of the square's top edge and back, 5 cm wide at its base.
    const needle: Polygon = {
      type: 'Polygon',
      coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20.05, 42.1], [20.05, 42.11], [20.0500006, 42.1], [20, 42.1], [20, 42]]],
    };
    expect(() => assertValidArea(needle, 'needle')).toThrow(/needle: a needle spike at 20.05000,42.11000/);
  });

  it('finds a crossing between two polygons of a MultiPolygon', () => {
    const overlapping = { type: 'MultiPolygon' as const, coordinates: [square(20, 42, 0.1).coordinates, square(20.05, 42.05, 0.1).coordinates] };
    expect(() => assertValidArea(overlapping, 'overlap')).toThrow(/edges cross/);
  });
});

describe('assertAreaSum', () => {
  it('passes parts that tile the whole and fails a gap or an overlap over the tolerance', () => {
    const whole = square(20, 42, 0.2);
    const quarters = [square(20, 42, 0.1), square(20.1, 42, 0.1), square(20, 42.1, 0.1), square(20.1, 42.1, 0.1)];
    const sum = assertAreaSum(quarters, whole, 0.5, 'quarters');
    expect(Math.abs(sum.percent)).toBeLessThan(0.01);
    expect(sum.wholeKm2).toBeCloseTo(areaKm2(whole), 6);
    expect(() => assertAreaSum(quarters.slice(1), whole, 0.5, 'three quarters')).toThrow(/three quarters: .* gaps or overlaps/);
    expect(() => assertAreaSum([...quarters, square(20, 42, 0.05)], whole, 0.5, 'overlap')).toThrow(/overlap/);
  });
});
