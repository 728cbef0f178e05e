import type Database from 'better-sqlite3';
import type { Incident } from '../../../shared/domain/incident';
import type { Zone } from '../../../shared/domain/zone';
import { newRowId } from '../../store/rowIds';
import { AncestryReader } from '../ancestry';
import { contentHash, contentOfAuditJson, versionHash } from '../contentHash';
import type { MergeRow, MergeWriter, MergedFrom } from '../mergeWriter';

/**
 * A feature of a file from another tool that is already in the case under the same key (see
 * featureIdentity.ts: ACLED's event id, or a UUID), arriving again, perhaps changed:
 *
 *   the same content as mine                       → unchanged;
 *   a version mine descends from (the analyst      → unchanged: the analyst's edit stays, and
 *   edited it since it came from this source)        the old export imported again is no news;
 *   changed, and mine is as the last data import   → updated to the new version (who and when:
 *   left it (nobody changed it here since)           the analyst importing, now);
 *   changed, and mine was changed here since       → a conflict, kept for the analyst to resolve
 *                                                    like a colleague's (mine stays meanwhile).
 *
 * "As the last data import left it": the row's latest audit entry is a data import's writing
 * exactly this content, or the row has no entry of its own at all, was born in this case and
 * never changed (a data import creates rows under one bulk entry).
 */

export type ExistingOutcome = 'unchanged' | 'updated' | 'conflict';

export class UpdatedFeature {
  private readonly latestEntry: Database.Statement;
  private readonly history: AncestryReader;

  constructor(
    db: Database.Database,
    private readonly writer: MergeWriter,
    private readonly caseId: string,
    private readonly from: MergedFrom,
    private readonly now: string,
    private readonly author: string,
  ) {
    this.latestEntry = db.prepare(`SELECT after FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY fid DESC LIMIT 1`).pluck();
    this.history = new AncestryReader(db, true);
  }

  offer(row: MergeRow): ExistingOutcome {
    const { table } = row;
    const mine = this.writer.mine(table, row.value.id);
    if (!mine) return 'unchanged';
    const mineRev = versionHash(table, mine);
    const theirsRev = versionHash(table, row.value);
    if (mineRev === theirsRev || this.history.ancestors(table, mine.id).has(theirsRev)) return 'unchanged';
    if (this.asLastImported(row, mine, mineRev)) {
      const provenance = { ...mine.provenance, updated_at: this.now, author: this.author };
      const next = { ...row.value, provenance } as Incident | Zone;
      this.writer.replace({ table, value: next } as MergeRow, mine);
      this.writer.auditChange(this.now, this.author, table, 'update', mine, next, this.from);
      return 'updated';
    }
    const pending = this.writer.pendingConflicts(table, mine.id);
    if (pending.some((p) => p.rev === theirsRev)) return 'conflict';
    // A newer export replaces the version an earlier one left waiting.
    for (const p of pending) if (p.sourceCaseId === this.from.case_id) this.writer.dropConflict(p.id);
    this.writer.addConflict({
      id: newRowId(),
      importId: this.from.import_id,
      row,
      createdBy: this.author,
      theirsRev,
      theirsAncestors: [],
      source: { caseId: this.from.case_id, name: this.from.case_name },
      at: this.now,
    });
    return 'conflict';
  }

  private asLastImported(row: MergeRow, mine: Incident | Zone, mineRev: string): boolean {
    const latest = this.latestEntry.get(row.table, mine.id) as string | null | undefined;
    if (latest === undefined) {
      const p = mine.provenance;
      return p.origin_case === this.caseId && p.created_at === p.updated_at && p.deleted_at === null;
    }
    let fromDataImport = false;
    try {
      const after = JSON.parse(latest ?? 'null') as { merged_from?: { case_id?: unknown } } | null;
      fromDataImport = after?.merged_from?.case_id === this.from.case_id;
    } catch {
      return false;
    }
    const content = contentOfAuditJson(row.table, latest ?? null);
    return fromDataImport && content !== null && contentHash(content) === mineRev;
  }
}
