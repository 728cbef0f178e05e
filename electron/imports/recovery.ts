import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { CaseInfo } from '../../shared/domain/case';
import { createCase, openCaseReadOnly } from '../store/caseStore';
import { openVerifiedForWriting } from '../store/connection';
import { fileSubject } from '../store/inspectCaseFile';
import { META_KEYS, readMeta } from '../store/meta';
import type { MergeTable } from './contentHash';
import { MergeWriter, type MergeRow } from './mergeWriter';
import { readRowsAfter } from './sourceRows';

/**
 * Recovery of a damaged case (one that fails its integrity check when opened): what can still
 * be read is copied into a NEW case; the damaged file is never changed ("fixed" in place, a
 * repair could lose more than it saves, and the analyst may want to give it to someone who can
 * do better).
 *
 * Rows are read in slices by row number (fid). A slice that hits a damaged page fails as a
 * whole; its rows are then tried one by one, and the ones that cannot be read are counted as
 * lost. Every row read is validated like an import's, and keeps its id and provenance. The
 * history (audit log) is not carried over: the new case's log starts with the recovery.
 *
 * When the damage is in the file's schema (the table of tables), SQLite cannot read anything,
 * and neither can this: the analyst is told so in one sentence.
 */

export interface RecoveryResult {
  info: CaseInfo;
  recovered: Record<MergeTable, number>;
  /** Rows that could not be read or were not valid. */
  lost: number;
}

const SLICE = 500;
/** After this many slices in a row without a readable row, the rest of the table is taken as gone. */
const GIVE_UP_AFTER = 200;

function tryRead<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

function copyTable(from: Database.Database, writer: MergeWriter, table: MergeTable, counts: { recovered: number; lost: number }): void {
  const maxFid = tryRead(() => from.prepare(`SELECT max(fid) FROM ${table}`).pluck().get() as number | null) ?? null;
  let after = 0;
  let emptySlices = 0;
  const take = (row: ReturnType<typeof readRowsAfter>[number]) => {
    if (row.ok && writer.insert({ table, value: row.value } as MergeRow, row.createdBy)) counts.recovered++;
    else counts.lost++;
  };
  while (emptySlices < GIVE_UP_AFTER && (maxFid === null || after < maxFid)) {
    const rows = tryRead(() => readRowsAfter(from, table, after, SLICE));
    if (rows && rows.length === 0) break;
    if (rows) {
      rows.forEach(take);
      after = rows.at(-1)!.fid;
      emptySlices = 0;
      continue;
    }
    // A damaged page somewhere in the next slice: row by row through it.
    let found = false;
    for (let fid = after + 1; fid <= after + SLICE; fid++) {
      const one = tryRead(() => readRowsAfter(from, table, fid - 1, 1));
      if (one === null) counts.lost++;
      else if (one[0] && one[0].fid === fid) {
        take(one[0]);
        found = true;
      }
    }
    after += SLICE;
    emptySlices = found ? 0 : emptySlices + 1;
  }
}

/**
 * A private copy of the damaged file (and its WAL, whose committed changes belong to it) that
 * SQLite will open: a file shorter than its header says (a copy cut off) is refused by SQLite
 * outright, so the copy's header is made to tell the truth about its length, and the copy
 * padded to whole pages. The original is only read.
 */
function openablePrivateCopy(damagedPath: string): { file: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-recover-'));
  const file = path.join(dir, 'damaged.gpkg');
  try {
    fs.copyFileSync(damagedPath, file);
    if (fs.existsSync(`${damagedPath}-wal`)) fs.copyFileSync(`${damagedPath}-wal`, `${file}-wal`);
    const fd = fs.openSync(file, 'r+');
    try {
      const header = Buffer.alloc(100);
      if (fs.readSync(fd, header, 0, 100, 0) === 100) {
        const raw = header.readUInt16BE(16);
        const pageSize = raw === 1 ? 65536 : raw;
        const size = fs.fstatSync(fd).size;
        const pages = Math.ceil(size / pageSize);
        if (pageSize >= 512 && header.readUInt32BE(28) > pages) {
          fs.ftruncateSync(fd, pages * pageSize);
          const count = Buffer.alloc(4);
          count.writeUInt32BE(pages);
          fs.writeSync(fd, count, 0, 4, 28);
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function recoverCase(damagedPath: string, newPath: string, author: string): RecoveryResult {
  let copy: { file: string; dispose(): void };
  try {
    copy = openablePrivateCopy(damagedPath);
  } catch (err) {
    throw new ApiError('io', `${fileSubject(damagedPath)} could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  let from: Database.Database;
  try {
    // Read-write on our private copy, so SQLite can take in its WAL; nothing else is written,
    // and the file's own code never runs (trusted_schema OFF).
    from = new Database(copy.file, { fileMustExist: true });
    from.pragma('trusted_schema = OFF');
    from.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    copy.dispose();
    throw new ApiError('bad_file', `${fileSubject(damagedPath)} is too damaged to read anything from (the part that lists its tables is damaged or missing).`);
  }
  try {
    const name = tryRead(() => readMeta(from, META_KEYS.name)) ?? 'Recovered case';
    const created = createCase(newPath, { name: `${name.slice(0, 100)} (recovered)`, author });
    const caseId = created.caseId;
    created.close();
    const incidents = { recovered: 0, lost: 0 };
    const zones = { recovered: 0, lost: 0 };
    const db = openVerifiedForWriting(newPath, fileSubject(newPath));
    try {
      const writer = new MergeWriter(db, caseId);
      db.transaction(() => {
        copyTable(from, writer, 'incidents', incidents);
        copyTable(from, writer, 'zones', zones);
      })();
    } finally {
      db.close();
    }
    const info = openCaseReadOnly(newPath, (s) => s.info());
    return { info, recovered: { incidents: incidents.recovered, zones: zones.recovered }, lost: incidents.lost + zones.lost };
  } finally {
    from.close();
    copy.dispose();
  }
}
