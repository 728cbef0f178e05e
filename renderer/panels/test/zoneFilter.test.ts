import { describe, expect, it } from 'vitest';
import { newZoneFields, type Zone, type ZoneStatus } from '../../../shared/domain/zone';
import { zoneMatchesFilter } from '../zoneFilter';

function zone(force: string, status: ZoneStatus = 'active'): Zone {
  const fields = { ...newZoneFields({ type: 'Polygon', coordinates: [[[20, 42], [20.1, 42], [20.1, 42.1], [20, 42]]] }), name: force || 'no force', force, status };
  return { id: '00000000-0000-4000-8000-000000000001', fields, provenance: { created_at: '', updated_at: '', author: '', origin_case: '', deleted_at: null } } as unknown as Zone;
}

describe('zones panel filter', () => {
  it('finds the force text anywhere in the zone’s force, whatever the case', () => {
    const gsz = zone('KFOR / Yugoslav Army');
    for (const force of ['KFOR', 'kfor', 'Yugoslav', 'yugoslav army', 'Army', ' KFOR / ']) expect(zoneMatchesFilter(gsz, { force, status: '' }), force).toBe(true);
    for (const force of ['KFORX', 'Serbia', 'army kfor']) expect(zoneMatchesFilter(gsz, { force, status: '' }), force).toBe(false);
  });

  it('ignores diacritics, script and punctuation as place search does', () => {
    const serbian = zone('Vojska Srbije – Kopnena vojska');
    expect(zoneMatchesFilter(serbian, { force: 'srbije', status: '' })).toBe(true);
    expect(zoneMatchesFilter(serbian, { force: 'Србије', status: '' })).toBe(true);
    expect(zoneMatchesFilter(zone('Kosovska policija (Mitrovicë)'), { force: 'mitrovice', status: '' })).toBe(true);
    expect(zoneMatchesFilter(zone('Kosovo Security Force'), { force: 'security-force', status: '' })).toBe(true);
  });

  it('an empty force matches every zone, with or without a force; the status must match exactly', () => {
    expect(zoneMatchesFilter(zone(''), { force: '', status: '' })).toBe(true);
    expect(zoneMatchesFilter(zone('', 'planned'), { force: 'KFOR', status: '' })).toBe(false);
    expect(zoneMatchesFilter(zone('KFOR', 'withdrawn'), { force: 'kfor', status: 'withdrawn' })).toBe(true);
    expect(zoneMatchesFilter(zone('KFOR', 'active'), { force: 'kfor', status: 'withdrawn' })).toBe(false);
  });
});
