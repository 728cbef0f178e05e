import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../labelPoint';

describe('labelPoint (basemap areas)', () => {
  it('is the centroid of a convex area', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
  });

  it('falls inside a crescent, whose centroid is outside it (as Croatia’s is)', () => {
    const crescent: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 8], [8, 8], [8, 2], [0, 2], [0, 0]]] };
    const at = labelPoint(crescent);
    expect(booleanPointInPolygon(at, crescent)).toBe(true);
  });

  it('names the largest part of a country with islands', () => {
    const islands: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[20, 0], [20.1, 0], [20.1, 0.1], [20, 0.1], [20, 0]]],
        [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
        [[[30, 30], [30.5, 30], [30.5, 30.5], [30, 30]]],
      ],
    };
    expect(labelPoint(islands)).toEqual([2, 2]);
  });

  it('keeps out of a hole at the centre (a lake, an enclave)', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]],
      ],
    };
    expect(booleanPointInPolygon(labelPoint(ring), ring)).toBe(true);
  });
});
