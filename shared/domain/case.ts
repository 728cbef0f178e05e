import { z } from 'zod';
import { LIMITS } from './limits';
import { Uuid } from './incident';

export const CaseName = z
  .string()
  .trim()
  .min(1, 'The case needs a name')
  .max(LIMITS.caseName, `A case name is at most ${LIMITS.caseName} characters`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), 'A case name must be a single line of text');

export const FilePath = z
  .string()
  .min(1, 'A file path is required')
  .max(LIMITS.path, 'The file path is too long')
  .refine((s) => !s.includes('\u0000'), 'The file path contains a NUL character');

export const CaseInfoSchema = z.object({
  id: Uuid,
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({ incidents: z.number().int(), zones: z.number().int() }),
  /** First and last event day, or null for an empty case. */
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type CaseInfo = z.infer<typeof CaseInfoSchema>;

export const RecentCaseSchema = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentCase = z.infer<typeof RecentCaseSchema>;

/** The case file extension; GDAL and QGIS recognise GeoPackages by it. */
export const CASE_EXTENSION = '.gpkg';
