import type { Zone, ZoneStatus } from '../../shared/domain/zone';
import { foldForSearch } from '../../shared/places/foldText';

export interface ZoneFilter {
  /** Text to find in the zone's force; empty for any force. */
  force: string;
  status: '' | ZoneStatus;
}

/**
 * Whether a zone passes the zones panel's filters (the map draws only the zones that do).
 * The force is found anywhere in the zone's force, whatever the case, diacritics, script or
 * punctuation, folded as place search folds names: "kfor" finds "KFOR / Yugoslav Army",
 * "srbije" finds "Vojska Srbije" and "Војска Србије".
 *
 * @example
 * zoneMatchesFilter(gsz, { force: 'kfor', status: '' }); // true for force 'KFOR / Yugoslav Army'
 */
export function zoneMatchesFilter(zone: Zone, filter: ZoneFilter): boolean {
  if (filter.status && zone.fields.status !== filter.status) return false;
  const wanted = foldForSearch(filter.force);
  return wanted === '' || foldForSearch(zone.fields.force).includes(wanted);
}
