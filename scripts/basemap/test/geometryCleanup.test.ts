import { describe, expect, it } from 'vitest';
import { cleanAreaGeometry, cleanLineGeometry, cleanRing, roundCoordinate, signedArea } from '../geometryCleanup';

describe('geometry cleanup', () => {
  it('rounds to 6 decimals without negative zero', () => {
    expect(roundCoordinate(20.12345678)).toBe(20.123457);
    expect(roundCoordinate(-0.0000001)).toBe(0);
    expect(Object.is(roundCoordinate(-0.0000001), -0)).toBe(false);
  });

  it('drops repeated points and needle spikes, and closes the ring', () => {
    const ring = cleanRing([[0, 0], [1, 0], [1, 0], [2, 0], [3, 0.5], [2, 0], [2, 1], [0, 1]]);
    expect(ring).toEqual([[0, 0], [1, 0], [2, 0], [2, 1], [0, 1], [0, 0]]);
    expect(cleanRing([[0, 0], [1, 1], [0, 0]])).toBeNull();
  });

  it('drops hairline spikes that come back along the same line, given a tolerance', () => {
    // Out 1.1 km north from the top edge and back down the same line, stopping 0.9 m short
    // (clipping noise: one point computed twice, a hair apart).
    const ring = [[20, 42], [20.1, 42], [20.1, 42.1], [20.05, 42.1], [20.05, 42.11], [20.05, 42.100008], [20, 42.1], [20, 42]];
    expect(cleanRing(ring)).toHaveLength(8);
    expect(cleanRing(ring, 0.25)).toEqual([[20, 42], [20.1, 42], [20.1, 42.1], [20.05, 42.1], [20.05, 42.100008], [20, 42.1], [20, 42]]);
    // A sharp but real corner stays: an 8 km sliver, 110 m wide at its end.
    const sliver = [[20, 42], [20.1, 42], [20.1, 42.001], [20, 42]];
    expect(cleanRing(sliver, 0.25)).toEqual(sliver);
  });

  it('winds exteriors counter-clockwise and holes clockwise (RFC 7946)', () => {
    const clockwise = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]];
    const hole = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
    const geometry = cleanAreaGeometry([[clockwise, hole]]);
    expect(geometry?.type).toBe('Polygon');
    const [outer, inner] = (geometry as { coordinates: number[][][] }).coordinates;
    expect(signedArea(outer!)).toBeGreaterThan(0);
    expect(signedArea(inner!)).toBeLessThan(0);
  });

  it('makes one line a LineString and several a MultiLineString', () => {
    expect(cleanLineGeometry([[[0, 0], [1, 1]]])?.type).toBe('LineString');
    expect(cleanLineGeometry([[[0, 0], [1, 1]], [[2, 2], [3, 3]]])?.type).toBe('MultiLineString');
    expect(cleanLineGeometry([[[0, 0], [0, 0]]])).toBeNull();
  });
});
