import { z } from 'zod';
import { isEventDate } from '../domain/dates';
import { Latitude, Longitude, Uuid } from '../domain/incident';
import { EVENT_TYPES, type EventType } from '../taxonomy/acled';
import { RELIABILITY_CODES } from '../taxonomy/grading';

/**
 * What the analyst chooses in the Report dialog (or on the `faultline report` command line).
 * Text here is printed in the report and in the header and footer of every page.
 */

/** Common handling markings; any other single line of text is allowed too. */
export const MARKING_PRESETS = [
  'UNCLASSIFIED',
  'UNCLASSIFIED // FOR OFFICIAL USE ONLY',
  'RESTRICTED',
  'NATO UNCLASSIFIED',
  'NATO RESTRICTED',
  'OFFICIAL',
  'OFFICIAL-SENSITIVE',
  'CONFIDENTIAL',
] as const;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/;
const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is longer than ${max} characters`)
    .refine((s) => !CONTROL.test(s), `${what} must be a single line of text`);

const Day = z.string().refine(isEventDate, 'Not a valid date (YYYY-MM-DD)').transform((s) => s.slice(0, 10));

const ReportBBox = z
  .tuple([Longitude, Latitude, Longitude, Latitude])
  .refine(([w, s, e, n]) => w < e && s < n, 'A map extent is [west, south, east, north] with some width and height');

/** The area a report covers: incidents outside it are left out, and the map can fit it. */
export const ReportAreaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  /** The map view the analyst had on screen. */
  z.object({ kind: z.literal('view'), bbox: ReportBBox }).strict(),
  z.object({ kind: z.literal('zone'), id: Uuid }).strict(),
  /** A BiH entity of the basemap. */
  z.object({ kind: z.literal('entity'), id: z.enum(['FBiH', 'RS', 'BD']) }).strict(),
  /** An admin area of the basemap: a Kosovo municipality, a BiH canton or region, a Serbian district. */
  z.object({ kind: z.literal('admin'), iso3: z.enum(['XKX', 'BIH', 'SRB']), name: line(120, 'The admin area’s name').pipe(z.string().min(1)) }).strict(),
]);
export type ReportArea = z.infer<typeof ReportAreaSchema>;

export const MinimumGradingSchema = z
  .object({
    reliability: z.enum(RELIABILITY_CODES as ['A', 'B', 'C', 'D', 'E', 'F']),
    credibility: z.number().int().min(1).max(6),
  })
  .strict();
export type MinimumGrading = z.infer<typeof MinimumGradingSchema>;

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const ReportOptionsSchema = z
  .object({
    title: line(200, 'The title').pipe(z.string().min(1, 'The report needs a title')),
    subtitle: line(300, 'The subtitle').default(''),
    author: line(300, 'The author').default(''),
    organisation: line(300, 'The organisation').default(''),
    /** The handling marking printed at the top and bottom of every page. */
    marking: line(80, 'The marking').pipe(z.string().min(1, 'Choose a marking (e.g. UNCLASSIFIED)')).default('UNCLASSIFIED'),
    /** The report's date as printed; today when not given. */
    date: Day.optional(),
    from: Day.optional(),
    to: Day.optional(),
    /** Event types to include; all when absent or empty. */
    eventTypes: z.array(z.enum(EVENT_TYPES as [EventType, ...EventType[]])).max(EVENT_TYPES.length).optional(),
    area: ReportAreaSchema.default({ kind: 'all' }),
    /** Leaves out incidents graded below this (reliability A best, credibility 1 best). */
    minGrading: MinimumGradingSchema.nullable().default(null),
    /** What the map shows: the chosen area, the reported incidents, or the given view. */
    mapFit: z.enum(['area', 'incidents', 'view']).default('incidents'),
    /** The view for `mapFit: 'view'` (the workbench's current view). */
    view: ReportBBox.optional(),
    inset: z.boolean().default(true),
    timeline: z.enum(['auto', 'week', 'month']).default('auto'),
    pageSize: z.enum(PAGE_SIZES).default('A4'),
    landscape: z.boolean().default(false),
  })
  .strict()
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: 'The time range ends before it starts', path: ['to'] })
  .refine((o) => o.mapFit !== 'view' || o.view !== undefined || o.area.kind === 'view', { message: 'The current view was not given', path: ['view'] });
export type ReportOptionsInput = z.input<typeof ReportOptionsSchema>;
export type ReportOptions = z.output<typeof ReportOptionsSchema>;
