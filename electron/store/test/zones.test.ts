import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { newZoneFields, type ZoneFields } from '../../../shared/domain/zone';
import { createCase, openCase, openCaseReadOnly } from '../caseStore';
import { AUTHOR, tempDir } from './helpers';

const SQUARE: ZoneFields['geometry'] = { type: 'Polygon', coordinates: [[[20.7, 42.85], [20.9, 42.85], [20.9, 43.0], [20.7, 43.0], [20.7, 42.85]]] };
const ROUTE: ZoneFields['geometry'] = { type: 'LineString', coordinates: [[19.0, 44.0], [19.2, 44.1]] };

function fields(overrides: Partial<ZoneFields> = {}): ZoneFields {
  return { ...newZoneFields(SQUARE), name: 'KFOR presence, Zvečan', force: 'KFOR', affiliation: 'friend', ...overrides };
}

describe('zones in the case store', () => {
  it('saves, lists by box, edits, tombstones and restores, with provenance and audit', () => {
    const file = path.join(tempDir(), 'zones.gpkg');
    const store = createCase(file, { name: 'Zones', author: AUTHOR });
    const zone = store.saveZone({ fields: fields() }, AUTHOR);
    const route = store.saveZone({ fields: { ...newZoneFields(ROUTE), name: 'Supply route' } }, AUTHOR);
    expect(zone.provenance.origin_case).toBe(store.info().id);
    expect(store.info().counts.zones).toBe(2);
    expect(store.listZones({ bbox: [20.8, 42.9, 20.85, 42.95] }).map((z) => z.id)).toEqual([zone.id]);
    expect(store.listZones({ bbox: [19.1, 44.0, 19.3, 44.2] }).map((z) => z.id)).toEqual([route.id]);
    const edited = store.saveZone({ id: zone.id, fields: fields({ status: 'withdrawn', valid_to: '2023-12-31' }) }, 'Other Analyst');
    expect(edited.provenance.author).toBe('Other Analyst');
    store.deleteZone(zone.id, AUTHOR);
    expect(store.listZones().map((z) => z.id)).toEqual([route.id]);
    expect(store.getZone(zone.id).provenance.deleted_at).not.toBeNull();
    store.restoreZone(zone.id, AUTHOR);
    store.close();
    const reopened = openCase(file);
    const back = reopened.getZone(zone.id);
    expect(back.fields).toEqual(fields({ status: 'withdrawn', valid_to: '2023-12-31' }));
    reopened.close();
  });

  it('keeps a circle as centre and radius with its polygon', () => {
    const file = path.join(tempDir(), 'circle.gpkg');
    const store = createCase(file, { name: 'Circle', author: AUTHOR });
    const circle = { center: [20.8, 42.9] as [number, number], radius_m: 5000 };
    const saved = store.saveZone({ fields: fields({ circle }) }, AUTHOR);
    store.close();
    expect(openCaseReadOnly(file, (r) => r.getZone(saved.id).fields.circle)).toEqual(circle);
  });

  it('refuses invalid zones with field messages and writes nothing', () => {
    const store = createCase(path.join(tempDir(), 'bad.gpkg'), { name: 'Bad', author: AUTHOR });
    const open: ZoneFields['geometry'] = { type: 'Polygon', coordinates: [[[20.7, 42.85], [20.9, 42.85], [20.9, 43.0], [20.7, 43.0]]] };
    for (const bad of [fields({ name: ' ' }), fields({ geometry: open }), fields({ valid_from: '2023-05-01', valid_to: '2023-04-01' }), fields({ kind: 'route' })]) {
      expect(() => store.saveZone({ fields: bad }, AUTHOR)).toThrow(ApiError);
    }
    expect(store.info().counts.zones).toBe(0);
    store.close();
  });
});
