import { EVENT_TYPES, EVENT_TYPE_STYLE, type EventType } from '../taxonomy/acled';
import type { CountRow, ReportIncident, ReportSummary, TimelineBin } from './reportData';

/** Bars beyond this many are summed into "Other", so a chart stays readable. */
const MAX_AREA_ROWS = 12;
/** Up to about half a year, weekly bins; longer, monthly. */
const WEEKLY_MAX_DAYS = 190;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayMs = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday on or before a day. */
export function weekStart(day: string): string {
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDay(ms - weekday * 86_400_000);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function nextBin(start: string, unit: 'week' | 'month'): string {
  if (unit === 'week') return isoDay(dayMs(start) + 7 * 86_400_000);
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function binLabel(start: string, unit: 'week' | 'month'): string {
  const month = MONTHS[Number(start.slice(5, 7)) - 1]!;
  return unit === 'week' ? `${Number(start.slice(8, 10))} ${month}` : `${month} ${start.slice(0, 4)}`;
}

/**
 * Incidents per week or month from `from` to `to`, with empty bins kept (a quiet week is
 * information too). `auto` picks weeks for up to about six months and months beyond.
 *
 * @example
 * timeline(incidents, '2023-05-01', '2023-06-30', 'auto').unit; // 'week'
 */
export function timeline(incidents: readonly Pick<ReportIncident, 'occurred_at' | 'event_type'>[], from: string | null, to: string | null, unit: 'auto' | 'week' | 'month'): ReportSummary['timeline'] {
  const days = incidents.map((i) => i.occurred_at.slice(0, 10)).sort();
  const first = from ?? days[0];
  const last = to ?? days.at(-1);
  if (!first || !last) return { unit: unit === 'month' ? 'month' : 'week', bins: [] };
  const chosen = unit !== 'auto' ? unit : (dayMs(last) - dayMs(first)) / 86_400_000 <= WEEKLY_MAX_DAYS ? 'week' : 'month';
  const startOf = chosen === 'week' ? weekStart : monthStart;
  const bins: TimelineBin[] = [];
  const index = new Map<string, TimelineBin>();
  // A hard cap keeps a typo'd range (1900–2100 by weeks) from making thousands of bins.
  for (let start = startOf(first); start <= last && bins.length < 2_000; start = nextBin(start, chosen)) {
    const bin: TimelineBin = { start, label: binLabel(start, chosen), total: 0, byType: {} };
    bins.push(bin);
    index.set(start, bin);
  }
  for (const incident of incidents) {
    const bin = index.get(startOf(incident.occurred_at));
    if (!bin) continue;
    bin.total += 1;
    bin.byType[incident.event_type] = (bin.byType[incident.event_type] ?? 0) + 1;
  }
  return { unit: chosen, bins };
}

function countBy(incidents: readonly ReportIncident[], key: (i: ReportIncident) => string, max = Infinity): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const incident of incidents) {
    const label = key(incident);
    const row = rows.get(label) ?? { label, count: 0, fatalities: 0, injured: 0 };
    row.count += 1;
    row.fatalities += incident.fatalities;
    row.injured += incident.injured;
    rows.set(label, row);
  }
  const sorted = [...rows.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  if (sorted.length <= max) return sorted;
  const other = sorted.slice(max - 1).reduce<CountRow>(
    (sum, r) => ({ label: sum.label, count: sum.count + r.count, fatalities: sum.fatalities + r.fatalities, injured: sum.injured + r.injured }),
    { label: `Other (${sorted.length - max + 1} areas)`, count: 0, fatalities: 0, injured: 0 },
  );
  return [...sorted.slice(0, max - 1), other];
}

/** The row label of an incident's entity: BiH's entity, else its country. */
export function entityLabel(admin: { country: string; admin1: string }): string {
  if (!admin.country) return 'Outside the mapped countries';
  return admin.country === 'Bosnia and Herzegovina' && admin.admin1 ? `${admin.admin1} (BiH)` : admin.country;
}

/** The row label of an incident's local area: municipality, canton, region or district. */
export function localAreaLabel(admin: { country: string; admin1: string; admin2: string }): string {
  if (!admin.country) return 'Outside the mapped countries';
  const local = admin.admin2 || admin.admin1;
  return local ? `${local} (${admin.country})` : admin.country;
}

/** The summary figures of a report: totals, by type, by entity and area, and the timeline. */
export function summarise(
  incidents: readonly ReportIncident[],
  range: { from: string | null; to: string | null },
  unit: 'auto' | 'week' | 'month',
): ReportSummary {
  const byTypeRows = countBy(incidents, (i) => i.event_type);
  const byType = EVENT_TYPES.flatMap((type: EventType) => {
    const row = byTypeRows.find((r) => r.label === type);
    return row ? [{ ...row, label: EVENT_TYPE_STYLE[type].label, type, color: EVENT_TYPE_STYLE[type].color }] : [];
  }).sort((a, b) => b.count - a.count);
  return {
    totals: {
      incidents: incidents.length,
      fatalities: incidents.reduce((n, i) => n + i.fatalities, 0),
      injured: incidents.reduce((n, i) => n + i.injured, 0),
    },
    byType,
    byEntity: countBy(incidents, (i) => entityLabel(i.admin), MAX_AREA_ROWS),
    byArea: countBy(incidents, (i) => localAreaLabel(i.admin), MAX_AREA_ROWS),
    timeline: timeline(incidents, range.from, range.to, unit),
  };
}
