import type { AdminArea } from '../domain/incident';

/** What `describeAdmin` says for a point in no country (open sea, or off the basemap). */
export const NO_COUNTRY_LABEL = 'No country on the basemap';

/** Countries whose admin 1 is a district, so the label says "… district". */
const DISTRICT_COUNTRIES = new Set(['Kosovo', 'Serbia']);

/**
 * A one-line label for an admin area.
 *
 * @example
 * describeAdmin({ country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' });
 * // 'Kosovo · Mitrovica district · Zvečan'
 * describeAdmin({ country: 'Bosnia and Herzegovina', admin1: 'Republika Srpska', admin2: 'Banja Luka' });
 * // 'Bosnia and Herzegovina · Republika Srpska · Banja Luka'
 */
export function describeAdmin(area: AdminArea): string {
  if (!area.country) return NO_COUNTRY_LABEL;
  const parts = [area.country];
  if (area.admin1) parts.push(DISTRICT_COUNTRIES.has(area.country) ? asDistrict(area.admin1) : area.admin1);
  if (area.admin2 && area.admin2 !== area.admin1) parts.push(area.admin2);
  return parts.join(' · ');
}

function asDistrict(name: string): string {
  // "Grad Beograd" is the City of Belgrade, not a district; a name may already say "district".
  if (/^grad\s/i.test(name) || /\bdistrict$/i.test(name)) return name;
  return `${name} district`;
}
