import { describe, expect, it } from 'vitest';
import { insideRings } from '../insideRings';

describe('insideRings', () => {
  const square: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  const hole: [number, number][] = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]];
  it('holds a point inside the outline and not one outside', () => {
    expect(insideRings([0.5, 2], [square])).toBe(true);
    expect(insideRings([5, 2], [square])).toBe(false);
  });
  it('treats a hole as outside', () => {
    expect(insideRings([2, 2], [square, hole])).toBe(false);
    expect(insideRings([0.5, 0.5], [square, hole])).toBe(true);
  });
});
