import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { fileSubject } from '../store/inspectCaseFile';
import { ImportFileError } from './importErrors';

/**
 * Taking a file from outside (a USB stick, a mail attachment, a shared folder) into a private
 * place before reading it.
 *
 * Everything an import reads comes from a copy in a folder only this user can read (mkdtemp
 * makes it 0700), made once through one file descriptor. That settles three things:
 *   - the file cannot change under us between the preview and the import, or while SQLite
 *     reads it (what the analyst previewed is exactly what is imported);
 *   - SQLite never creates -wal/-shm/-journal files next to the original (read-only media,
 *     shared folders);
 *   - a path swapped for a link between our checks and the read is caught (O_NOFOLLOW and the
 *     inode compared with the one we checked).
 *
 * Links are refused rather than followed: an import names a file, and a link on a stick or in
 * a shared folder can point anywhere on this machine (another user's case, a device). The
 * analyst can choose the file the link points to.
 *
 * A file still being written gets its own message instead of a confusing "damaged": SQLite's
 * -wal or -journal file beside it (a program has it open, or crashed while writing), or a
 * size or modification time that changed while we copied it (a copy still in progress).
 */

/** Case files and foreign data larger than this are refused (a case of 1 million incidents is ~500 MB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

export interface PreparedFile {
  /** The path the analyst gave. */
  originalPath: string;
  /** Its base name, used in every message. */
  fileName: string;
  /** The private copy (same base name, in a private folder). */
  copyPath: string;
  size: number;
  /** SHA-256 of the bytes copied (hex). */
  sha256: string;
  /** Removes the private copy and its folder. */
  dispose(): void;
}


function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** A sidecar SQLite leaves while a database is open or after a crash, if it holds anything. */
function busySidecar(filePath: string): string | null {
  for (const suffix of ['-wal', '-journal']) {
    try {
      if (fs.statSync(filePath + suffix).size > 0) return path.basename(filePath + suffix);
    } catch {
      // no such sidecar
    }
  }
  return null;
}

function statOrFail(filePath: string, subject: string): fs.Stats {
  try {
    return fs.lstatSync(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportFileError('not_found', `${subject} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') throw new ImportFileError('unreadable', `${subject} cannot be read (permission denied).`);
    throw new ImportFileError('unreadable', `${subject} cannot be read (${code ?? 'unknown error'}).`);
  }
}

export interface CopyOptions {
  /** Files that must not be imported into themselves (the open case). */
  notSameAs?: string | undefined;
  maxBytes?: number;
  /** Checks for SQLite's -wal/-journal sidecars (case files and GeoPackages; not for GeoJSON...). */
  sqlite?: boolean;
  /** Called once the bytes are copied, before the file is checked again (tests write to it here). */
  afterCopy?: () => void;
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Copies an outside file into a private folder, or throws ImportFileError with one sentence. */
export function copyOutsideFile(filePath: string, options: CopyOptions = {}): PreparedFile {
  const subject = fileSubject(filePath);
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const before = statOrFail(filePath, subject);
  if (before.isSymbolicLink()) {
    throw new ImportFileError('symlink', `${subject} is a symbolic link; Faultline imports files, not links to them (choose the file the link points to).`);
  }
  if (before.isDirectory()) throw new ImportFileError('not_a_file', `${subject} is a folder, not a file.`);
  if (!before.isFile()) throw new ImportFileError('not_a_file', `${subject} is not a regular file (it is a device, pipe or socket).`);
  if (options.notSameAs && sameFile(filePath, options.notSameAs)) {
    throw new ImportFileError('same_file', `${subject} is the case you have open; there is nothing to import from it.`);
  }
  if (before.size > maxBytes) {
    throw new ImportFileError('too_large', `${subject} is ${formatBytes(before.size)}; Faultline imports files of up to ${formatBytes(maxBytes)}.`);
  }
  if (options.sqlite) {
    const sidecar = busySidecar(filePath);
    if (sidecar) {
      throw new ImportFileError(
        'being_written',
        `${subject} is still open in another program or was not closed properly (“${sidecar}” is next to it), so it may be incomplete; close that program, or copy the file again, and import it then.`,
      );
    }
  }

  let fd: number;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ImportFileError('symlink', `${subject} is a symbolic link; Faultline imports files, not links to them (choose the file the link points to).`);
    throw new ImportFileError('unreadable', `${subject} cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error')}).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-import-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  const copyPath = path.join(dir, path.basename(filePath));
  try {
    const opened = fs.fstatSync(fd);
    if (opened.ino !== before.ino || opened.dev !== before.dev) {
      throw new ImportFileError('being_written', `${subject} was replaced while Faultline was opening it; import it again.`);
    }
    const hash = createHash('sha256');
    const out = fs.openSync(copyPath, 'wx', 0o600);
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let copied = 0;
    try {
      for (;;) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, copied);
        if (n === 0) break;
        copied += n;
        if (copied > maxBytes) {
          throw new ImportFileError('being_written', `${subject} grew while Faultline was reading it (it is probably still being copied); wait until it is complete and import it again.`);
        }
        hash.update(buffer.subarray(0, n));
        fs.writeSync(out, buffer, 0, n);
      }
    } finally {
      fs.closeSync(out);
    }
    options.afterCopy?.();
    const after = fs.fstatSync(fd);
    let now: fs.Stats | null = null;
    try {
      now = fs.lstatSync(filePath);
    } catch {
      now = null;
    }
    const changed =
      copied !== before.size ||
      after.size !== before.size ||
      after.mtimeMs !== before.mtimeMs ||
      !now ||
      now.ino !== before.ino ||
      now.size !== before.size ||
      now.mtimeMs !== before.mtimeMs;
    if (changed) {
      throw new ImportFileError('being_written', `${subject} changed while Faultline was reading it (it is probably still being copied or saved); wait until it is complete and import it again.`);
    }
    if (options.sqlite) {
      const sidecar = busySidecar(filePath);
      if (sidecar) {
        throw new ImportFileError('being_written', `${subject} was opened by another program while Faultline was reading it (“${sidecar}” appeared next to it); close that program and import it again.`);
      }
    }
    return { originalPath: filePath, fileName: path.basename(filePath), copyPath, size: copied, sha256: hash.digest('hex'), dispose };
  } catch (err) {
    dispose();
    if (err instanceof ApiError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportFileError('unreadable', `${subject} could not be read (${code ?? (err instanceof Error ? err.message : String(err))}).`);
  } finally {
    fs.closeSync(fd);
  }
}
