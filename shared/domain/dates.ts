/**
 * Dates in a case file are ISO 8601 text: an event date `YYYY-MM-DD`, optionally with a local
 * time `YYYY-MM-DDTHH:MM`; audit timestamps are UTC `YYYY-MM-DDTHH:MM:SS.sssZ` (GeoPackage
 * DATETIME). These helpers check that a date really exists (no 30 February) without relying on
 * `Date.parse`, which silently rolls invalid dates over.
 */

const EVENT_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Returns a reason when `value` is not a real event date, or null when it is. */
export function eventDateProblem(value: string): string | null {
  const m = EVENT_DATE.exec(value);
  if (!m) return 'Use the form YYYY-MM-DD (optionally with a time, YYYY-MM-DDTHH:MM)';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2100) return `The year ${year} is outside 1900–2100`;
  if (month < 1 || month > 12) return `There is no month ${m[2]}`;
  if (day < 1 || day > daysInMonth(year, month)) return `The date ${m[1]}-${m[2]}-${m[3]} does not exist`;
  if (m[4] !== undefined) {
    const [hour, minute] = [Number(m[4]), Number(m[5])];
    if (hour > 23 || minute > 59) return `The time ${m[4]}:${m[5]} does not exist`;
  }
  return null;
}

/**
 * The latest calendar day an event can have happened on, seen from `nowMs`: today in the
 * easternmost time zone (UTC+14), so that an analyst anywhere can enter what happened today
 * where it happened, and nothing later can slip through.
 */
export function latestEventDay(nowMs: number = Date.now()): string {
  return new Date(nowMs + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** A reason when an incident's date lies after today (see latestEventDay), else null. */
export function futureEventProblem(value: string, nowMs: number = Date.now()): string | null {
  const latest = latestEventDay(nowMs);
  return eventDay(value) > latest ? `The date ${eventDay(value)} is in the future; an incident records what has already happened` : null;
}

export function isEventDate(value: string): boolean {
  return eventDateProblem(value) === null;
}

/** The calendar day of an event date (drops the time part). */
export function eventDay(value: string): string {
  return value.slice(0, 10);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** A GeoPackage DATETIME for now (or for `ms`). */
export function timestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString();
}
