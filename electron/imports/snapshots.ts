import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { fileSubject } from '../store/inspectCaseFile';

/**
 * Snapshots of a case around an import, so the import can be undone as one step.
 *
 * Before a merge the case is copied (VACUUM INTO, in caseImport.ts) into the snapshot folder
 * of the user data directory, one sub-folder per case id: never next to the case, which may
 * sit in a shared folder. Undo puts that copy back in place of the case file; the case as it
 * was just before the undo is copied first, so redo can put it back and nothing is ever lost.
 * Both happen with the case closed, through a temporary file renamed over the case (a crash
 * leaves the old file or the new one, never half of one).
 */

/** Snapshots kept per case; older ones are removed after each import. */
export const SNAPSHOTS_KEPT = 20;

export function snapshotDir(root: string, caseId: string): string {
  return path.join(root, caseId);
}

/** Replaces the (closed) case file by `from`. */
export function restoreCaseFile(casePath: string, from: string): void {
  if (!fs.existsSync(from)) throw new ApiError('not_found', `The snapshot needed to undo this import is gone (${path.basename(from)}).`);
  for (const suffix of ['-wal', '-journal']) {
    const sidecar = casePath + suffix;
    if (fs.existsSync(sidecar) && fs.statSync(sidecar).size > 0) {
      throw new ApiError('io', `${fileSubject(casePath)} is still open in another program, so it cannot be put back as it was; close that program and try again.`);
    }
  }
  const tmp = `${casePath}.restoring-${process.pid}`;
  try {
    fs.copyFileSync(from, tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(casePath + suffix, { force: true });
    fs.renameSync(tmp, casePath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof ApiError) throw err;
    throw new ApiError('io', `${fileSubject(casePath)} could not be put back as it was (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
}

/** Copies the (closed) case file into the snapshot folder as `name`. */
export function copyCaseFile(casePath: string, dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  fs.copyFileSync(casePath, target);
  return target;
}

/** Keeps the newest SNAPSHOTS_KEPT snapshots in `dir` (names start with their time). */
export function pruneSnapshots(dir: string, keep = SNAPSHOTS_KEPT): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.gpkg')).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - keep))) fs.rmSync(path.join(dir, name), { force: true });
}
