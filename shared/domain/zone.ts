import { z } from 'zod';
import type { Geometry } from 'geojson';
import { RELIABILITY_CODES } from '../taxonomy/grading';
import { eventDateProblem } from './dates';
import { Latitude, Longitude, ProvenanceSchema, SourceUrl, Uuid, type FieldProblem } from './incident';
import { LIMITS } from './limits';
import { outlineProblem } from '../geo/analysis/outlineProblem';
import { geodesicArea } from '../geo/analysis/geodesicArea';
import { sidcProblem } from '../taxonomy/symbolCode';

/** What a zone is (DESIGN §4; the form's "kind"). */
export const ZONE_KINDS = {
  deployment: 'Deployment area',
  patrol: 'Patrol area',
  buffer: 'Buffer / exclusion zone',
  checkpoint: 'Checkpoint',
  route: 'Route or line',
} as const;
export type ZoneKind = keyof typeof ZONE_KINDS;

/** APP-6 standard identities (the affiliation a zone is drawn in). */
export const AFFILIATIONS = {
  friend: 'Friend',
  hostile: 'Hostile',
  neutral: 'Neutral',
  unknown: 'Unknown',
} as const;
export type Affiliation = keyof typeof AFFILIATIONS;

export const ZONE_STATUSES = {
  planned: 'Planned',
  active: 'Active',
  withdrawn: 'Withdrawn',
} as const;
export type ZoneStatus = keyof typeof ZONE_STATUSES;

/** Limits on geometry size: a hand-drawn zone has tens of vertices; an import, a few thousand. */
export const ZONE_LIMITS = {
  vertices: 50_000,
  rings: 1_000,
  sidc: 30,
  strength: 100,
} as const;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
const line = (max: number, what: string) =>
  z
    .string()
    .max(max, `${what} is longer than ${max.toLocaleString('en')} characters`)
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), `${what} must be a single line of text`);

const Position = z.tuple([Longitude, Latitude]);
const LinePositions = z.array(Position).min(2, 'A line needs at least two points');
const Ring = z
  .array(Position)
  .min(4, 'An area needs at least three corners')
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'An area’s outline must be closed');

export const ZoneGeometrySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
    z.object({ type: z.literal('LineString'), coordinates: LinePositions }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(LinePositions).min(1) }),
  ])
  .superRefine((g, ctx) => {
    const n = countVertices(g as Geometry);
    if (n > ZONE_LIMITS.vertices) {
      ctx.addIssue({ code: 'custom', message: `The shape has ${n.toLocaleString('en')} points; at most ${ZONE_LIMITS.vertices.toLocaleString('en')} are allowed` });
      return;
    }
    // A broken area is never stored: GIS readers reject it and every area measure is wrong
    // (overlapping parts count their ground twice). The UI repairs what it can before saving
    // and says so; whatever else sends a zone (the API, imports) gets this.
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const invalid = outlineProblem(g as Geometry);
      if (invalid) {
        ctx.addIssue({ code: 'custom', message: invalid.message });
      } else if (geodesicArea(g as Geometry) < 1) {
        ctx.addIssue({ code: 'custom', message: 'The area has no extent: its corners lie on one line' });
      }
    }
  });
/** Positions are [lon, lat] pairs (no altitude): what GeoJSON from the map and from GDAL gives. */
export type ZoneGeometry = z.infer<typeof ZoneGeometrySchema>;

export function countVertices(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.length;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.reduce((n, r) => n + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((n, x) => n + countVertices(x), 0);
  }
}

/** A circle keeps its centre and radius (so it edits as a circle); its polygon is the geometry. */
export const CircleSchema = z.object({
  center: Position,
  radius_m: z.number().positive('A circle’s radius must be positive').max(2_000_000, 'A circle’s radius is at most 2,000 km'),
});
export type Circle = z.infer<typeof CircleSchema>;

const OptionalDay = z.string().superRefine((v, ctx) => {
  if (v === '') return;
  const problem = eventDateProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The fields an analyst edits on a zone (DESIGN §4, issue: deployment zones). */
export const ZoneFieldsSchema = z
  .object({
    name: line(LIMITS.title, 'Name').refine((s) => s.trim() !== '', 'Name is required'),
    kind: z.enum(Object.keys(ZONE_KINDS) as [ZoneKind, ...ZoneKind[]], 'Choose what kind of zone this is'),
    force: line(LIMITS.shortText, 'Force'),
    unit: line(LIMITS.shortText, 'Unit'),
    affiliation: z.enum(Object.keys(AFFILIATIONS) as [Affiliation, ...Affiliation[]], 'Affiliation must be friend, hostile, neutral or unknown'),
    /** MIL-STD-2525 / APP-6 symbol identification code, built by the form from affiliation, unit type and echelon. */
    sidc: line(ZONE_LIMITS.sidc, 'Symbol code').refine((s) => s === '' || /^[A-Za-z0-9*-]+$/.test(s), 'The symbol code may only hold letters, digits, - and *'),
    /** Free text: analysts write estimates ("about 300", "two companies"). */
    strength: line(ZONE_LIMITS.strength, 'Strength'),
    status: z.enum(Object.keys(ZONE_STATUSES) as [ZoneStatus, ...ZoneStatus[]], 'Status must be planned, active or withdrawn'),
    valid_from: OptionalDay,
    valid_to: OptionalDay,
    source: line(LIMITS.shortText, 'Source'),
    source_url: SourceUrl,
    reliability: z.enum(RELIABILITY_CODES as ['A', 'B', 'C', 'D', 'E', 'F'], 'Reliability must be A–F'),
    credibility: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)], 'Credibility must be 1–6'),
    notes: z
      .string()
      .max(LIMITS.notes, `Notes is longer than ${LIMITS.notes.toLocaleString('en')} characters`)
      .refine((s) => !CONTROL.test(s), 'Notes contains control characters'),
    geometry: ZoneGeometrySchema,
    circle: CircleSchema.nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.valid_from && v.valid_to && v.valid_to.slice(0, 10) < v.valid_from.slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'The zone cannot end before it starts' });
    }
    const isLine = v.geometry.type === 'LineString' || v.geometry.type === 'MultiLineString';
    if (v.circle && v.geometry.type !== 'Polygon') ctx.addIssue({ code: 'custom', path: ['circle'], message: 'A circle is stored as a polygon' });
    if (v.kind === 'route' && !isLine) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'A route is drawn as a line' });
    const symbol = sidcProblem(v.sidc, v.affiliation);
    if (symbol) ctx.addIssue({ code: 'custom', path: ['sidc'], message: symbol });
  });
export type ZoneFields = z.infer<typeof ZoneFieldsSchema>;

export const ZoneInputSchema = z.object({ id: Uuid.optional(), fields: ZoneFieldsSchema });
export type ZoneInput = z.infer<typeof ZoneInputSchema>;

export const ZoneSchema = z.object({
  id: Uuid,
  fields: ZoneFieldsSchema,
  provenance: ProvenanceSchema,
});
export type Zone = z.infer<typeof ZoneSchema>;

export function newZoneFields(geometry: ZoneGeometry, circle: Circle | null = null): ZoneFields {
  const isLine = geometry.type === 'LineString' || geometry.type === 'MultiLineString';
  return {
    name: '',
    kind: isLine ? 'route' : 'deployment',
    force: '',
    unit: '',
    affiliation: 'unknown',
    sidc: '',
    strength: '',
    status: 'active',
    valid_from: '',
    valid_to: '',
    source: '',
    source_url: '',
    reliability: 'F',
    credibility: 6,
    notes: '',
    geometry,
    circle,
  };
}

export function checkZoneFields(value: unknown): { ok: true; value: ZoneFields } | { ok: false; problems: FieldProblem[] } {
  const result = ZoneFieldsSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(zone)', message: issue.message })),
  };
}
