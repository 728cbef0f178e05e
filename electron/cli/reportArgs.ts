import { ApiError } from '../../shared/api/errors';
import { foldForSearch } from '../../shared/places/foldText';
import type { ReportArea, ReportOptionsInput } from '../../shared/reports/reportOptions';
import { EVENT_TYPES, type EventType } from '../../shared/taxonomy/acled';

/** The `faultline report` options as parseArgs gives them. */
export interface ReportFlags {
  title?: string;
  subtitle?: string;
  author?: string;
  organisation?: string;
  marking?: string;
  date?: string;
  from?: string;
  to?: string;
  types?: string;
  area?: string;
  fit?: string;
  'min-grading'?: string;
  page?: string;
  landscape?: boolean;
  'no-inset'?: boolean;
  timeline?: string;
}

export const REPORT_USAGE = `  report <case.gpkg> --out <report.pdf> [options]
                                  print a PDF report of the case
      --title T  --subtitle S  --author A  --organisation O  --date YYYY-MM-DD
      --marking M                 banner on every page (default UNCLASSIFIED)
      --from YYYY-MM-DD --to YYYY-MM-DD
      --types Riots,Protests,...  event types to include (default all)
      --area zone:<name or id> | entity:FBiH|RS|BD | municipality:<Kosovo municipality>
             | admin:XKX|BIH|SRB:<name> | bbox:<west>,<south>,<east>,<north>
      --fit incidents|area|view   what the map shows (default incidents)
      --min-grading B3            leave out incidents graded below B3
      --page A4|Letter  --landscape  --no-inset  --timeline auto|week|month`;

/** Finds event types by name, ignoring case and punctuation: `riots`, `explosions/remote violence`. */
export function parseEventTypes(text: string): EventType[] {
  const key = (s: string) => foldForSearch(s).replace(/\s+/g, '');
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const found = EVENT_TYPES.find((t) => key(t) === key(part));
      if (!found) throw new ApiError('invalid', `--types: “${part}” is not an event type (${EVENT_TYPES.join(', ')})`);
      return found;
    });
}

/**
 * `--area` text → a report area. Zones are named by the case's own names, so `findZone` looks
 * one up by name or id.
 */
export function parseArea(text: string, findZone: (nameOrId: string) => string): ReportArea {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  switch (kind) {
    case 'all':
      return { kind: 'all' };
    case 'zone':
      return { kind: 'zone', id: findZone(value) };
    case 'entity': {
      const id = (['FBiH', 'RS', 'BD'] as const).find((e) => e.toLowerCase() === value.toLowerCase());
      if (!id) throw new ApiError('invalid', '--area entity: must be FBiH, RS or BD');
      return { kind: 'entity', id };
    }
    case 'municipality':
      return { kind: 'admin', iso3: 'XKX', name: value };
    case 'admin': {
      const [iso3, ...name] = value.split(':');
      const country = (['XKX', 'BIH', 'SRB'] as const).find((c) => c === iso3?.toUpperCase());
      if (!country || !name.join(':').trim()) throw new ApiError('invalid', '--area admin: is admin:XKX|BIH|SRB:<name>');
      return { kind: 'admin', iso3: country, name: name.join(':').trim() };
    }
    case 'bbox': {
      const numbers = value.split(',').map(Number);
      if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw new ApiError('invalid', '--area bbox: is bbox:<west>,<south>,<east>,<north>');
      return { kind: 'view', bbox: numbers as [number, number, number, number] };
    }
    default:
      throw new ApiError('invalid', `--area must start with zone:, entity:, municipality:, admin: or bbox: (not “${text}”)`);
  }
}

export function parseMinGrading(text: string): { reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; credibility: number } {
  const m = /^([A-F])([1-6])$/i.exec(text.trim());
  if (!m) throw new ApiError('invalid', '--min-grading is a reliability letter and a credibility digit, e.g. B3');
  return { reliability: m[1]!.toUpperCase() as 'A', credibility: Number(m[2]) };
}

/** Turns the command line into report options (checked afterwards by ReportOptionsSchema). */
export function reportOptionsFromFlags(flags: ReportFlags, caseName: string, findZone: (nameOrId: string) => string): ReportOptionsInput {
  const area = flags.area ? parseArea(flags.area, findZone) : undefined;
  const page = flags.page ? (['A4', 'Letter'] as const).find((p) => p.toLowerCase() === flags.page!.toLowerCase()) : 'A4';
  if (!page) throw new ApiError('invalid', '--page must be A4 or Letter');
  const fit = flags.fit ?? (area && area.kind !== 'all' ? 'area' : 'incidents');
  if (fit !== 'area' && fit !== 'incidents' && fit !== 'view') throw new ApiError('invalid', '--fit must be incidents, area or view');
  // The command line has no screen: the view to show is the --area box.
  if (fit === 'view' && area?.kind !== 'view') throw new ApiError('invalid', '--fit view shows the box of --area bbox:<west>,<south>,<east>,<north>; give one, or --fit area or incidents');
  const timeline = flags.timeline ?? 'auto';
  if (timeline !== 'auto' && timeline !== 'week' && timeline !== 'month') throw new ApiError('invalid', '--timeline must be auto, week or month');
  return {
    title: flags.title ?? caseName,
    subtitle: flags.subtitle,
    author: flags.author,
    organisation: flags.organisation,
    marking: flags.marking,
    date: flags.date,
    from: flags.from,
    to: flags.to,
    eventTypes: flags.types ? parseEventTypes(flags.types) : undefined,
    area,
    minGrading: flags['min-grading'] ? parseMinGrading(flags['min-grading']) : null,
    mapFit: fit,
    view: fit === 'view' && area?.kind === 'view' ? area.bbox : undefined,
    inset: !flags['no-inset'],
    timeline,
    pageSize: page,
    landscape: Boolean(flags.landscape),
  };
}
