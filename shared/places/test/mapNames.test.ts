import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { municipalityName, townNames } from '../mapNames';
import type { Place } from '../placeTypes';

const basemap = join(import.meta.dirname, '../../../resources/basemap');
const places = JSON.parse(readFileSync(join(basemap, 'places.json'), 'utf8')) as Place[];
const admin = JSON.parse(readFileSync(join(basemap, 'admin.geojson'), 'utf8')) as FeatureCollection;
const place = (name: string) => places.find((p) => p.name === name)!;

describe('the names the map writes in Kosovo', () => {
  const nameOf = townNames(admin);

  it('writes a municipality seat in Serbian and Albanian, the way round its municipality is written', () => {
    expect(nameOf(place('Leposaviq'))).toBe('Leposavić / Leposaviq');
    expect(nameOf(place('Zvečan'))).toBe('Zvečan / Zveçan');
    expect(nameOf(place('Pristina'))).toBe('Priština / Prishtinë');
    expect(nameOf(place('Gjakovë'))).toBe('Đakovica / Gjakovë');
  });

  it('writes one name where both languages agree, and leaves places elsewhere as the gazetteer has them', () => {
    expect(nameOf(place('Prizren'))).toBe('Prizren');
    expect(nameOf(place('Zubin Potok'))).toBe('Zubin Potok');
    expect(nameOf(place('Belgrade'))).toBe('Belgrade');
    expect(nameOf(place('Banja Luka'))).toBe('Banja Luka');
  });

  it('municipalityName pairs the two names only when they differ', () => {
    expect(municipalityName('Zvečan', 'Zveçan')).toBe('Zvečan / Zveçan');
    expect(municipalityName('Prizren', 'Prizren')).toBe('Prizren');
    expect(municipalityName('Prizren', '')).toBe('Prizren');
  });
});
