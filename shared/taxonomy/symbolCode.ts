import type { Affiliation } from '../domain/zone';

/**
 * The unit symbol of a zone as a MIL-STD-2525D / APP-6(D) symbol identification code (SIDC):
 * 20 digits that milsymbol draws. The zone form builds it from the affiliation, the unit type
 * and the echelon, and reads those back from it when the zone is edited, so no extra columns
 * are needed:
 *
 *   10 0 3 10 0 0 16 121100 00 00
 *   |  | | |  | | |  |      |  └ modifier 2
 *   |  | | |  | | |  |      └ modifier 1
 *   |  | | |  | | |  └ entity (unit type), land unit symbol set
 *   |  | | |  | | └ echelon
 *   |  | | |  | └ headquarters / task force / dummy
 *   |  | | |  └ status: 0 present, 1 planned (drawn with a dashed frame)
 *   |  | | └ symbol set 10: land unit
 *   |  | └ standard identity: 1 unknown, 3 friend, 4 neutral, 6 hostile
 *   |  └ context: 0 reality
 *   └ version 10 (2525D / APP-6(D))
 */

/** Land-unit entities an analyst of the region needs most, by their 2525D entity code. */
export const UNIT_TYPES: Record<string, string> = {
  '000000': 'Unit (type not given)',
  '110000': 'Command and control / headquarters',
  '121100': 'Infantry',
  '121102': 'Mechanised infantry',
  '121104': 'Motorised infantry',
  '120500': 'Armour',
  '121300': 'Reconnaissance',
  '121700': 'Special forces',
  '121800': 'Special operations forces',
  '130300': 'Field artillery',
  '130800': 'Mortar',
  '130100': 'Air defence',
  '140700': 'Engineer',
  '140100': 'CBRN defence',
  '141200': 'Military police',
  '141700': 'Security',
  '180400': 'Multinational force',
  '200000': 'Law enforcement (police)',
  '200200': 'Border police / patrol',
  '201300': 'Internal security force (gendarmerie)',
  '121200': 'Observers / monitors',
  '110300': 'Civil–military cooperation',
  '161300': 'Medical',
  '163400': 'Supply',
};

/** Echelon (amplifier) codes of the land-unit symbol set. */
export const ECHELONS: Record<string, string> = {
  '00': 'Not given',
  '11': 'Team / crew',
  '12': 'Squad',
  '13': 'Section',
  '14': 'Platoon / detachment',
  '15': 'Company / battery / troop',
  '16': 'Battalion / squadron',
  '17': 'Regiment / group',
  '18': 'Brigade',
  '21': 'Division',
  '22': 'Corps',
  '23': 'Army',
  '25': 'Region / theatre',
  '26': 'Command',
};

/** The standard-identity digit of each affiliation. */
export const IDENTITY_DIGIT: Record<Affiliation, string> = { unknown: '1', friend: '3', neutral: '4', hostile: '6' };

export interface UnitSymbol {
  affiliation: Affiliation;
  /** Key of UNIT_TYPES. */
  unitType: string;
  /** Key of ECHELONS. */
  echelon: string;
  planned: boolean;
}

const LAND_UNIT = /^10(0)([0-6])(10)([01])(0)(\d\d)(\d{6})(00)(00)$/;

/** The 20-digit code for a unit symbol. */
export function buildSidc(symbol: UnitSymbol): string {
  const unitType = symbol.unitType in UNIT_TYPES ? symbol.unitType : '000000';
  const echelon = symbol.echelon in ECHELONS ? symbol.echelon : '00';
  return `100${IDENTITY_DIGIT[symbol.affiliation]}10${symbol.planned ? '1' : '0'}0${echelon}${unitType}0000`;
}

/**
 * Reads a code the form built back into its parts; null for any other code (an imported code
 * is kept as it is and shown as a custom code).
 */
export function parseSidc(sidc: string): (Omit<UnitSymbol, 'affiliation'> & { identity: string }) | null {
  const m = LAND_UNIT.exec(sidc);
  if (!m) return null;
  const [, , identity, , status, , echelon, entity] = m;
  if (!(entity! in UNIT_TYPES) || !(echelon! in ECHELONS)) return null;
  return { identity: identity!, unitType: entity!, echelon: echelon!, planned: status === '1' };
}

/** A problem with a code that claims to be a 2525D land-unit code but contradicts the zone. */
export function sidcProblem(sidc: string, affiliation: Affiliation): string | null {
  if (!/^\d{20}$/.test(sidc)) return null;
  const identity = sidc[3]!;
  const expected = IDENTITY_DIGIT[affiliation];
  // Assumed friend (2) and suspect (5) are shades of friend and hostile.
  const compatible = identity === expected || (affiliation === 'friend' && identity === '2') || (affiliation === 'hostile' && identity === '5') || (affiliation === 'unknown' && identity === '0');
  return compatible ? null : `The symbol code’s standard identity (digit 4, “${identity}”) does not match the affiliation ${affiliation}`;
}
