import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CountryShape } from '../countryShapes';
import { reconcileBorders, type ReconcileOptions } from '../reconcileBorders';

// Two countries side by side, sharing the meridian 20.1°E between 42.0°N and 42.1°N (~11 km).
// West's border has a vertex half-way; East's half-way vertex is wherever a test puts it.
const west: CountryShape = {
  iso3: 'WST',
  name: 'West',
  polygons: [[[[20, 42], [20.1, 42], [20.1, 42.05], [20.1, 42.1], [20, 42.1], [20, 42]]]],
};
function east(middle: Position): CountryShape {
  return {
    iso3: 'EST',
    name: 'East',
    polygons: [[[[20.1, 42], [20.2, 42], [20.2, 42.1], [20.1, 42.1], middle, [20.1, 42]]]],
  };
}
const options: ReconcileOptions = { priority: ['WST', 'EST'], maxGapMetres: 1000, maxWaterGapMetres: 4000, maxRunMetres: 25000 };

function eastVertices(shapes: CountryShape[]): string[] {
  return shapes.find((s) => s.iso3 === 'EST')!.polygons[0]![0]!.map((p) => p.join(','));
}

describe('reconcileBorders', () => {
  it('snaps a line that runs 80 m off its neighbour onto the neighbour', () => {
    const { shapes, report } = reconcileBorders([west, east([20.101, 42.05])], options);
    expect(eastVertices(shapes)).toContain('20.1,42.05');
    expect(eastVertices(shapes)).not.toContain('20.101,42.05');
    expect(shapes.find((s) => s.iso3 === 'WST')).toEqual(west);
    expect(report.find((r) => r.iso3 === 'EST')!.stretches).toBe(1);
  });

  it('snaps a line that overlaps its neighbour by 80 m', () => {
    const { shapes } = reconcileBorders([west, east([20.099, 42.05])], options);
    expect(eastVertices(shapes)).toContain('20.1,42.05');
  });

  it('fills a water gap up to the wider limit, and only a gap', () => {
    // 0.02° of longitude is ~1.65 km here: too far to be the same line, but a fillable gap.
    const filled = reconcileBorders([west, east([20.12, 42.05])], options);
    expect(eastVertices(filled.shapes)).toContain('20.1,42.05');
    expect(filled.report.find((r) => r.iso3 === 'EST')!.gapsFilled).toHaveLength(1);

    const narrow = reconcileBorders([west, east([20.12, 42.05])], { ...options, maxWaterGapMetres: 1000 });
    expect(eastVertices(narrow.shapes)).toContain('20.12,42.05');

    // The same distance the other way is an overlap: never "filled".
    const overlap = reconcileBorders([west, east([20.08, 42.05])], options);
    expect(eastVertices(overlap.shapes)).toContain('20.08,42.05');
  });

  it('keeps the higher-priority line whatever the input order', () => {
    const { shapes } = reconcileBorders([east([20.101, 42.05]), west], { ...options, priority: ['EST', 'WST'] });
    // Now East wins: West is snapped onto East's vertex.
    const westVertices = shapes.find((s) => s.iso3 === 'WST')!.polygons[0]![0]!.map((p) => p.join(','));
    expect(westVertices).toContain('20.101,42.05');
    expect(westVertices).not.toContain('20.1,42.05');
  });
});
