import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';

/** A KML time primitive: one instant (`TimeStamp`) or a span (`TimeSpan`), open at either end. */
export type KmlTime = { when: string } | { begin?: string; end?: string } | null;

/** `YYYY-MM-DDTHH:MM` → `YYYY-MM-DDTHH:MM:00` (xsd:dateTime needs seconds); days stay days. */
function kmlInstant(value: string): string {
  return value.length === 16 ? `${value}:00` : value;
}

function shiftDays(day: string, days: number): string {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * An incident's time for Google Earth's time slider. An exact day (ACLED time precision 1) is a
 * TimeStamp; a date known only to within a week (2) or a month (3) is the span of that
 * uncertainty around it, so the slider does not pretend to more precision than the source gave.
 *
 * @example
 * incidentKmlTime({ fields: { occurred_at: '2023-05-29', time_precision: 1 } }); // { when: '2023-05-29' }
 * incidentKmlTime({ fields: { occurred_at: '2023-05-29', time_precision: 2 } }); // { begin: '2023-05-26', end: '2023-06-01' }
 */
export function incidentKmlTime(incident: Pick<Incident, 'fields'> | { fields: Pick<Incident['fields'], 'occurred_at' | 'time_precision'> }): KmlTime {
  const { occurred_at: at, time_precision: precision } = incident.fields;
  if (precision === 1) return { when: kmlInstant(at) };
  const half = precision === 2 ? 3 : 15;
  return { begin: shiftDays(at, -half), end: shiftDays(at, half) };
}

/**
 * A zone's validity as a TimeSpan; a zone with neither date is always shown. A last day given
 * as a day is valid all of it: the span ends at its last second, not as it begins.
 *
 * @example
 * zoneKmlTime({ fields: { valid_from: '1999-06-09', valid_to: '2001-05-24' } }); // { begin: '1999-06-09', end: '2001-05-24T23:59:59' }
 */
export function zoneKmlTime(zone: Pick<Zone, 'fields'>): KmlTime {
  const { valid_from: from, valid_to: to } = zone.fields;
  if (!from && !to) return null;
  const end = to ? (to.length === 10 ? `${to}T23:59:59` : kmlInstant(to)) : null;
  return { ...(from ? { begin: kmlInstant(from) } : {}), ...(end ? { end } : {}) };
}
