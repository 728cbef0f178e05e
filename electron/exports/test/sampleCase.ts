import path from 'node:path';
import { newZoneFields, type ZoneFields } from '../../../shared/domain/zone';
import { createCase } from '../../store/caseStore';
import { AUTHOR, sampleFields, ZVECAN } from '../../store/test/helpers';

/** Titles that break naive HTML, XML and CSV writers, and a Cyrillic place name. */
export const HOSTILE_TITLE = `<script>alert("x")</script> & 'quoted' "Лепосавић"`;
export const HOSTILE_NOTES = `<img src=x onerror=alert(1)>\nline two, with a comma; and "quotes" ]]> end`;

export const SQUARE: ZoneFields['geometry'] = { type: 'Polygon', coordinates: [[[20.7, 42.85], [20.7, 43.0], [20.9, 43.0], [20.9, 42.85], [20.7, 42.85]]] };
export const ROUTE: ZoneFields['geometry'] = { type: 'LineString', coordinates: [[20.5, 43.2], [20.6, 43.1], [20.75, 43.05]] };

/**
 * A case with three live incidents (one hostile, one with a time, one at 7-decimal coordinates),
 * one deleted incident, and two zones (a friendly area with a symbol code, a hostile route).
 */
export function writeSampleCase(dir: string, name = 'North Kosovo 2023'): { file: string; ids: string[]; zoneIds: string[] } {
  const file = path.join(dir, 'sample.gpkg');
  const store = createCase(file, { name, author: AUTHOR });
  const a = store.saveIncident({ fields: sampleFields() }, ZVECAN, AUTHOR);
  const b = store.saveIncident(
    { fields: sampleFields({ title: 'Banjska monastery attack', occurred_at: '2023-09-24T03:00', lon: 20.7597123, lat: 42.9783456, fatalities: 4, event_type: 'Battles', sub_event_type: 'Armed clash', tags: [], time_precision: 2 }) },
    ZVECAN,
    AUTHOR,
  );
  const c = store.saveIncident(
    { fields: sampleFields({ title: HOSTILE_TITLE, notes: HOSTILE_NOTES, occurred_at: '2023-05-26', lon: 20.8025, lat: 43.1022, event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Kosovo Serbs)', actor2: '', location_name: 'Лепосавић', tags: ['=cmd', 'north'] }) },
    { country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Leposavić' },
    AUTHOR,
  );
  const d = store.saveIncident({ fields: sampleFields({ title: 'Duplicate entry' }) }, ZVECAN, AUTHOR);
  store.deleteIncident(d.id, AUTHOR);
  const zone = store.saveZone(
    { fields: { ...newZoneFields(SQUARE), name: 'KFOR presence, Zvečan', force: 'KFOR', unit: 'RC-E', affiliation: 'friend', sidc: 'SFGPUCI----E', valid_from: '2023-05-29', strength: 'about 700' } },
    AUTHOR,
  );
  const route = store.saveZone({ fields: { ...newZoneFields(ROUTE), name: 'Supply route <b>', affiliation: 'hostile', status: 'planned' } }, AUTHOR);
  store.close();
  return { file, ids: [a.id, b.id, c.id], zoneIds: [zone.id, route.id] };
}
