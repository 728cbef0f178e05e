import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { resourcesDir } from '../../paths';
import { createCase } from '../../store/caseStore';
import { sampleFields, tempDir } from '../../store/test/helpers';
import { createServices } from '../createServices';

/** Titles of the live incidents in a copy of the .gpkg alone, as a colleague receiving it would read it. */
function titlesInCopyOfMainFile(caseFile: string, dir: string): string[] {
  const copy = path.join(dir, `copy-${Math.random().toString(36).slice(2)}.gpkg`);
  fs.copyFileSync(caseFile, copy); // without the -wal file beside it
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT title FROM incidents WHERE deleted_at IS NULL ORDER BY title').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('the idle checkpoint', () => {
  it('folds a saved incident into the .gpkg itself shortly after the change, while the case stays open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'open.gpkg');
    createCase(file, { name: 'Open case', author: 'Ana' }).close();
    const services = createServices({ userDataDir: path.join(dir, 'user'), resourcesDir: resourcesDir(), hooks: { kind: 'web', emit: () => {} }, checkpointDelayMs: 50 });
    try {
      expect((await dispatch(services.handlers, 'case.open', { path: file })).ok).toBe(true);
      const saved = await dispatch(services.handlers, 'incidents.save', { fields: sampleFields({ title: 'Saved while open' }) });
      expect(saved.ok).toBe(true);
      // Right after the save the change is committed but lives in the write-ahead log only.
      expect(titlesInCopyOfMainFile(file, dir)).toEqual([]);
      await new Promise((r) => setTimeout(r, 300));
      expect(titlesInCopyOfMainFile(file, dir)).toEqual(['Saved while open']);
    } finally {
      services.dispose();
    }
  });
});
