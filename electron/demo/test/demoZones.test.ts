import { describe, expect, it } from 'vitest';
import { builtBasemap } from '../../../shared/geo/test/builtBasemap';
import { areaCoverage } from '../../../shared/geo/analysis/areaCoverage';
import { distanceToLines } from '../../../shared/geo/analysis/distanceToLines';
import { geodesicArea } from '../../../shared/geo/analysis/geodesicArea';
import { geodesicLength } from '../../../shared/geo/analysis/geodesicLength';
import { parseSidc } from '../../../shared/taxonomy/symbolCode';
import { DEMO_NOTE } from '../demoFacts';
import { demoZones } from '../demoZones';

describe('demo zones', () => {
  const basemap = builtBasemap();
  const zones = demoZones(basemap);
  const byKey = new Map(zones.map((z) => [z.key, z.fields]));
  const countries = basemap.countries.features.map((f) => ({ id: f.properties.iso3, name: f.properties.name, geometry: f.geometry }));
  const boundary = basemap.borders.features.filter((f) => f.properties.a === 'SRB' && f.properties.b === 'XKX').map((f) => f.geometry);

  it('each says it is illustrative and cites its source', () => {
    expect(zones).toHaveLength(3);
    for (const { fields } of zones) {
      expect(fields.notes.startsWith(DEMO_NOTE)).toBe(true);
      expect(fields.source.length).toBeGreaterThan(10);
    }
  });

  it('the Ground Safety Zone is the 5 km band on Serbia’s side of the boundary, historical', () => {
    const gsz = byKey.get('zone-ground-safety-zone-1999')!;
    expect(gsz).toMatchObject({ kind: 'buffer', status: 'withdrawn', valid_from: '1999-06-09', valid_to: '2001-05-24' });
    const cover = areaCoverage(gsz.geometry, countries);
    expect(cover.map((c) => c.id)).toEqual(['SRB']);
    expect(cover[0]!.percent).toBeGreaterThan(99.9);
    expect(distanceToLines(gsz.geometry, boundary)!.distance_m).toBe(0);
    // About 5 km deep along a boundary of a few hundred km.
    const depth = geodesicArea(gsz.geometry) / geodesicLength(boundary[0]!);
    expect(depth).toBeGreaterThan(3_500);
    expect(depth).toBeLessThan(5_000);
  });

  it('KFOR’s zone is the four northern municipalities, in Kosovo, with a friendly multinational symbol', () => {
    const kfor = byKey.get('zone-kfor-north-2023')!;
    expect(areaCoverage(kfor.geometry, countries).map((c) => c.id)).toEqual(['XKX']);
    expect(parseSidc(kfor.sidc)).toMatchObject({ identity: '3', unitType: '180400' });
    const km2 = geodesicArea(kfor.geometry) / 1e6;
    expect(km2).toBeGreaterThan(1_200);
    expect(km2).toBeLessThan(1_500);
  });

  it('the September 2023 build-up lies in Serbia along the boundary and is marked withdrawn', () => {
    const buildup = byKey.get('zone-serbian-buildup-2023-09')!;
    expect(buildup).toMatchObject({ status: 'withdrawn', valid_from: '2023-09-29', affiliation: 'unknown' });
    expect(areaCoverage(buildup.geometry, countries).map((c) => c.id)).toEqual(['SRB']);
  });
});
