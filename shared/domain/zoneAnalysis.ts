import { z } from 'zod';

/**
 * What the map answers about a zone or a point (issue: deployment zones), as the Node side
 * computes it for the UI and the command line. Areas in km² and lengths in km are geodesic,
 * on the WGS 84 ellipsoid.
 */

const Position = z.tuple([z.number(), z.number()]);

export const AreaShareSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** What kind of area: country, entity, municipality, canton, region, district. */
  level: z.string(),
  km2: z.number(),
  /** Share of the zone's area, 0–100. */
  percent: z.number(),
});
export type AreaShare = z.infer<typeof AreaShareSchema>;

export const LineDistanceSchema = z
  .object({
    km: z.number(),
    /** Nearest point of the shape, and of the line: drawn as a dashed connector. */
    from: Position,
    to: Position,
  })
  .nullable();
export type LineDistanceResult = z.infer<typeof LineDistanceSchema>;

/** The lines distances are measured to. */
export const REFERENCE_LINES = {
  kosovo_serbia: 'Kosovo–Serbia boundary',
  iebl: 'Inter-Entity Boundary Line',
} as const;

/** At most this many incident ids come back with a zone (the count is always complete). */
export const MAX_LISTED_INCIDENTS = 1000;

export const ZoneAnalysisSchema = z.object({
  area_km2: z.number(),
  perimeter_km: z.number(),
  /** Length of a line zone (a route); 0 for areas. */
  length_km: z.number(),
  coverage: z.object({
    countries: z.array(AreaShareSchema),
    entities: z.array(AreaShareSchema),
    municipalities: z.array(AreaShareSchema),
  }),
  incidents: z.object({ count: z.number().int(), ids: z.array(z.string()) }),
  distances: z.object({ kosovo_serbia: LineDistanceSchema, iebl: LineDistanceSchema }),
});
export type ZoneAnalysis = z.infer<typeof ZoneAnalysisSchema>;

export const PointAnalysisSchema = z.object({
  distances: z.object({ kosovo_serbia: LineDistanceSchema, iebl: LineDistanceSchema }),
  /** Live zones whose area holds the point. */
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PointAnalysis = z.infer<typeof PointAnalysisSchema>;
