import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentCase } from '../../shared/domain/case';
import { readJsonFile, writeJsonFile } from './jsonFile';

const MAX_RECENT = 12;
const StoredRecent = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));

/** The most recently opened cases, newest first, kept in the user data folder. */
export class RecentCases {
  private readonly _file: string;

  constructor(userDataDir: string) {
    this._file = join(userDataDir, 'recent-cases.json');
  }

  list(): RecentCase[] {
    return readJsonFile(this._file, StoredRecent, []).map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  remember(path: string, name: string): void {
    const others = readJsonFile(this._file, StoredRecent, []).filter((r) => r.path !== path);
    writeJsonFile(this._file, [{ path, name, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    writeJsonFile(
      this._file,
      readJsonFile(this._file, StoredRecent, []).filter((r) => r.path !== path),
    );
  }
}
