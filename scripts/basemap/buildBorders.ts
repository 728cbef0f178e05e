import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { mesh, neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject } from 'topojson-specification';
import type { BorderProperties, CountryFeature } from '../../shared/geo/basemapTypes';
import { metresPerDegreeLat, metresPerDegreeLon } from '../../shared/geo/localMetres';
import { cleanLineGeometry } from './geometryCleanup';

export interface BorderReport {
  a: string;
  b: string;
  km: number;
  parts: number;
}

/**
 * The land boundary between each pair of neighbouring countries. A topology (unquantised,
 * so coordinates stay exact) finds the arcs two countries share; `mesh` with a filter on the
 * pair stitches them into lines. Coasts and the clip box edge belong to one country only and
 * drop out. `unsharedKm` is each country's boundary that no neighbour shares (coast, box edge,
 * border lakes): a landlocked country inside the box should have none.
 */
export function buildBorders(countries: readonly CountryFeature[]): {
  borders: Feature<LineString | MultiLineString, BorderProperties>[];
  report: BorderReport[];
  unsharedKm: Map<string, number>;
} {
  const input: FeatureCollection = { type: 'FeatureCollection', features: [...countries] };
  const topo = topology({ countries: input });
  const collection = topo.objects.countries as GeometryCollection<{ iso3: string }>;
  const geometries = collection.geometries;
  const iso3Of = (g: GeometryObject) => (g.properties as { iso3: string }).iso3;

  const pairs = new Set<string>();
  neighbors(geometries).forEach((list, i) => {
    for (const j of list) pairs.add([iso3Of(geometries[i]!), iso3Of(geometries[j]!)].sort().join('|'));
  });

  const borders: Feature<LineString | MultiLineString, BorderProperties>[] = [];
  const report: BorderReport[] = [];
  for (const pair of [...pairs].sort()) {
    const [a, b] = pair.split('|') as [string, string];
    const lines = mesh(topo, collection, (x, y) => x !== y && [iso3Of(x), iso3Of(y)].sort().join('|') === pair);
    const geometry = cleanLineGeometry(lines.coordinates);
    if (!geometry) continue;
    borders.push({ type: 'Feature', properties: { a, b }, geometry });
    const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    report.push({ a, b, km: round1(parts.reduce((sum, line) => sum + lineKm(line), 0)), parts: parts.length });
  }

  const unsharedKm = new Map<string, number>();
  for (const g of geometries) {
    const lines = mesh(topo, collection, (x, y) => x === y && x === g);
    unsharedKm.set(iso3Of(g), round1(lines.coordinates.reduce((sum, line) => sum + lineKm(line), 0)));
  }
  return { borders, report, unsharedKm };
}

function lineKm(line: readonly number[][]): number {
  let metres = 0;
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1] as [number, number];
    const [x1, y1] = line[i] as [number, number];
    metres += Math.hypot((x1 - x0) * metresPerDegreeLon((y0 + y1) / 2), (y1 - y0) * metresPerDegreeLat());
  }
  return metres / 1000;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
