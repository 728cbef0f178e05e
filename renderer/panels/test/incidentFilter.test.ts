import { describe, expect, it } from 'vitest';
import { newIncidentFields, type AdminArea, type Incident, type IncidentFields } from '../../../shared/domain/incident';
import { incidentMatchesText } from '../incidentFilter';

function incident(fields: Partial<IncidentFields>, admin: AdminArea): Incident {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    fields: { ...newIncidentFields(20.84, 42.91, '2023-05-29'), ...fields },
    admin,
    provenance: { created_at: '2023-05-29T10:00:00Z', updated_at: '2023-05-29T10:00:00Z', author: 'A', origin_case: '00000000-0000-4000-8000-000000000002', deleted_at: null },
  };
}

const riot = incident(
  { title: 'Riot at Zvečan municipal building: KFOR peacekeepers injured', actor1: 'Rioters (Kosovo Serbs)', location_name: 'Zvečan', tags: ['north Kosovo'] },
  { country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' },
);
const police = incident(
  { title: 'Police reported equipped with armoured vehicles', location_name: 'Ministry of Interior, Banja Luka' },
  { country: 'Bosnia and Herzegovina', admin1: 'Republika Srpska', admin2: 'Banja Luka' },
);
const gjakova = incident({ title: 'Protest', location_name: 'Đakovica' }, { country: 'Kosovo', admin1: 'Gjakova', admin2: 'Đakovica' });

describe('the incident list’s text filter', () => {
  it('ignores case, diacritics and script', () => {
    for (const q of ['zvecan', 'Zvečan', 'ZVECAN', 'Звечан', 'Zveçan']) expect(incidentMatchesText(riot, q), q).toBe(true);
    for (const q of ['Đakovica', 'dakovica', 'djakovica', 'Ђаковица']) expect(incidentMatchesText(gjakova, q), q).toBe(true);
  });

  it('searches the country, the entity or district and the municipality', () => {
    expect(incidentMatchesText(police, 'republika srpska')).toBe(true);
    expect(incidentMatchesText(police, 'bosnia')).toBe(true);
    expect(incidentMatchesText(riot, 'mitrovica')).toBe(true);
    expect(incidentMatchesText(riot, 'srpska')).toBe(false);
  });

  it('wants every word typed, in any field', () => {
    expect(incidentMatchesText(riot, 'kfor zvecan')).toBe(true);
    expect(incidentMatchesText(riot, 'kfor banja')).toBe(false);
    expect(incidentMatchesText(riot, '  ')).toBe(true);
    expect(incidentMatchesText(riot, 'north kosovo')).toBe(true);
  });
});
