import type { LineString, MultiLineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdminLookup } from '../adminLookup';
import { metresPerDegreeLat, metresPerDegreeLon } from '../localMetres';
import { createPolygonIndex } from '../polygonIndex';
import { builtBasemap } from './builtBasemap';

type Lookup = ReturnType<typeof createAdminLookup>;
let lookup: Lookup;
let kosovoDistricts: Set<string>;
let serbianDistricts: Set<string>;

beforeAll(() => {
  const basemap = builtBasemap();
  lookup = createAdminLookup(basemap);
  kosovoDistricts = new Set(basemap.admin.features.flatMap((f) => (f.properties.iso3 === 'XKX' ? [f.properties.district] : [])));
  serbianDistricts = new Set(basemap.admin.features.flatMap((f) => (f.properties.iso3 === 'SRB' ? [f.properties.name] : [])));
});

/** The Kosovo–Serbia border from borders.geojson, as one list of vertices. */
function kosovoSerbiaBorder(): Position[] {
  const feature = builtBasemap().borders.features.find((f) => f.properties.a === 'SRB' && f.properties.b === 'XKX');
  if (!feature) throw new Error('borders.geojson has no SRB/XKX border');
  const geometry = feature.geometry as LineString | MultiLineString;
  return geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
}

/** The line of the border between two countries (from borders.geojson) that passes nearest to (lon, lat). */
function borderLineNear(a: string, b: string, lon: number, lat: number): Position[] {
  const feature = builtBasemap().borders.features.find((f) => f.properties.a === a && f.properties.b === b);
  if (!feature) throw new Error(`borders.geojson has no ${a}/${b} border`);
  const geometry = feature.geometry as LineString | MultiLineString;
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const distance = (line: Position[]) => Math.min(...line.map((p) => Math.hypot(p[0]! - lon, p[1]! - lat)));
  return lines.reduce((best, line) => (distance(line) < distance(best) ? line : best));
}

/** Two points `metres` either side of the border at its vertex nearest to (lon, lat). */
function pointsAcross(border: Position[], lon: number, lat: number, metres: number): [Position, Position] {
  let best = 1;
  for (let i = 1; i < border.length - 1; i++) {
    const d = (p: Position) => Math.hypot(p[0]! - lon, p[1]! - lat);
    if (d(border[i]!) < d(border[best]!)) best = i;
  }
  const [x, y] = border[best] as [number, number];
  const kx = metresPerDegreeLon(y);
  const ky = metresPerDegreeLat();
  // Direction of the border around the vertex, in metres, and its normal.
  const dx = (border[best + 1]![0]! - border[best - 1]![0]!) * kx;
  const dy = (border[best + 1]![1]! - border[best - 1]![1]!) * ky;
  const length = Math.hypot(dx, dy);
  const nx = -dy / length;
  const ny = dx / length;
  return [
    [x + (nx * metres) / kx, y + (ny * metres) / ky],
    [x - (nx * metres) / kx, y - (ny * metres) / ky],
  ];
}

function nearer(p: Position, a: [number, number], b: [number, number]): 'a' | 'b' {
  return Math.hypot(p[0]! - a[0], p[1]! - a[1]) < Math.hypot(p[0]! - b[0], p[1]! - b[1]) ? 'a' : 'b';
}

describe('createAdminLookup on the generated basemap', () => {
  it('puts Zvečan in Kosovo, Mitrovica district, Zvečan municipality', () => {
    expect(lookup(20.84028, 42.9075)).toEqual({ country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' });
  });

  it('puts Leposavić town in Leposavić municipality', () => {
    expect(lookup(20.80278, 43.10389)).toEqual({ country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Leposavić' });
  });

  it('names the entities of Bosnia and Herzegovina', () => {
    expect(lookup(17.20629, 44.77879)).toMatchObject({ country: 'Bosnia and Herzegovina', admin1: 'Republika Srpska' });
    expect(lookup(18.35644, 43.84864)).toMatchObject({
      country: 'Bosnia and Herzegovina',
      admin1: 'Federation of Bosnia and Herzegovina',
      admin2: 'Sarajevo',
    });
    expect(lookup(18.8163, 44.87162)).toMatchObject({ country: 'Bosnia and Herzegovina', admin1: 'Brčko District' });
  });

  it('puts Raška in Serbia, with the district as admin 1 and no admin 2', () => {
    expect(lookup(20.61528, 43.28722)).toEqual({ country: 'Serbia', admin1: 'Raški', admin2: '' });
  });

  it('gives countries without admin areas no admin names', () => {
    expect(lookup(15.97798, 45.81444)).toEqual({ country: 'Croatia', admin1: '', admin2: '' });
  });

  it('finds nothing in the open Adriatic, or for non-numbers', () => {
    expect(lookup(17.0, 42.0)).toEqual({ country: '', admin1: '', admin2: '' });
    expect(lookup(Number.NaN, 42)).toEqual({ country: '', admin1: '', admin2: '' });
  });

  it('resolves points 300 m either side of the Kosovo–Serbia border near Jarinje to the right country', () => {
    const leposavic: [number, number] = [20.80278, 43.10389];
    const raska: [number, number] = [20.61528, 43.28722];
    const [p, q] = pointsAcross(kosovoSerbiaBorder(), 20.67, 43.14, 300);
    const kosovoSide = nearer(p, leposavic, raska) === 'a' ? p : q;
    const serbiaSide = kosovoSide === p ? q : p;
    expect(lookup(kosovoSide[0]!, kosovoSide[1]!)).toMatchObject({ country: 'Kosovo', admin1: 'Mitrovica' });
    expect(lookup(serbiaSide[0]!, serbiaSide[1]!)).toMatchObject({ country: 'Serbia', admin1: 'Raški' });
  });

  it('puts points 100 m either side of the whole Kosovo–Serbia border in one country each', () => {
    const border = kosovoSerbiaBorder();
    let sampled = 0;
    let straddling = 0;
    for (let i = 1; i < border.length - 1; i += 10) {
      const [p, q] = pointsAcross(border, border[i]![0]!, border[i]![1]!, 100);
      const sides = [lookup(p[0]!, p[1]!).country, lookup(q[0]!, q[1]!).country].sort().join('|');
      sampled++;
      if (sides === 'Kosovo|Serbia') straddling++;
    }
    // Tight bends of the line can put both offset points on one side; nowhere may there be a gap.
    expect(sampled).toBeGreaterThan(100);
    expect(straddling / sampled).toBeGreaterThan(0.95);
  });

  it('never takes an admin area across the Kosovo–Serbia border', () => {
    const border = kosovoSerbiaBorder();
    let checked = 0;
    for (let i = 1; i < border.length - 1; i += 25) {
      for (const [lon, lat] of pointsAcross(border, border[i]![0]!, border[i]![1]!, 150)) {
        const area = lookup(lon!, lat!);
        if (area.country === 'Kosovo') expect(area.admin1 === '' || kosovoDistricts.has(area.admin1)).toBe(true);
        else if (area.country === 'Serbia') expect(area.admin1 === '' || serbianDistricts.has(area.admin1)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('puts a point 100 m inside Bosnia and Herzegovina on the Sava at Brčko in Brčko District, and one 100 m across in Croatia', () => {
    // The Bosnia–Croatia border (the Sava) just east of Brčko town, from the generated outline.
    const [p, q] = pointsAcross(borderLineNear('BIH', 'HRV', 18.835, 44.865), 18.835, 44.865, 100);
    const bosnia = builtBasemap().countries.features.find((f) => f.properties.iso3 === 'BIH')!;
    const inBosnia = createPolygonIndex([{ geometry: bosnia.geometry, value: true }]);
    expect([inBosnia.containing(p[0]!, p[1]!), inBosnia.containing(q[0]!, q[1]!)].filter(Boolean)).toHaveLength(1);
    const [inside, across] = inBosnia.containing(p[0]!, p[1]!) ? [p, q] : [q, p];

    expect(lookup(inside[0]!, inside[1]!)).toEqual({
      country: 'Bosnia and Herzegovina',
      admin1: 'Brčko District',
      admin2: 'Brčko',
    });
    expect(lookup(across[0]!, across[1]!)).toEqual({ country: 'Croatia', admin1: '', admin2: '' });

    // What the map draws: Brčko District's fill reaches the river and stops there.
    const { entities, admin } = builtBasemap();
    const entityAt = createPolygonIndex(entities.features.map((f) => ({ geometry: f.geometry, value: f.properties.id })));
    const adminAt = createPolygonIndex(admin.features.map((f) => ({ geometry: f.geometry, value: f.properties.name })));
    expect(entityAt.containing(inside[0]!, inside[1]!)).toBe('BD');
    expect(adminAt.containing(inside[0]!, inside[1]!)).toBe('Brčko');
    expect(entityAt.containing(across[0]!, across[1]!)).toBeNull();
    expect(adminAt.containing(across[0]!, across[1]!)).toBeNull();
  });

  it('looks up a point in well under a millisecond on average', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const points = Array.from({ length: 5000 }, () => [13 + random() * 11, 39.5 + random() * 7.5] as const);
    const started = performance.now();
    for (const [lon, lat] of points) lookup(lon, lat);
    const perLookup = (performance.now() - started) / points.length;
    expect(perLookup).toBeLessThan(0.5);
  });
});
