import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';

/**
 * Files dropped on the page of the web host. A browser hands a page the bytes of a dropped
 * file, never its path, so the page uploads them here and gets back a path the import can
 * read. They go into one private folder per host run (mkdtemp: readable by this user only),
 * under a cleaned-up version of their name (the name appears in every message about the file),
 * stop at a size limit while streaming, and are removed when the host stops.
 */

/** The same limit as for files imported from disk. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export class UploadTooLarge extends Error {}

export class Uploads {
  private dir: string | null = null;
  private count = 0;

  constructor(private readonly maxBytes = MAX_UPLOAD_BYTES) {}

  /** A file name safe to create: no folders, no control or reserved characters, not hidden. */
  static cleanName(name: string): string {
    const cleaned = basename(name.replace(/\\/g, '/'))
      .replace(/[\p{Cc}<>:"/\\|?*]/gu, '_')
      .replace(/^[.\s]+/, '')
      .slice(0, 120);
    return cleaned || 'dropped-file';
  }

  /** Streams the request body into a new file; returns its path. */
  async save(req: IncomingMessage, name: string): Promise<string> {
    this.dir ??= mkdtempSync(join(tmpdir(), 'faultline-dropped-'));
    // One sub-folder per upload: two drops of files with the same name do not collide.
    const folder = join(this.dir, String(++this.count));
    const path = join(folder, Uploads.cleanName(name));
    mkdirSync(folder, { mode: 0o700 });
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    // Errors surface through `finished` below; without a listener one would crash the host.
    out.on('error', () => {});
    let size = 0;
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > this.maxBytes) throw new UploadTooLarge(`“${Uploads.cleanName(name)}” is larger than Faultline imports.`);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return path;
    } catch (err) {
      // Let the stream finish opening and closing before its folder goes.
      out.destroy();
      await finished(out).catch(() => {});
      rmSync(folder, { recursive: true, force: true });
      throw err;
    }
  }

  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
