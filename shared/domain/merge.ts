import { z } from 'zod';
import { CaseInfoSchema } from './case';
import { IncidentSchema, Uuid } from './incident';
import { ZoneSchema } from './zone';

/**
 * What an import of a colleague's case shows and reports (issue 5): the preview before
 * anything changes, the result, the conflicts waiting for the analyst, and a row's history.
 */

export const MergeTableName = z.enum(['incidents', 'zones']);
export type MergeTableName = z.infer<typeof MergeTableName>;

/** The five numbers `faultline import --json` prints. */
export const MergeCountsSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
});
export type MergeCounts = z.infer<typeof MergeCountsSchema>;

/** Per table: how each of their rows relates to mine. */
export const TableMergeSummarySchema = z.object({
  /** Not in my case: added (live). */
  new: z.number().int(),
  /** Same content on both sides. */
  identical: z.number().int(),
  /** Changed on their side only: mine is updated. */
  theirsChanged: z.number().int(),
  /** Changed on my side only: mine is kept. */
  mineChanged: z.number().int(),
  /** Changed on both sides since they diverged. */
  conflicts: z.number().int(),
  /**
   * Conflicts waiting in my case that their side has settled since (their version now is
   * mine, or descends from the one waiting, or mine descends from it): they stop waiting.
   */
  conflictsSettled: z.number().int(),
  /** Deleted on their side: the tombstone is carried over. */
  theirsDeleted: z.number().int(),
  /** Rows of their file that cannot be imported. */
  skipped: z.number().int(),
});
export type TableMergeSummary = z.infer<typeof TableMergeSummarySchema>;

export const SkippedRowSchema = z.object({
  table: MergeTableName,
  /** The row number in their file (its fid). */
  row: z.number().int(),
  id: z.string().nullable(),
  label: z.string(),
  reason: z.string(),
});
export type SkippedRow = z.infer<typeof SkippedRowSchema>;

export const ImportPreviewSchema = z.object({
  previewId: Uuid,
  source: z.object({ fileName: z.string(), caseId: Uuid, name: z.string(), sameCase: z.boolean() }),
  incidents: TableMergeSummarySchema,
  zones: TableMergeSummarySchema,
  totals: MergeCountsSchema,
  /** Who last changed the rows that would come in (and the conflicting ones). */
  authors: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** The cases those rows were born in. */
  origins: z.array(z.object({ caseId: z.string(), name: z.string().nullable(), count: z.number().int() })),
  skipped: z.object({ total: z.number().int(), rows: z.array(SkippedRowSchema) }),
  /** File-level problems (views, triggers) the analyst must accept to import. */
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** A preview, or the news that the file is a GeoPackage to import as foreign data. */
export const ImportPreviewResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), preview: ImportPreviewSchema }),
  z.object({ kind: z.literal('foreign'), message: z.string(), path: z.string() }),
]);
export type ImportPreviewResult = z.infer<typeof ImportPreviewResultSchema>;

export const ImportResultSchema = z.object({
  /** Null when nothing changed (the same file imported again). */
  importId: Uuid.nullable(),
  counts: MergeCountsSchema,
  skipped: z.number().int(),
  /** Whether a snapshot was taken, so the import can be undone. */
  undoable: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/**
 * An undo of an import: done (the case as it is now), or not done because the case was
 * changed after the import, and undoing would wipe that work too (`laterWork` says what).
 */
export const ImportUndoResultSchema = z.discriminatedUnion('undone', [
  z.object({ undone: z.literal(true), info: CaseInfoSchema }),
  z.object({ undone: z.literal(false), laterWork: z.string(), message: z.string() }),
]);
export type ImportUndoResult = z.infer<typeof ImportUndoResultSchema>;

export const ConflictSchema = z.discriminatedUnion('table', [
  z.object({ table: z.literal('incidents'), mine: IncidentSchema, theirs: IncidentSchema }),
  z.object({ table: z.literal('zones'), mine: ZoneSchema, theirs: ZoneSchema }),
]).and(
  z.object({
    id: Uuid,
    rowId: Uuid,
    /** Field names (and `admin.*`, `deleted`) whose values differ. */
    differing: z.array(z.string()),
    source: z.object({ caseId: z.string(), name: z.string() }),
    detectedAt: z.string(),
  }),
);
export type Conflict = z.infer<typeof ConflictSchema>;

export const ConflictChoice = z.enum(['mine', 'theirs', 'both']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

export const HistoryEntrySchema = z.object({
  at: z.string(),
  /** Who made the change (for a merge: who imported it). */
  author: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  /** Set when the change came from another case by an import. */
  merge: z.object({ importId: z.string(), caseId: z.string(), caseName: z.string(), by: z.string().nullable() }).nullable(),
  /** Fields that changed, with their values before and after (as text). */
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const RowHistorySchema = z.object({
  table: MergeTableName,
  id: Uuid,
  createdAt: z.string(),
  createdBy: z.string(),
  originCase: z.object({ id: z.string(), name: z.string().nullable() }),
  lastChange: z.object({ at: z.string(), author: z.string() }),
  entries: z.array(HistoryEntrySchema),
});
export type RowHistory = z.infer<typeof RowHistorySchema>;
