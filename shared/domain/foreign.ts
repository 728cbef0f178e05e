import { z } from 'zod';
import { Uuid } from './incident';
import { LIMITS } from './limits';

/**
 * Data from other tools (issue 5): GeoJSON, KML/KMZ, GPX, CSV with coordinates (ACLED's export
 * recognised), and GeoPackage layers that are not Faultline cases. A file is read into layers;
 * the analyst says which layer becomes incidents, which zones, which a reference overlay, and
 * which source field feeds which Faultline field.
 */

export const ForeignFormat = z.enum(['geojson', 'kml', 'kmz', 'gpx', 'csv', 'gpkg']);
export type ForeignFormat = z.infer<typeof ForeignFormat>;

export const LayerTarget = z.enum(['incidents', 'zones', 'overlay', 'skip']);
export type LayerTarget = z.infer<typeof LayerTarget>;

/**
 * Where a Faultline field's value comes from: a source column, or a fixed text in which
 * `{column}` is replaced by that column's value (e.g. "{sub_event_type} in {location}").
 */
export const FieldSourceSchema = z.union([
  z.object({ column: z.string().max(200) }).strict(),
  z.object({ value: z.string().max(LIMITS.notes) }).strict(),
]);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

export const FieldMappingSchema = z.record(z.string().max(40), FieldSourceSchema.nullable());
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

export const Color = z.string().regex(/^#[0-9a-f]{6}$/, 'A colour is #rrggbb');

export const ForeignLayerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  featureCount: z.number().int(),
  /** Geometry type → how many features have it ("none" for rows without a location). */
  geometryTypes: z.record(z.string(), z.number().int()),
  fields: z.array(z.string()),
  /** The first rows, values as short text, to help with the mapping. */
  sample: z.array(z.record(z.string(), z.string())),
  suggested: z.object({ target: LayerTarget, incidents: FieldMappingSchema, zones: FieldMappingSchema, color: Color }),
});
export type ForeignLayerSummary = z.infer<typeof ForeignLayerSummarySchema>;

export const ForeignPreviewSchema = z.object({
  dataId: Uuid,
  fileName: z.string(),
  format: ForeignFormat,
  /** An ACLED export: mapped field by field automatically. */
  acled: z.boolean(),
  layers: z.array(ForeignLayerSummarySchema),
  warnings: z.array(z.string()),
});
export type ForeignPreview = z.infer<typeof ForeignPreviewSchema>;

export const ForeignLayerChoiceSchema = z
  .object({
    id: z.string().max(200),
    target: LayerTarget,
    mapping: FieldMappingSchema.optional(),
    /** Overlay name and colour. */
    name: z.string().trim().min(1).max(LIMITS.title).optional(),
    color: Color.optional(),
  })
  .strict();
export type ForeignLayerChoice = z.infer<typeof ForeignLayerChoiceSchema>;

export const ForeignSkippedRowSchema = z.object({ layer: z.string(), row: z.number().int(), label: z.string(), reason: z.string() });

export const ForeignImportResultSchema = z.object({
  /** Null when nothing changed, and for a dry run. */
  importId: Uuid.nullable(),
  /** Whether a snapshot was taken before, so the import can be undone (imports.undo). */
  undoable: z.boolean(),
  /** New incidents and zones. */
  incidents: z.number().int(),
  zones: z.number().int(),
  /** Rows already in the case that a new export of the same source changed (by its own id). */
  updated: z.number().int(),
  /** Rows changed both by the analyst and in the file: kept as conflicts to resolve. */
  conflicts: z.number().int(),
  overlays: z.number().int(),
  overlayFeatures: z.number().int(),
  /** Rows already in the case (the same file imported before). */
  unchanged: z.number().int(),
  skipped: z.object({ total: z.number().int(), rows: z.array(ForeignSkippedRowSchema) }),
});
export type ForeignImportResult = z.infer<typeof ForeignImportResultSchema>;

export const OverlaySchema = z.object({
  id: Uuid,
  name: z.string(),
  color: Color,
  visible: z.boolean(),
  sourceFile: z.string(),
  featureCount: z.number().int(),
});
export type Overlay = z.infer<typeof OverlaySchema>;
