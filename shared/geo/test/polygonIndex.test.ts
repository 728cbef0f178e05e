import { describe, expect, it } from 'vitest';
import { createPolygonIndex } from '../polygonIndex';

// A 1° square with a hole in its middle, and a second square east of it.
const squareWithHole = {
  type: 'Polygon' as const,
  coordinates: [
    [[20, 42], [21, 42], [21, 43], [20, 43], [20, 42]],
    [[20.4, 42.4], [20.4, 42.6], [20.6, 42.6], [20.6, 42.4], [20.4, 42.4]],
  ],
};
const eastSquare = {
  type: 'MultiPolygon' as const,
  coordinates: [[[[22, 42], [23, 42], [23, 43], [22, 43], [22, 42]]]],
};

describe('createPolygonIndex', () => {
  const index = createPolygonIndex([
    { geometry: squareWithHole, value: 'west' },
    { geometry: eastSquare, value: 'east' },
  ]);

  it('finds the polygon holding a point, respecting holes', () => {
    expect(index.containing(20.1, 42.1)).toBe('west');
    expect(index.containing(22.5, 42.5)).toBe('east');
    expect(index.containing(20.5, 42.5)).toBeNull();
    expect(index.containing(21.5, 42.5)).toBeNull();
  });

  it('finds the nearest boundary within a distance, in metres', () => {
    // 0.01° of longitude east of the west square at 42.5°N is about 820 m.
    const near = index.nearest(21.01, 42.5, 1000);
    expect(near?.value).toBe('west');
    expect(near!.metres).toBeGreaterThan(800);
    expect(near!.metres).toBeLessThan(840);
    expect(index.nearest(21.5, 42.5, 1000)).toBeNull();
  });
});
