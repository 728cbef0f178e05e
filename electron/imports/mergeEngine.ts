import type Database from 'better-sqlite3';
import { timestamp } from '../../shared/domain/dates';
import type { Incident } from '../../shared/domain/incident';
import type { MergeCounts, SkippedRow, TableMergeSummary } from '../../shared/domain/merge';
import type { Zone } from '../../shared/domain/zone';
import { newRowId } from '../store/rowIds';
import { AncestryReader } from './ancestry';
import type { SourceCase } from './caseSource';
import { versionHash, type MergeTable } from './contentHash';
import { ImportFileError } from './importErrors';
import { decideMerge, type MergeDecision } from './mergeDecision';
import { MergeWriter, type MergeRow, type MergedFrom, type PendingConflict } from './mergeWriter';
import { readSourceRows, type SourceRow } from './sourceRows';

/**
 * Merging a colleague's case file into the analyst's case (issue 5). The rule for each row is
 * in mergeDecision.ts; this file walks their rows and either counts what would happen
 * (preview) or does it (apply).
 *
 * Apply is one transaction: new rows added, rows changed only on their side updated,
 * deletions carried as tombstones, identical rows skipped, conflicts stored for the analyst,
 * one `merge_imports` row. Nothing to do means nothing written: importing the same file twice
 * changes nothing the second time.
 *
 * Long merges do not block: rows are handled in slices, and between slices the event loop
 * runs (progress events go out, a cancel request comes in). The transaction stays open across
 * the slices; cancel or any error rolls it back, so the case is as it was. The caller must not
 * let anything else write to the same connection meanwhile (the services refuse writes while
 * an import runs).
 */

export interface MergeProgress {
  phase: 'reading' | 'merging';
  done: number;
  total: number;
}

export interface MergeControl {
  cancelled?: boolean;
  onProgress?: (p: MergeProgress) => void;
}

export interface MergeReport {
  incidents: TableMergeSummary;
  zones: TableMergeSummary;
  totals: MergeCounts;
  authors: Map<string, number>;
  origins: Map<string, number>;
  skipped: SkippedRow[];
  skippedTotal: number;
  /** Row numbers (fids) of every skipped row, per table (see readSourceRows' `validated`). */
  skippedFids: Record<MergeTable, Set<number>>;
  /** Whether apply wrote anything. */
  changed: boolean;
}

export interface ApplyOptions {
  importId: string;
  /** Who is importing (signs the audit entries). */
  author: string;
  /** Import the rows that can be imported, and skip the rest (the analyst agreed). */
  importValidPart: boolean;
  /** File name of the snapshot taken before, recorded with the import. */
  snapshot: string | null;
  /**
   * The rows the preview skipped, when the source's bytes are the ones it read: the rows it
   * accepted are then not validated again (see readSourceRows).
   */
  validated?: Record<MergeTable, ReadonlySet<number>>;
}

/** Skipped rows listed in full (the total is always exact). */
const SKIPPED_LISTED = 200;
/** Rows handled between two turns of the event loop. */
const SLICE = 4000;
/** From this many incidents on, the R*Tree is filled directly (see MergeWriter.beginDirectIndex). */
const DIRECT_INDEX_THRESHOLD = 256;

function emptySummary(): TableMergeSummary {
  return { new: 0, identical: 0, theirsChanged: 0, mineChanged: 0, conflicts: 0, conflictsSettled: 0, theirsDeleted: 0, skipped: 0 };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));


function cancelledError(): ImportFileError {
  return new ImportFileError('cancelled', 'The import was cancelled; the case is as it was.');
}

function invalidRowsError(source: SourceCase, report: MergeReport): ImportFileError {
  const first = report.skipped[0];
  const where = first ? ` (${first.table === 'incidents' ? 'incident' : 'zone'} “${first.label}”: ${first.reason})` : '';
  const n = report.skippedTotal;
  return new ImportFileError(
    'invalid_rows',
    `“${source.file.fileName}” has ${n} row${n === 1 ? '' : 's'} Faultline cannot import${where}; nothing was changed. Import the valid part to skip ${n === 1 ? 'it' : 'them'}.`,
  );
}

class MergeRun {
  readonly report: MergeReport = {
    incidents: emptySummary(),
    zones: emptySummary(),
    totals: { added: 0, updated: 0, deleted: 0, unchanged: 0, conflicts: 0 },
    authors: new Map(),
    origins: new Map(),
    skipped: [],
    skippedTotal: 0,
    skippedFids: { incidents: new Set(), zones: new Set() },
    changed: false,
  };
  private readonly mineHistory: AncestryReader;
  private readonly theirHistory: AncestryReader;
  private readonly writer: MergeWriter;
  private done = 0;
  /** Whether this run wrote anything (apply); a conflict found again writes nothing. */
  wrote = false;
  private readonly total: number;
  private readonly now = timestamp();
  /** Rows of my case with a conflict waiting (see settlePending). */
  private readonly conflicted: Record<MergeTable, Set<string>>;

  constructor(
    target: Database.Database,
    targetCaseId: string,
    private readonly source: SourceCase,
    private readonly control: MergeControl,
    private readonly apply: ApplyOptions | null,
  ) {
    this.mineHistory = new AncestryReader(target, true);
    this.theirHistory = new AncestryReader(source.lookup, source.hasMergeState, true);
    this.writer = new MergeWriter(target, targetCaseId);
    this.total = source.rowCounts.incidents + source.rowCounts.zones;
    this.conflicted = this.writer.conflictedRows();
  }

  private get from(): MergedFrom {
    return { import_id: this.apply!.importId, case_id: this.source.caseId, case_name: this.source.name };
  }

  async run(): Promise<MergeReport> {
    const direct = this.apply !== null && this.source.rowCounts.incidents >= DIRECT_INDEX_THRESHOLD;
    if (direct) this.writer.beginDirectIndex();
    const validated = this.apply?.validated;
    await this.table('incidents', readSourceRows(this.source.stream, 'incidents', validated?.incidents));
    if (direct) this.writer.endDirectIndex();
    await this.table('zones', readSourceRows(this.source.stream, 'zones', validated?.zones));
    this.progress();
    return this.report;
  }

  private progress(): void {
    this.control.onProgress?.({ phase: this.apply ? 'merging' : 'reading', done: this.done, total: this.total });
  }

  private async table(table: MergeTable, rows: Generator<SourceRow<Incident> | SourceRow<Zone>>): Promise<void> {
    const summary = this.report[table];
    const created: string[] = [];
    const wroteBefore = this.wrote;
    this.wrote = false;
    for (const row of rows) {
      if (++this.done % SLICE === 0) {
        this.progress();
        await yieldToEventLoop();
        if (this.control.cancelled) throw cancelledError();
      }
      if (!row.ok) {
        summary.skipped++;
        this.report.skippedFids[table].add(row.fid);
        this.report.skippedTotal++;
        if (this.report.skipped.length < SKIPPED_LISTED) {
          this.report.skipped.push({ table, row: row.fid, id: row.id, label: row.label, reason: row.reasons.join('; ') });
        }
        if (this.apply && !this.apply.importValidPart) throw invalidRowsError(this.source, this.report);
        continue;
      }
      this.decide({ table, value: row.value } as MergeRow, row.createdBy, created);
    }
    if (this.apply && this.wrote) {
      this.writer.auditCreated(this.now, this.apply.author, table, created, this.from);
      this.writer.touch(this.now, table);
    }
    this.wrote ||= wroteBefore;
  }

  /** Classifies one of their rows, counts it, and in apply mode writes what it calls for. */
  private decide(row: MergeRow, createdBy: string, created: string[]): void {
    const { table, value: theirs } = row;
    const summary = this.report[table];
    const totals = this.report.totals;
    const theirsDeleted = theirs.provenance.deleted_at !== null;
    // Insert first: most rows of a colleague's case are new, and an insert that finds the id
    // taken costs no more than the lookup it saves.
    let mine: Incident | Zone | null = null;
    let inserted = false;
    if (this.apply && table === 'incidents') inserted = this.writer.insert(row, createdBy);
    if (!inserted) mine = this.writer.mine(table, theirs.id);
    if (!inserted && !mine && this.apply) inserted = this.writer.insert(row, createdBy);
    // Hashing costs; a new row (most of a colleague's case) needs none.
    const theirsRev = mine ? versionHash(table, theirs) : '';
    const mineRev = mine ? versionHash(table, mine) : '';
    let theirAncestors: Set<string> | null = null;
    let mineAncestors: Set<string> | null = null;
    const theirHistory = () => (theirAncestors ??= this.theirHistory.ancestors(table, theirs.id));
    const mineHistory = () => (mineAncestors ??= this.mineHistory.ancestors(table, theirs.id));
    const decision = !mine ? 'new' : decideMerge(mineRev, theirsRev, mineHistory, theirHistory);
    const waiting = mine && this.conflicted[table].has(theirs.id) ? this.settlePending(table, theirs.id, decision, mineRev, theirsRev, mineHistory, theirHistory) : null;

    // Who changed, and where were born, the rows that would change my case.
    const attribute = () => {
      const { author, origin_case } = theirs.provenance;
      this.report.authors.set(author, (this.report.authors.get(author) ?? 0) + 1);
      this.report.origins.set(origin_case, (this.report.origins.get(origin_case) ?? 0) + 1);
    };
    switch (decision) {
      case 'new':
        if (theirsDeleted) {
          // Deleted on their side, and never in my case: nothing to do here (the preview
          // offers nothing for it). When the file is imported the tombstone is still stored,
          // so the deletion travels on with my case to a third one.
          summary.identical++;
          totals.unchanged++;
        } else {
          summary.new++;
          totals.added++;
          attribute();
        }
        if (this.apply) {
          this.wrote = true;
          created.push(theirs.id);
          // Their history of the row comes along, so a third case holding an older version
          // of it is recognised as older.
          this.writer.supersedes(table, theirs.id, theirHistory());
        }
        break;
      case 'identical':
        summary.identical++;
        totals.unchanged++;
        break;
      case 'mine_newer':
        summary.mineChanged++;
        totals.unchanged++;
        break;
      case 'theirs_newer': {
        const mineDeleted = mine!.provenance.deleted_at !== null;
        if (theirsDeleted && !mineDeleted) {
          summary.theirsDeleted++;
          totals.deleted++;
        } else {
          summary.theirsChanged++;
          totals.updated++;
        }
        attribute();
        if (this.apply) {
          this.wrote = true;
          this.writer.replace(row, mine!);
          const action = theirsDeleted === mineDeleted ? 'update' : theirsDeleted ? 'delete' : 'restore';
          this.writer.auditChange(this.now, this.apply.author, table, action, mine!, theirs, this.from);
          this.writer.supersedes(table, theirs.id, theirHistory());
        }
        break;
      }
      case 'conflict':
        summary.conflicts++;
        totals.conflicts++;
        attribute();
        // Their version, or a newer one of it, already waiting: nothing to add.
        if (this.apply && !waiting?.covered) {
          const added = this.writer.addConflict({
            id: newRowId(),
            importId: this.apply.importId,
            row,
            createdBy,
            theirsRev,
            theirsAncestors: theirHistory(),
            source: { caseId: this.source.caseId, name: this.source.name },
            at: this.now,
          });
          if (added) this.wrote = true;
        }
        break;
    }
  }

  /**
   * The conflicts already waiting for a row of mine, when their file brings that row again.
   * One rule, from the versions each side is known to descend from (ancestry.ts): a waiting
   * version of theirs is settled, and stops waiting, when the row is now that version (their
   * newer version was taken, or it is what I have), or when a version now in one of the two
   * cases descends from it (they edited the row again, or resolved the conflict on their side,
   * or mine supersedes it). A newer version of theirs thus replaces the older one waiting,
   * instead of stacking a second card, and nothing waits where both sides are the same.
   * A waiting version from elsewhere that neither descends from nor precedes theirs (another
   * colleague's edit) keeps waiting: nothing says it was settled.
   *
   * Returns whether their version is covered by one still waiting (the same version, or a
   * newer one of it): then it is not stored again. Settled conflicts are counted, and in apply
   * mode removed, except those replaced by their newer version (counted as the conflict).
   */
  private settlePending(
    table: MergeTable,
    rowId: string,
    decision: MergeDecision,
    mineRev: string,
    theirsRev: string,
    mineHistory: () => ReadonlySet<string>,
    theirHistory: () => ReadonlySet<string>,
  ): { covered: boolean } {
    const pending = this.writer.pendingConflicts(table, rowId);
    const now = decision === 'theirs_newer' ? theirsRev : mineRev;
    // Their version as it is now is settled only by the decision itself: a history that went
    // back and forth (deleted, restored, deleted) lists their current version among its
    // earlier ones, and that must not make the same conflict go and come back on every import.
    const superseded = (p: PendingConflict) =>
      p.rev === theirsRev ? decision !== 'conflict' : p.rev === now || theirHistory().has(p.rev) || mineHistory().has(p.rev);
    const settled = pending.filter(superseded);
    const covered = pending.some((p) => !superseded(p) && (p.rev === theirsRev || p.ancestors.has(theirsRev)));
    const replaced = decision === 'conflict' && !covered;
    if (!replaced) this.report[table].conflictsSettled += settled.length;
    if (this.apply && settled.length) {
      for (const p of settled) this.writer.dropConflict(p.id);
      this.wrote = true;
    }
    return { covered };
  }
}

/** What importing `source` would do, without writing anything. */
export async function previewMerge(target: Database.Database, targetCaseId: string, source: SourceCase, control: MergeControl = {}): Promise<MergeReport> {
  return new MergeRun(target, targetCaseId, source, control, null).run();
}

/**
 * Imports `source` into the case on `target` in one transaction (see above). Writes nothing
 * when there is nothing to change. Throws ImportFileError('cancelled') after a cancel and
 * ImportFileError('invalid_rows') when the file has rows that cannot be imported and the
 * analyst did not choose to import the valid part; the case is unchanged either way.
 */
export async function applyMerge(
  target: Database.Database,
  targetCaseId: string,
  source: SourceCase,
  options: ApplyOptions,
  control: MergeControl = {},
): Promise<MergeReport> {
  target.exec('BEGIN IMMEDIATE');
  try {
    const run = new MergeRun(target, targetCaseId, source, control, options);
    const report = await run.run();
    if (control.cancelled) throw cancelledError();
    if (!run.wrote) {
      target.exec('ROLLBACK');
      return { ...report, changed: false };
    }
    target
      .prepare(
        `INSERT INTO merge_imports (id, at, author, source_case_id, source_case_name, source_file, counts, snapshot, undone_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(options.importId, timestamp(), options.author, source.caseId, source.name, source.file.fileName, JSON.stringify({ ...report.totals, skipped: report.skippedTotal }), options.snapshot);
    target.exec('COMMIT');
    return { ...report, changed: true };
  } catch (err) {
    if (target.inTransaction) target.exec('ROLLBACK');
    throw err;
  }
}
