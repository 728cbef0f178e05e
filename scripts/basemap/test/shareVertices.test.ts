import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { shareVertices } from '../shareVertices';

describe('shareVertices', () => {
  it("inserts a neighbour's corner that lies on an edge, and nothing else", () => {
    // West is one square; East is two squares stacked, so East has a corner half-way up West's east edge.
    const west: Polygon = { type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20, 42.1], [20, 42]]] };
    // The middle corner is 0.05 m (rounding noise) off the shared edge.
    const east: Polygon = {
      type: 'Polygon',
      coordinates: [[[20.1, 42], [20.2, 42], [20.2, 42.05], [20.2, 42.1], [20.1, 42.1], [20.1000006, 42.05], [20.1, 42]]],
    };
    const [westShared, eastShared] = shareVertices([west, east], 0.25) as [Polygon, Polygon];
    expect(westShared.coordinates[0]).toEqual([[20, 42], [20.1, 42], [20.1000006, 42.05], [20.1, 42.1], [20, 42.1], [20, 42]]);
    // East's corner (20.2, 42.05) is on no edge of West; East is unchanged.
    expect(eastShared).toEqual(east);
  });

  it('leaves a vertex further than the tolerance alone', () => {
    const west: Polygon = { type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20, 42.1], [20, 42]]] };
    const east: Polygon = { type: 'Polygon', coordinates: [[[20.1, 42], [20.2, 42], [20.2, 42.1], [20.1, 42.1], [20.101, 42.05], [20.1, 42]]] };
    expect(shareVertices([west, east], 0.25)[0]).toEqual(west);
  });
});
