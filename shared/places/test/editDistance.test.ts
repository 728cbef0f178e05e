import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../editDistance';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(boundedEditDistance('leposaviq', 'leposavic', 2)).toBe(1);
    expect(boundedEditDistance('zvecan', 'zvecani', 2)).toBe(1);
    expect(boundedEditDistance('zvecan', 'zvcan', 2)).toBe(1);
    expect(boundedEditDistance('zvecan', 'zevcan', 2)).toBe(1);
    expect(boundedEditDistance('mitrovica', 'mitrovica', 2)).toBe(0);
  });

  it('stops at the bound', () => {
    expect(boundedEditDistance('belgrade', 'beograd', 1)).toBe(2);
    expect(boundedEditDistance('pristina', 'prizren', 2)).toBe(3);
    expect(boundedEditDistance('ab', 'abcdef', 2)).toBe(3);
  });
});
