import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminLookup } from '../../../shared/geo/adminLookup';
import { pointsInArea } from '../../../shared/geo/analysis/pointsInArea';
import { builtBasemap } from '../../../shared/geo/test/builtBasemap';
import { uuidFromKey, writeDemoCase } from '../../demo/demoCase';
import { openCase } from '../../store/caseStore';
import type { GpkgCaseStore } from '../../store/gpkgCaseStore';
import { createAnalysisService } from '../analysisService';

const basemap = builtBasemap();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-analysis-'));
let store: GpkgCaseStore;

beforeAll(() => {
  const file = path.join(dir, 'demo.gpkg');
  writeDemoCase(file, { author: 'Test', lookup: createAdminLookup(basemap), places: basemap.places, basemap });
  store = openCase(file);
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('analysis service', () => {
  const analysis = createAnalysisService(() => basemap);
  const kforId = uuidFromKey('zone-kfor-north-2023');

  it('answers for a zone: measures, coverage by level, incidents inside, distances', () => {
    const kfor = store.getZone(kforId);
    const a = analysis.zone(store, kfor.fields.geometry);
    expect(a.area_km2).toBeGreaterThan(1_200);
    expect(a.perimeter_km).toBeGreaterThan(100);
    expect(a.length_km).toBe(0);
    expect(a.coverage.countries.map((c) => c.name)).toEqual(['Kosovo']);
    expect(a.coverage.entities).toEqual([]);
    expect(a.coverage.municipalities.every((m) => m.level === 'municipality')).toBe(true);
    expect(a.coverage.municipalities.reduce((s, m) => s + m.percent, 0)).toBeCloseTo(100, 0);
    expect(a.distances.kosovo_serbia!.km).toBe(0);
    expect(a.distances.iebl!.km).toBeGreaterThan(100);
    // The R*Tree pre-filter gives the same answer as testing every incident.
    const all = store.listIncidents({}).map((i) => ({ id: i.id, lon: i.fields.lon, lat: i.fields.lat }));
    expect(a.incidents.ids.sort()).toEqual(pointsInArea(kfor.fields.geometry, all).sort());
    expect(a.incidents.count).toBeGreaterThanOrEqual(3);
  });

  it('answers for a line: its length, no area, no incidents inside', () => {
    const a = analysis.zone(store, { type: 'LineString', coordinates: [[20.5, 43.0], [20.6, 43.0]] });
    expect(a.area_km2).toBe(0);
    expect(a.length_km).toBeCloseTo(8.15, 1);
    expect(a.incidents.count).toBe(0);
  });

  it('answers for a point: the zones that hold it and its distances to the two lines', () => {
    const zvecan = store.listIncidents({}).find((i) => i.fields.location_name === 'Zvečan')!;
    const p = analysis.point(store, zvecan.fields.lon, zvecan.fields.lat);
    expect(p.zones.map((z) => z.id)).toEqual([kforId]);
    expect(p.distances.kosovo_serbia!.km).toBeGreaterThan(5);
    expect(p.distances.kosovo_serbia!.km).toBeLessThan(30);
    const sarajevo = analysis.point(store, 18.4131, 43.8563);
    expect(sarajevo.zones).toEqual([]);
    expect(sarajevo.distances.iebl!.km).toBeLessThan(10);
  });

  it('locates incidents through the R*Tree, exactly within the box', () => {
    const box: [number, number, number, number] = [20.7, 42.8, 21.0, 43.2];
    const located = store.locateIncidents(box);
    const expected = store.listIncidents({ bbox: box }).map((i) => i.id);
    expect(located.map((l) => l.id).sort()).toEqual(expected.sort());
    expect(located.every((l) => l.lon >= 20.7 && l.lon <= 21 && l.lat >= 42.8 && l.lat <= 43.2)).toBe(true);
  });
});
