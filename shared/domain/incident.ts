import { z } from 'zod';
import { ACLED_EVENT_TYPES, EVENT_TYPES, isSubEventOf, type EventType } from '../taxonomy/acled';
import { RELIABILITY_CODES } from '../taxonomy/grading';
import { eventDateProblem, futureEventProblem, isTimestamp } from './dates';
import { LIMITS } from './limits';

/** A single line of text: no control characters other than tab. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

function line(max: number, what: string) {
  return z
    .string()
    .max(max, `${what} is longer than ${max.toLocaleString('en')} characters`)
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), `${what} must be a single line of text`);
}

function multiline(max: number, what: string) {
  return z
    .string()
    .max(max, `${what} is longer than ${max.toLocaleString('en')} characters`)
    .refine((s) => !CONTROL.test(s), `${what} contains control characters`);
}

export const Uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a valid id (UUID expected)');

export const Longitude = z
  .number('Longitude must be a number')
  .refine(Number.isFinite, 'Longitude must be a finite number')
  .refine((v) => v >= -180 && v <= 180, 'Longitude must be between -180 and 180');
export const Latitude = z
  .number('Latitude must be a number')
  .refine(Number.isFinite, 'Latitude must be a finite number')
  .refine((v) => v >= -90 && v <= 90, 'Latitude must be between -90 and 90');

const Casualties = (what: string) =>
  z
    .number(`${what} must be a number`)
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(LIMITS.casualties, `${what} is implausibly large`);

export const EventDate = z.string('Date is required').superRefine((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'Date is required' });
    return;
  }
  const problem = eventDateProblem(value) ?? futureEventProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const SourceUrl = line(LIMITS.url, 'Source URL').refine(
  (s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s),
  'Source URL must start with http:// or https://',
);

const Tag = z
  .string()
  .min(1, 'A tag cannot be empty')
  .max(LIMITS.tag, `A tag is longer than ${LIMITS.tag} characters`)
  .refine((s) => !/[;\r\n]/.test(s) && !CONTROL.test(s), 'A tag cannot contain ";" or line breaks');

/** The fields an analyst edits. Country and admin areas are derived, provenance is stamped. */
export const IncidentFieldsSchema = z
  .object({
    title: line(LIMITS.title, 'Title').refine((s) => s.trim() !== '', 'Title is required'),
    occurred_at: EventDate,
    time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)], 'Time precision must be 1, 2 or 3'),
    event_type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], 'Choose an event type'),
    sub_event_type: z.string(),
    actor1: line(LIMITS.shortText, 'Actor 1'),
    actor2: line(LIMITS.shortText, 'Actor 2'),
    fatalities: Casualties('Fatalities'),
    injured: Casualties('Injured'),
    location_name: line(LIMITS.shortText, 'Location name'),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)], 'Geo precision must be 1, 2 or 3'),
    source: line(LIMITS.shortText, 'Source'),
    source_url: SourceUrl,
    reliability: z.enum(RELIABILITY_CODES as ['A', 'B', 'C', 'D', 'E', 'F'], 'Reliability must be A–F'),
    credibility: z.union(
      [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)],
      'Credibility must be 1–6',
    ),
    notes: multiline(LIMITS.notes, 'Notes'),
    tags: z.array(Tag).max(LIMITS.tags, `At most ${LIMITS.tags} tags`),
    lon: Longitude,
    lat: Latitude,
  })
  .superRefine((v, ctx) => {
    if (!isSubEventOf(v.event_type, v.sub_event_type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sub_event_type'],
        message: `“${v.sub_event_type}” is not a sub-event type of ${v.event_type}`,
      });
    }
  });
export type IncidentFields = z.infer<typeof IncidentFieldsSchema>;

/** What the UI sends to save: the fields, plus the id when it edits an existing incident. */
export const IncidentInputSchema = z.object({
  id: Uuid.optional(),
  fields: IncidentFieldsSchema,
});
export type IncidentInput = z.infer<typeof IncidentInputSchema>;

const Timestamp = z.string().refine(isTimestamp, 'Not a valid timestamp');

/** Provenance every row carries (DESIGN §3). */
export const ProvenanceSchema = z.object({
  created_at: Timestamp,
  updated_at: Timestamp,
  author: line(LIMITS.shortText, 'Author'),
  origin_case: Uuid,
  deleted_at: Timestamp.nullable(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Where a point lies on the basemap, as ACLED names it. */
export const AdminAreaSchema = z.object({
  country: line(LIMITS.shortText, 'Country'),
  admin1: line(LIMITS.shortText, 'Admin 1'),
  admin2: line(LIMITS.shortText, 'Admin 2'),
});
export type AdminArea = z.infer<typeof AdminAreaSchema>;

export const IncidentSchema = z.object({
  id: Uuid,
  fields: IncidentFieldsSchema,
  admin: AdminAreaSchema,
  provenance: ProvenanceSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;

/** Defaults for a new incident placed at a point. */
export function newIncidentFields(lon: number, lat: number, today: string): IncidentFields {
  const eventType: EventType = 'Riots';
  return {
    title: '',
    occurred_at: today,
    time_precision: 1,
    event_type: eventType,
    sub_event_type: ACLED_EVENT_TYPES[eventType][0],
    actor1: '',
    actor2: '',
    fatalities: 0,
    injured: 0,
    location_name: '',
    geo_precision: 1,
    source: '',
    source_url: '',
    reliability: 'F',
    credibility: 6,
    notes: '',
    tags: [],
    lon,
    lat,
  };
}

/** One problem with one field, for inline messages next to the field. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Validates incident fields; returns the clean value or the list of problems by field. */
export function checkIncidentFields(
  value: unknown,
): { ok: true; value: IncidentFields } | { ok: false; problems: FieldProblem[] } {
  const result = IncidentFieldsSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(incident)',
      message: issue.message,
    })),
  };
}
