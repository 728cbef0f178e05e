import { z } from 'zod';
import { CaseInfoSchema, CaseName, FilePath, RecentCaseSchema } from '../domain/case';
import { AdminAreaSchema, IncidentInputSchema, IncidentSchema, Latitude, Longitude, Uuid } from '../domain/incident';
import { isEventDate } from '../domain/dates';
import { ZoneGeometrySchema, ZoneInputSchema, ZoneSchema } from '../domain/zone';
import { ConflictChoice, ConflictSchema, ImportPreviewResultSchema, ImportResultSchema, ImportUndoResultSchema, MergeTableName, RowHistorySchema } from '../domain/merge';
import { PointAnalysisSchema, ZoneAnalysisSchema } from '../domain/zoneAnalysis';
import { ForeignImportResultSchema, ForeignLayerChoiceSchema, ForeignPreviewSchema, OverlaySchema } from '../domain/foreign';
import { LIMITS } from '../domain/limits';
import { ExportFormatSchema } from '../exports/exportFormats';
import type { ReportData } from '../reports/reportData';
import { ReportOptionsSchema } from '../reports/reportOptions';
import { ReportProgressSchema } from '../reports/reportProgress';

/**
 * The API contract: every operation the UI can ask of the Node side, grouped by service.
 * Each method has a zod schema for its arguments and for its result. The Electron IPC bridge
 * and the web host both dispatch through `dispatch.ts` against this table, so validation is
 * the same whichever host carries the call; the renderer builds its client from it too.
 */
export interface MethodSpec<A extends z.ZodType, R extends z.ZodType> {
  args: A;
  result: R;
}
function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result };
}

const NoArgs = z.object({}).strict();

export const BBox = z
  .tuple([Longitude, Latitude, Longitude, Latitude])
  .refine(([w, s, e, n]) => w <= e && s <= n, 'A bounding box is [west, south, east, north]');
export type BBox = z.infer<typeof BBox>;

const Day = z.string().refine(isEventDate, 'Not a valid date');

export const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  /** Whether the host shows native open/save dialogs; the web host has the in-app file chooser. */
  nativeDialogs: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SettingsSchema = z.object({
  author: z
    .string()
    .trim()
    .min(1, 'Your name is needed to sign your work')
    .max(LIMITS.shortText, 'The name is too long'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DirEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  /** A folder, a case file (.gpkg), or (when data files were asked for) a data file. */
  kind: z.enum(['dir', 'case', 'data']),
});
export const DirListingSchema = z.object({
  dir: z.string(),
  parent: z.string().nullable(),
  home: z.string(),
  entries: z.array(DirEntrySchema),
});
export type DirListing = z.infer<typeof DirListingSchema>;

export const PickedPath = z.object({ path: z.string().nullable() });

/** What a save dialog is for: it decides the file type filter and the extension. */
export const SaveKind = z.enum(['pdf', 'geojson', 'kml', 'kmz', 'csv']);
export type SaveKind = z.infer<typeof SaveKind>;

export const ExportResultSchema = z.object({
  path: z.string(),
  format: ExportFormatSchema,
  incidents: z.number().int(),
  zones: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResultInfo = z.infer<typeof ExportResultSchema>;

export const WrittenReportSchema = z.object({
  path: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  incidents: z.number().int(),
  zones: z.number().int(),
});
export type WrittenReportInfo = z.infer<typeof WrittenReportSchema>;

export const IncidentQuery = z
  .object({
    bbox: BBox.optional(),
    from: Day.optional(),
    to: Day.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, 'The time range ends before it starts');
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const apiContract = {
  app: {
    info: method(NoArgs, AppInfoSchema),
  },
  settings: {
    get: method(NoArgs, SettingsSchema),
    update: method(SettingsSchema, SettingsSchema),
  },
  case: {
    current: method(NoArgs, CaseInfoSchema.nullable()),
    create: method(z.object({ path: FilePath, name: CaseName }).strict(), CaseInfoSchema),
    open: method(z.object({ path: FilePath }).strict(), CaseInfoSchema),
    openDemo: method(NoArgs, CaseInfoSchema),
    recent: method(NoArgs, z.array(RecentCaseSchema)),
    /**
     * Copies what can still be read of a damaged case (one refused with code 'damaged') into a
     * new case at `newPath` and opens it; the damaged file is not changed.
     */
    recover: method(
      z.object({ path: FilePath, newPath: FilePath }).strict(),
      z.object({ info: CaseInfoSchema, recovered: z.object({ incidents: z.number().int(), zones: z.number().int() }), lost: z.number().int() }),
    ),
    /** Native save dialog where the host has one; `{path: null}` when cancelled. */
    chooseNewPath: method(z.object({ suggestedName: z.string().max(LIMITS.caseName) }).strict(), PickedPath),
    /** Native open dialog where the host has one; `{path: null}` when cancelled. */
    chooseOpenPath: method(NoArgs, PickedPath),
  },
  files: {
    /** Folders and case files in a folder, for the in-app file chooser of the web host. */
    browse: method(z.object({ dir: FilePath.optional(), data: z.boolean().optional() }).strict(), DirListingSchema),
    /** Native save dialog for a report or an export where the host has one; `{path: null}` when cancelled or absent. */
    chooseSavePath: method(z.object({ kind: SaveKind, suggestedName: z.string().max(LIMITS.caseName + 40) }).strict(), PickedPath),
  },
  exports: {
    /**
     * Writes the open case's live incidents and zones to `path` (the format's extension is
     * added when missing). An existing file is replaced only with `overwrite`; a case file never.
     * `byteOrderMark` begins a CSV with one, for Excel (see electron/exports/csvExport.ts).
     */
    write: method(z.object({ format: ExportFormatSchema, path: FilePath, overwrite: z.boolean().optional(), byteOrderMark: z.boolean().optional() }).strict(), ExportResultSchema),
  },
  incidents: {
    list: method(IncidentQuery, z.array(IncidentSchema)),
    get: method(z.object({ id: Uuid }).strict(), IncidentSchema),
    save: method(IncidentInputSchema, IncidentSchema),
    delete: method(z.object({ id: Uuid }).strict(), IncidentSchema),
    restore: method(z.object({ id: Uuid }).strict(), IncidentSchema),
  },
  zones: {
    /** Live zones, by name; with a bbox, those whose bounding box meets it. */
    list: method(z.object({ bbox: BBox.optional() }).strict(), z.array(ZoneSchema)),
    get: method(z.object({ id: Uuid }).strict(), ZoneSchema),
    save: method(ZoneInputSchema, ZoneSchema),
    delete: method(z.object({ id: Uuid }).strict(), ZoneSchema),
    restore: method(z.object({ id: Uuid }).strict(), ZoneSchema),
  },
  imports: {
    /** Native open dialog for a file to import, where the host has one; `{path: null}` when cancelled. */
    choosePath: method(z.object({ kind: z.enum(['case', 'data']) }).strict(), PickedPath),
    /**
     * Reads a colleague's case file and says what importing it would do; nothing changes yet.
     * A GeoPackage that is not a Faultline case comes back as `kind: 'foreign'`. Progress goes
     * out as `import.progress` events under `jobId`, which `cancel` takes.
     */
    preview: method(z.object({ path: FilePath, jobId: Uuid.optional() }).strict(), ImportPreviewResultSchema),
    /** Imports what `preview` showed (snapshot first, then one transaction). */
    apply: method(z.object({ previewId: Uuid, jobId: Uuid, importValidPart: z.boolean().optional() }).strict(), ImportResultSchema),
    /** Forgets a preview that will not be applied. */
    discard: method(z.object({ previewId: Uuid }).strict(), z.object({})),
    /** Cancels a running preview or import; the case stays as it was. */
    cancel: method(z.object({ jobId: Uuid }).strict(), z.object({ cancelled: z.boolean() })),
    /** Conflicts waiting in the open case, side by side. */
    conflicts: method(NoArgs, z.array(ConflictSchema)),
    resolve: method(
      z.object({ conflictId: Uuid, choice: ConflictChoice }).strict(),
      z.object({ row: z.union([IncidentSchema, ZoneSchema]), copy: z.union([IncidentSchema, ZoneSchema]).nullable() }),
    ),
    /** Reads a file from another tool (GeoJSON, KML/KMZ, GPX, CSV, GeoPackage) into layers to map. */
    readData: method(z.object({ path: FilePath }).strict(), ForeignPreviewSchema),
    /**
     * Imports the mapped layers of `readData` in one transaction; `dryRun` does it all and rolls
     * back, to show what would happen (rows that would be skipped, and why).
     */
    applyData: method(
      z.object({ dataId: Uuid, layers: z.array(ForeignLayerChoiceSchema).max(100), importValidPart: z.boolean().optional(), dryRun: z.boolean().optional() }).strict(),
      ForeignImportResultSchema,
    ),
    discardData: method(z.object({ dataId: Uuid }).strict(), z.object({})),
    /**
     * Puts the case back as it was before the import (its snapshot); redo puts the import back.
     * When the case was changed after the import, nothing is done unless `discardLaterWork`:
     * the answer says what that later work is, for the analyst to decide.
     */
    undo: method(z.object({ importId: Uuid, discardLaterWork: z.boolean().optional() }).strict(), ImportUndoResultSchema),
    redo: method(z.object({ importId: Uuid }).strict(), CaseInfoSchema),
  },
  overlays: {
    /** Reference overlays of the open case (imported layers shown for reference, not edited). */
    list: method(NoArgs, z.array(OverlaySchema)),
    /** An overlay's shapes as GeoJSON, with their attributes. */
    features: method(z.object({ id: Uuid }).strict(), z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })),
    setVisible: method(z.object({ id: Uuid, visible: z.boolean() }).strict(), OverlaySchema),
    remove: method(z.object({ id: Uuid }).strict(), z.object({})),
  },
  history: {
    /** Who created an incident or zone, in which case, and every change since (merges included). */
    forRow: method(z.object({ table: MergeTableName, id: Uuid }).strict(), RowHistorySchema),
  },
  reports: {
    /** What the report of the open case would show, for the dialog's preview (no PDF made). */
    preview: method(z.object({ options: ReportOptionsSchema }).strict(), z.custom<ReportData>((v) => typeof v === 'object' && v !== null)),
    /**
     * Makes the PDF and writes it to `path` (".pdf" added when missing), emitting
     * `report.progress` events with `jobId` as it goes. An existing file is replaced only with
     * `overwrite`.
     */
    generate: method(
      z.object({ options: ReportOptionsSchema, path: FilePath, overwrite: z.boolean().optional(), jobId: z.string().min(1).max(100) }).strict(),
      WrittenReportSchema,
    ),
  },
  geo: {
    /** Country and admin areas at a point, from the offline basemap. */
    lookup: method(z.object({ lon: Longitude, lat: Latitude }).strict(), AdminAreaSchema),
  },
  analysis: {
    /**
     * Area, perimeter, coverage by countries / entities / municipalities, the case's incidents
     * inside, and distances to the Kosovo–Serbia boundary and the IEBL, for a zone's shape
     * (saved or not yet saved).
     */
    zone: method(z.object({ geometry: ZoneGeometrySchema }).strict(), ZoneAnalysisSchema),
    /** Distances to the reference lines and the zones that hold a point (an incident). */
    point: method(z.object({ lon: Longitude, lat: Latitude }).strict(), PointAnalysisSchema),
  },
} as const;

export type ApiContract = typeof apiContract;
export type ServiceName = keyof ApiContract;
export type MethodName<S extends ServiceName> = keyof ApiContract[S] & string;

type SpecOf<S extends ServiceName, M extends MethodName<S>> = ApiContract[S][M] extends MethodSpec<
  infer A,
  infer R
>
  ? { args: A; result: R }
  : never;

export type ArgsOf<S extends ServiceName, M extends MethodName<S>> = z.input<SpecOf<S, M>['args']>;
export type ParsedArgsOf<S extends ServiceName, M extends MethodName<S>> = z.output<SpecOf<S, M>['args']>;
export type ResultOf<S extends ServiceName, M extends MethodName<S>> = z.output<SpecOf<S, M>['result']>;

/** What the renderer calls: `api.incidents.save({...})`. */
export type FaultlineApi = {
  [S in ServiceName]: { [M in MethodName<S>]: (args: ArgsOf<S, M>) => Promise<ResultOf<S, M>> };
};

/** What a host implements: the same table, receiving arguments already validated. */
export type ApiHandlers = {
  [S in ServiceName]: {
    [M in MethodName<S>]: (args: ParsedArgsOf<S, M>) => ResultOf<S, M> | Promise<ResultOf<S, M>>;
  };
};

/** Every method as a wire name, `service.method`. */
export const METHOD_NAMES: string[] = Object.entries(apiContract).flatMap(([service, methods]) =>
  Object.keys(methods).map((m) => `${service}.${m}`),
);

/** Events the Node side pushes to the UI. */
export const EventSchemas = {
  /** The open case changed on disk (by this window, a menu command or another process). */
  'case.changed': z.object({ caseId: Uuid.nullable(), reason: z.string() }),
  /** A native menu item was chosen (Electron); the UI runs the same command as its own menu. */
  'menu.command': z.object({ command: z.string() }),
  /** Progress of a running import preview or import. */
  'import.progress': z.object({ jobId: Uuid, phase: z.enum(['reading', 'merging']), done: z.number().int(), total: z.number().int() }),
  /** How far a report being made has got (reports.generate). */
  'report.progress': ReportProgressSchema,
} as const;
export type EventName = keyof typeof EventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof EventSchemas)[E]>;
