import { beforeAll, describe, expect, it } from 'vitest';
import { builtBasemap } from '../../geo/test/builtBasemap';
import { ADDED_PLACES } from '../addedPlaces';
import { createPlaceIndex, isNameMatch, searchPlaces, type PlaceIndex } from '../placeIndex';
import type { Place } from '../placeTypes';

let places: Place[];
let index: PlaceIndex;

beforeAll(() => {
  places = builtBasemap().places;
  index = createPlaceIndex(places);
});

/** The top result's GeoNames name and country. */
function top(query: string): string {
  const match = index.search(query, 5)[0];
  return match ? `${match.place.name} (${match.place.iso2})` : '(nothing)';
}

describe('place search on the generated gazetteer', () => {
  it('finds Zvečan however it is typed', () => {
    for (const q of ['Zvečan', 'zvecan', 'ZVECAN', 'Звечан', 'Zveçan']) expect(top(q), q).toBe('Zvečan (XK)');
  });

  it('finds Leposavić by its Serbian, Albanian and folded names', () => {
    for (const q of ['Leposavić', 'Leposaviq', 'leposavic', 'Лепосавић']) expect(top(q), q).toBe('Leposaviq (XK)');
  });

  it('finds Kosovo Mitrovica before Sremska Mitrovica', () => {
    for (const q of ['Mitrovica', 'Mitrovicë', 'Kosovska Mitrovica', 'mitrovice', 'North Mitrovica']) {
      expect(top(q), q).toBe('Mitrovicë (XK)');
    }
    const names = index.search('Mitrovica').map((m) => m.place.name);
    expect(names.indexOf('Mitrovicë')).toBeLessThan(names.indexOf('Sremska Mitrovica'));
  });

  it('finds Raška, Brčko, Banja Luka and Belgrade with or without diacritics and in Cyrillic', () => {
    for (const q of ['Raška', 'Raska', 'Рашка']) expect(top(q), q).toBe('Raška (RS)');
    for (const q of ['Brčko', 'Brcko', 'Брчко']) expect(top(q), q).toBe('Brčko (BA)');
    for (const q of ['Banja Luka', 'banja', 'Бања Лука', 'banja l']) expect(top(q), q).toBe('Banja Luka (BA)');
    for (const q of ['Beograd', 'Belgrade', 'Београд', 'beograd']) expect(top(q), q).toBe('Belgrade (RS)');
  });

  it('reports which name matched', () => {
    expect(index.search('Kosovska Mitrovica')[0]?.matchedName).toBe('Kosovska Mitrovica');
    expect(index.search('Beograd')[0]?.matchedName).toBe('Beograd');
    expect(index.search('Zvecan')[0]?.matchedName).toBe('Zvečan');
  });

  it('ranks exact over prefix over substring over fuzzy matches', () => {
    const results = index.search('Pristina', 10);
    expect(results[0]?.place.name).toBe('Pristina');
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('forgives one typo in a short query and two in a longer one', () => {
    expect(top('Zvecam')).toBe('Zvečan (XK)');
    expect(top('Leposavik')).toBe('Leposaviq (XK)');
    expect(top('Srebrenca')).toBe('Srebrenica (BA)');
    expect(top('Srbrenca')).toBe('Srebrenica (BA)');
  });

  it('returns nothing for a blank query and respects the limit', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('a', 3)).toHaveLength(3);
  });

  it('works through searchPlaces, building the index once', () => {
    expect(searchPlaces(places, 'zubin potok')[0]?.place.name).toBe('Zubin Potok');
    expect(searchPlaces(places, 'Tuzla')[0]?.place.name).toBe('Tuzla');
  });

  it('is fast enough for every keystroke', () => {
    const started = performance.now();
    const typed = 'kosovska mitrovica';
    for (let round = 0; round < 20; round++) for (let i = 1; i <= typed.length; i++) index.search(typed.slice(0, i));
    const perSearch = (performance.now() - started) / (20 * typed.length);
    expect(perSearch).toBeLessThan(20);
  });

  it('finds the boundary crossings and Banjska by name', () => {
    for (const q of ['Jarinje', 'jarinje', 'Јариње', 'Jarinjë', 'Jarinje crossing']) expect(top(q), q).toBe('Jarinje crossing (XK)');
    for (const q of ['Brnjak', 'Bërnjak', 'Брњак']) expect(top(q), q).toBe('Brnjak crossing (XK)');
    for (const q of ['Banjska', 'banjska', 'Бањска']) expect(top(q), q).toBe('Banjska (XK)');
    for (const q of ['Jarinje', 'Brnjak', 'Banjska']) expect(isNameMatch(index.search(q)[0]), q).toBe(true);
    expect(index.search('Jarinje')[0]?.place.description).toBe('Kosovo–Serbia boundary crossing, Leposavić / Raška');
  });

  it('tells a name match from a near miss', () => {
    // The gazetteer as it was before the crossings and Banjska were added: only look-alikes.
    const added = new Set(ADDED_PLACES.map((p) => p.name));
    const without = createPlaceIndex(places.filter((p) => !added.has(p.name)));
    for (const [q, lookalike] of [['Jarinje', 'Arilje'], ['Brnjak', 'Krnjak'], ['Banjska', 'Banja Luka']] as const) {
      const match = without.search(q)[0];
      expect(match?.place.name, q).toBe(lookalike);
      expect(match?.kind, q).toBe('fuzzy');
      expect(isNameMatch(match), q).toBe(false);
    }
    // A whole name, its beginning or the beginning of one of its words names the place.
    expect(index.search('Leposavić')[0]?.kind).toBe('exact');
    expect(index.search('banja l')[0]?.kind).toBe('prefix');
    const potok = index.search('potok', 50).find((m) => m.place.name === 'Zubin Potok');
    expect(potok?.kind).toBe('wordPrefix');
    expect(isNameMatch(potok)).toBe(true);
    const inside = index.search('ovska', 50).find((m) => m.place.name === 'Mitrovicë');
    expect(inside?.kind).toBe('substring');
    expect(isNameMatch(inside)).toBe(false);
    expect(isNameMatch(undefined)).toBe(false);
  });
});
