import type { MultiLineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assertIeblBetweenEntities } from '../ieblChecks';

const country: Polygon = { type: 'Polygon', coordinates: [[[17, 44], [18, 44], [18, 45], [17, 45], [17, 44]]] };
const lines = (...coordinates: number[][][]): MultiLineString => ({ type: 'MultiLineString', coordinates });

describe('assertIeblBetweenEntities', () => {
  it('accepts lines from border to border, junctions, and closed loops', () => {
    expect(() => assertIeblBetweenEntities(lines([[17, 44.5], [17.5, 44.5], [18, 44.5]]), country)).not.toThrow();
    // A second line from the first line's middle to the southern border (three entities meet).
    expect(() =>
      assertIeblBetweenEntities(lines([[17, 44.5], [17.5, 44.5], [18, 44.5]], [[17.5, 44.5], [17.5, 44]]), country),
    ).not.toThrow();
    expect(() =>
      assertIeblBetweenEntities(lines([[17.2, 44.2], [17.4, 44.2], [17.4, 44.4], [17.2, 44.2]]), country),
    ).not.toThrow();
  });

  it('rejects a line that stops inside the country, and one that runs along the border', () => {
    expect(() => assertIeblBetweenEntities(lines([[17, 44.5], [17.5, 44.5]]), country)).toThrow(/ends inside the country at 17.5,44.5/);
    expect(() => assertIeblBetweenEntities(lines([[17, 44.5], [17, 44.6], [17.5, 44.6], [18, 44.6]]), country)).toThrow(
      /runs along the international border/,
    );
  });
});
