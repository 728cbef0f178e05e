import { describe, expect, it } from 'vitest';
import { countNoun } from '../countNoun';

describe('countNoun', () => {
  it('is singular for one and separates thousands', () => {
    expect(countNoun(1, 'incident')).toBe('1 incident');
    expect(countNoun(0, 'zone')).toBe('0 zones');
    expect(countNoun(1000, 'item')).toBe('1,000 items');
    expect(countNoun(2, 'more incident', 'more incidents')).toBe('2 more incidents');
  });
});
