import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkZoneFields, newZoneFields, type ZoneGeometry } from '../../../domain/zone';
import { geodesicArea } from '../geodesicArea';
import { outlineProblem } from '../outlineProblem';
import { repairOutline } from '../repairOutline';

/**
 * GDAL (GEOS's `ST_IsValid`) is the referee of what a valid area is: every outline of the
 * fixtures that `outlineProblem` passes, GDAL passes, and every one it refuses, GDAL refuses;
 * what `repairOutline` makes of the broken ones is valid for GDAL and accepted by the zone
 * schema, so it can be stored. Like the other GDAL tests this FAILS when GDAL is missing.
 */

const here = import.meta.dirname;
const fixtures = JSON.parse(readFileSync(join(here, 'in', 'outlineProblem.areas.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
let dir = '';

beforeAll(() => {
  if (spawnSync('ogrinfo', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('GDAL is required for these tests: ogrinfo was not found (install gdal-bin).');
  }
  dir = mkdtempSync(join(tmpdir(), 'faultline-validity-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** GDAL's verdict and ellipsoidal area for each named geometry. */
function gdalVerdicts(layer: string, shapes: { name: string; geometry: Geometry }[]): Map<string, { valid: number; area: number }> {
  const file = join(dir, `${layer}.geojson`);
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: shapes.map((s) => ({ type: 'Feature', properties: { name: s.name }, geometry: s.geometry })) }));
  const sql = `SELECT name, ST_IsValid(geometry) AS valid, ST_Area(geometry, 1) AS area FROM "${layer}"`;
  const out = execFileSync('ogrinfo', ['-ro', '-q', file, '-dialect', 'SQLite', '-sql', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const verdicts = new Map<string, { valid: number; area: number }>();
  for (const block of out.split(/\n(?=OGRFeature)/).filter((b) => b.startsWith('OGRFeature'))) {
    const value = (name: string) => new RegExp(`^  ${name} \\([^)]*\\) = (.*)$`, 'm').exec(block)?.[1] ?? '';
    verdicts.set(value('name'), { valid: Number(value('valid')), area: Number(value('area')) });
  }
  return verdicts;
}

describe('area validity agrees with GDAL', () => {
  it('outlineProblem passes exactly the fixtures GDAL finds valid', () => {
    const verdicts = gdalVerdicts('inputs', fixtures.features.map((f) => ({ name: f.properties.name, geometry: f.geometry })));
    expect(verdicts.size).toBe(fixtures.features.length);
    for (const f of fixtures.features) {
      expect(outlineProblem(f.geometry) === null, f.properties.name).toBe(verdicts.get(f.properties.name)!.valid === 1);
    }
    // The fixtures hold both kinds, so the agreement says something.
    expect([...verdicts.values()].filter((v) => v.valid === 1).length).toBeGreaterThanOrEqual(3);
    expect([...verdicts.values()].filter((v) => v.valid === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('the zone schema refuses every broken fixture with its reason and accepts the valid ones', () => {
    for (const f of fixtures.features) {
      const checked = checkZoneFields({ ...newZoneFields(f.geometry as ZoneGeometry), name: f.properties.name });
      const problem = outlineProblem(f.geometry);
      if (!problem) expect(checked.ok, f.properties.name).toBe(true);
      else expect(checked.ok ? [] : checked.problems.map((p) => p.message), f.properties.name).toEqual([problem.message]);
    }
  });

  it('what repairOutline makes of the broken fixtures is valid for GDAL, storable, and counts no ground twice', () => {
    const repaired = fixtures.features.flatMap((f) => {
      const r = repairOutline(f.geometry);
      expect(r.ok, f.properties.name).toBe(true);
      return r.ok ? [{ name: f.properties.name, geometry: r.geometry }] : [];
    });
    const verdicts = gdalVerdicts('repaired', repaired);
    for (const { name, geometry } of repaired) {
      expect(verdicts.get(name)?.valid, `${name} is valid for GEOS`).toBe(1);
      expect(Math.abs(geodesicArea(geometry) / verdicts.get(name)!.area - 1), name).toBeLessThan(0.005);
      expect(checkZoneFields({ ...newZoneFields(geometry as ZoneGeometry), name }).ok, name).toBe(true);
    }
    // Two overlapping 0.2° squares offset by 0.1°: their union, not the sum of both.
    const crossing = repaired.find((r) => r.name === 'two parts crossing')!;
    const square = fixtures.features.find((f) => f.properties.name === 'valid square')!.geometry;
    expect(geodesicArea(crossing.geometry) / (geodesicArea(square) / 4)).toBeCloseTo(1.75, 2);
  });
});
