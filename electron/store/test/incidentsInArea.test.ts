import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geodesicCircle } from '../../../shared/geo/analysis/geodesicCircle';
import { pointsInArea } from '../../../shared/geo/analysis/pointsInArea';
import { prepareAreaTest } from '../../../shared/geo/analysis/prepareAreaTest';
import { createCase } from '../caseStore';
import { AUTHOR, ZVECAN, sampleFields, tempDir } from './helpers';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('incidents inside an area through the R*Tree', () => {
  it('finds exactly the live incidents a test of every incident finds, tombstones left out', () => {
    const store = createCase(path.join(tempDir(), 'area.gpkg'), { name: 'Area query', author: AUTHOR });
    const next = random(5);
    // Points on a coarse grid too, so that some sit exactly on a zone's straight edges.
    const inputs = Array.from({ length: 4000 }, (_, i) => {
      const onGrid = i % 4 === 0;
      const lon = onGrid ? 20.5 + Math.round(next() * 50) / 100 : 20.5 + next() * 0.5;
      const lat = onGrid ? 42.7 + Math.round(next() * 50) / 100 : 42.7 + next() * 0.5;
      return { fields: sampleFields({ title: `Point ${i}`, lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 }), admin: ZVECAN };
    });
    const { ids } = store.saveIncidentsBulk(inputs, AUTHOR);
    for (const id of ids.slice(0, 300)) store.deleteIncident(id, AUTHOR);
    const live = store.listIncidents({}).map((i) => ({ id: i.id, lon: i.fields.lon, lat: i.fields.lat }));
    const areas = [
      geodesicCircle([20.75, 42.95], 12_000, 300),
      { type: 'Polygon' as const, coordinates: [[[20.6, 42.8], [20.9, 42.8], [20.9, 43.1], [20.6, 43.1], [20.6, 42.8]], [[20.7, 42.9], [20.8, 42.9], [20.8, 43.0], [20.7, 43.0], [20.7, 42.9]]] },
      { type: 'MultiPolygon' as const, coordinates: [[[[20.5, 42.7], [20.62, 42.7], [20.62, 42.82], [20.5, 42.7]]], [[[20.85, 43.05], [21.0, 43.05], [21.0, 43.2], [20.85, 43.2], [20.85, 43.05]]]] },
    ];
    for (const area of areas) {
      const got = store.incidentIdsInArea(prepareAreaTest(area)).sort();
      expect(got.length).toBeGreaterThan(50);
      expect(got).toEqual(pointsInArea(area, live).sort());
    }
    expect(store.incidentIdsInArea(prepareAreaTest({ type: 'LineString', coordinates: [[20.5, 42.7], [21, 43.2]] }))).toEqual([]);
    store.close();
  });
});
