import { describe, expect, it } from 'vitest';
import { checkZoneFields, newZoneFields } from '../../domain/zone';
import { AFFILIATIONS, type Affiliation } from '../../domain/zone';
import { ECHELONS, UNIT_TYPES, buildSidc, parseSidc, sidcProblem } from '../symbolCode';

describe('unit symbol codes', () => {
  it('are 20 digits that read back into what built them', () => {
    for (const affiliation of Object.keys(AFFILIATIONS) as Affiliation[]) {
      for (const unitType of Object.keys(UNIT_TYPES)) {
        for (const echelon of Object.keys(ECHELONS)) {
          for (const planned of [false, true]) {
            const sidc = buildSidc({ affiliation, unitType, echelon, planned });
            expect(sidc).toMatch(/^\d{20}$/);
            expect(parseSidc(sidc)).toMatchObject({ unitType, echelon, planned });
            expect(sidcProblem(sidc, affiliation)).toBeNull();
          }
        }
      }
    }
  });

  it('friendly infantry battalion is the standard 2525D code', () => {
    expect(buildSidc({ affiliation: 'friend', unitType: '121100', echelon: '16', planned: false })).toBe('10031000161211000000');
  });

  it('other codes are kept but not parsed; a code contradicting the affiliation is refused', () => {
    expect(parseSidc('SFGPUCI----F---')).toBeNull();
    expect(sidcProblem('SFGPUCI----F---', 'hostile')).toBeNull();
    expect(sidcProblem('10061000161211000000', 'friend')).toMatch(/does not match the affiliation friend/);
    const fields = { ...newZoneFields({ type: 'Polygon', coordinates: [[[20, 42], [21, 42], [21, 43], [20, 42]]] }), name: 'Z', affiliation: 'friend' as const, sidc: '10061000161211000000' };
    const checked = checkZoneFields(fields);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]!.field).toBe('sidc');
  });
});

describe('zone outlines', () => {
  const zone = (coordinates: [number, number][][]) => ({ ...newZoneFields({ type: 'Polygon', coordinates }), name: 'Z' });

  it('a self-crossing outline is refused with where it crosses (the Node side refuses it too)', () => {
    const checked = checkZoneFields(zone([[[20.7, 42.85], [20.9, 43.0], [20.9, 42.85], [20.7, 43.0], [20.7, 42.85]]]));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]!.message).toBe('The outline crosses itself near 42.9250° N, 20.8000° E; redraw it so that its edges do not cross');
  });

  it('an area without extent is refused; a valid one passes', () => {
    const flat = checkZoneFields(zone([[[20, 42], [20.5, 42], [21, 42], [20, 42]]]));
    expect(flat.ok).toBe(false);
    expect(checkZoneFields(zone([[[20, 42], [21, 42], [21, 43], [20, 42]]])).ok).toBe(true);
  });
});
