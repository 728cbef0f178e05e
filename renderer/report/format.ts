const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2023-05-26` → `26 May 2023`; with a time, `2023-09-24T03:00` → `24 Sep 2023 03:00`. */
export function formatDay(value: string): string {
  const day = `${Number(value.slice(8, 10))} ${MONTHS[Number(value.slice(5, 7)) - 1] ?? '?'} ${value.slice(0, 4)}`;
  return value.length > 10 ? `${day} ${value.slice(11, 16)}` : day;
}

/** How exactly a date is known (ACLED time precision): "± 1 week", "± 1 month", or nothing. */
export function precisionLabel(precision: number): string {
  return precision === 2 ? '± 1 week' : precision === 3 ? '± 1 month' : '';
}

/**
 * An incident's date as the table prints it: the day, then on a line of its own the time of
 * day and how exactly the date is known, e.g. `["24 Sep 2023", "03:00 · ± 1 week"]`. The day
 * alone sets the column's width; the second line is shorter than it.
 */
export function incidentDateLines(occurredAt: string, precision: number): [string, string] {
  const time = occurredAt.length > 10 ? occurredAt.slice(11, 16) : '';
  return [formatDay(occurredAt.slice(0, 10)), [time, precisionLabel(precision)].filter(Boolean).join(' · ')];
}

export function formatPeriod(from: string | null, to: string | null): string {
  if (!from && !to) return 'No dated incidents';
  if (from && to) return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
  return from ? `From ${formatDay(from)}` : `Until ${formatDay(to!)}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** `2026-11-25T01:40:12.345Z` → `25 Nov 2026 01:40 UTC`. */
export function formatUtc(iso: string): string {
  return `${formatDay(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}
