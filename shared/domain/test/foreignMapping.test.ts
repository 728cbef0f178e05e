import { describe, expect, it } from 'vitest';
import { guessIncidentMapping, guessTarget, guessZoneMapping, incidentCandidate, isAcledExport, normaliseDate, zoneCandidate } from '../foreignMapping';

describe('foreign field mapping', () => {
  it('reads the usual spellings of a date', () => {
    expect(normaliseDate('2023-05-29')).toBe('2023-05-29');
    expect(normaliseDate('2023-05-29T14:30:00Z')).toBe('2023-05-29T14:30');
    expect(normaliseDate('2023-05-29T00:00:00')).toBe('2023-05-29');
    expect(normaliseDate('2023/05/29')).toBe('2023-05-29');
    expect(normaliseDate('29 May 2023')).toBe('2023-05-29');
    expect(normaliseDate('3 September 2023')).toBe('2023-09-03');
    expect(normaliseDate('29.05.2023')).toBe('2023-05-29');
    expect(normaliseDate('yesterday')).toBe('yesterday'); // left for validation to refuse
  });

  it('guesses fields by name, and leaves what it cannot place', () => {
    const m = guessIncidentMapping(['Name', 'Date', 'Description', 'killed', 'URL', 'other'], false);
    expect(m).toMatchObject({ title: { column: 'Name' }, occurred_at: { column: 'Date' }, notes: { column: 'Description' }, fatalities: { column: 'killed' }, source_url: { column: 'URL' }, actor1: null });
    expect(m.event_type).toEqual({ value: 'Strategic developments' });
    expect(guessZoneMapping(['name'], true).kind).toEqual({ value: 'route' });
  });

  it('recognises an ACLED export and maps it column by column', () => {
    const columns = ['event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities', 'tags'];
    expect(isAcledExport(columns)).toBe(true);
    expect(isAcledExport(['name', 'latitude', 'longitude'])).toBe(false);
    const m = guessIncidentMapping(columns, true);
    expect(m).toMatchObject({ occurred_at: { column: 'event_date' }, location_name: { column: 'location' }, title: { value: '{sub_event_type} in {location}' } });
    expect(guessTarget({ Point: 3 }, m, true)).toBe('incidents');
  });

  it('turns a row into candidate fields, templates and types included', () => {
    const row = { event_date: '30 May 2023', event_type: 'protests', sub_event_type: 'peaceful protest', location: 'Zvečan', fatalities: '2', tags: 'a; b', time_precision: '1', geo_precision: '2' };
    const c = incidentCandidate(row, guessIncidentMapping(Object.keys(row).concat(['event_id_cnty', 'latitude', 'longitude', 'actor1']), true));
    expect(c).toMatchObject({ title: 'Peaceful protest in Zvečan'.replace('Peaceful', 'peaceful'), occurred_at: '2023-05-30', event_type: 'Protests', sub_event_type: 'Peaceful protest', fatalities: 2, tags: ['a', 'b'], geo_precision: 2, reliability: 'F', credibility: 6 });
    const z = zoneCandidate({ name: 'Patrol area', side: 'Friend' }, guessZoneMapping(['name', 'side'], false));
    expect(z).toMatchObject({ name: 'Patrol area', affiliation: 'friend', kind: 'deployment', status: 'active' });
  });
});
