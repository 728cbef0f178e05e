import { describe, expect, it } from 'vitest';
import { share } from '../reportHeader';

describe('share: how much of the case a report holds', () => {
  it('says “all” when nothing was left out, and counts what was', () => {
    expect(share(10, 10, 'incident')).toBe('all 10 incidents');
    expect(share(3, 10, 'incident')).toBe('3 of 10 incidents');
    expect(share(1, 1, 'incident')).toBe('the one incident');
    expect(share(0, 0, 'zone')).toBe('no zones');
    expect(share(0, 4, 'zone')).toBe('none of 4 zones');
    expect(share(0, 1, 'zone')).toBe('none of 1 zone');
    expect(share(1200, 1500, 'incident')).toBe('1,200 of 1,500 incidents');
  });
});
