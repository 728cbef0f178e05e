import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANA_CASE, AUTHOR, BO_CASE, ZVECAN, caseContent, caseWith, contentDigest, edit, fileBytesHash, importInto, rows, sampleFields, tempDir, withCase } from './mergeHelpers';
import { prepareCaseImport } from '../caseImport';

const BO = 'Bo Colleague';

describe('merging a colleague’s case file', () => {
  it('adds their new incidents with their provenance, and a second import changes nothing', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 2, { id: ANA_CASE });
    const bo = caseWith(dir, 'bo', 3, { id: BO_CASE, author: BO });
    await withCase(ana.file, async (store) => {
      const result = await importInto(store, bo.file);
      expect(result.counts).toEqual({ added: 3, updated: 0, deleted: 0, unchanged: 0, conflicts: 0 });
      const merged = caseContent(ana.file).incidents;
      expect(merged).toHaveLength(5);
      expect(merged.find((r) => r.id === bo.ids[0])).toMatchObject({ author: BO, created_by: BO, origin_case: BO_CASE });
      expect(store.info().counts.incidents).toBe(5);

      const bytes = fileBytesHash(ana.file);
      const again = await importInto(store, bo.file);
      expect(again.counts).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 3, conflicts: 0 });
      expect(again.importId).toBeNull();
      expect(fileBytesHash(ana.file)).toBe(bytes);
    });
  });

  it('takes edits and deletions made on their side only, keeps edits made on mine only, and flags edits on both', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 5, { id: ANA_CASE });
    // Bo gets a copy of Ana's file (a USB stick): the same case, diverging from here.
    const boFile = path.join(dir, 'bo-copy.gpkg');
    fs.copyFileSync(ana.file, boFile);
    const [onlyTheirs, deletedTheirs, onlyMine, both, untouched] = ana.ids as [string, string, string, string, string];
    const added = edit(boFile, (s) => {
      s.saveIncident({ id: onlyTheirs, fields: sampleFields({ title: 'Edited by Bo' }) }, ZVECAN, BO);
      s.deleteIncident(deletedTheirs, BO);
      s.saveIncident({ id: both, fields: sampleFields({ title: 'Both: Bo’s version', lon: 20.1 }) }, ZVECAN, BO);
      return s.saveIncident({ fields: sampleFields({ title: 'New from Bo' }) }, ZVECAN, BO).id;
    });
    edit(ana.file, (s) => {
      s.saveIncident({ id: onlyMine, fields: sampleFields({ title: 'Edited by Ana' }) }, ZVECAN, AUTHOR);
      s.saveIncident({ id: both, fields: sampleFields({ title: 'Both: Ana’s version' }) }, ZVECAN, AUTHOR);
    });

    await withCase(ana.file, async (store) => {
      const prepared = await prepareCaseImport(boFile, { path: ana.file, caseId: store.caseId });
      if (prepared.kind !== 'case') throw new Error('expected a case');
      const preview = prepared.prepared.preview;
      prepared.prepared.dispose();
      expect(preview.source.sameCase).toBe(true);
      expect(preview.incidents).toMatchObject({ new: 1, identical: 1, theirsChanged: 1, mineChanged: 1, conflicts: 1, theirsDeleted: 1, skipped: 0 });
      expect(preview.authors).toEqual([{ name: BO, count: 4 }]);

      const result = await importInto(store, boFile);
      expect(result.counts).toEqual({ added: 1, updated: 1, deleted: 1, unchanged: 2, conflicts: 1 });
      const byId = new Map(caseContent(ana.file).incidents.map((r) => [r.id, r]));
      expect(byId.get(onlyTheirs)).toMatchObject({ title: 'Edited by Bo', author: BO });
      expect(byId.get(deletedTheirs)!.deleted_at).not.toBeNull();
      expect(byId.get(onlyMine)).toMatchObject({ title: 'Edited by Ana', author: AUTHOR });
      expect(byId.get(both)).toMatchObject({ title: 'Both: Ana’s version' });
      expect(byId.get(added)).toMatchObject({ title: 'New from Bo' });
      expect(byId.get(untouched)).toMatchObject({ title: 'Incident 5' });
      const conflicts = rows<{ row_id: string; theirs: string }>(ana.file, 'SELECT row_id, theirs FROM merge_conflicts');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.row_id).toBe(both);
      expect(JSON.parse(conflicts[0]!.theirs).fields.title).toBe('Both: Bo’s version');

      // The merge is in the audit log, signed by who imported it, naming the case it came from.
      const audit = rows<{ action: string; author: string; after: string }>(ana.file, `SELECT action, author, after FROM audit_log WHERE row_id = ? ORDER BY fid`, onlyTheirs);
      expect(audit.at(-1)).toMatchObject({ action: 'update', author: AUTHOR });
      expect(JSON.parse(audit.at(-1)!.after).merged_from).toMatchObject({ case_id: ANA_CASE, case_name: 'ana' });

      // Importing the same file again changes nothing, conflicts included.
      const digest = contentDigest(ana.file);
      const bytes = fileBytesHash(ana.file);
      const again = await importInto(store, boFile);
      expect(again.importId).toBeNull();
      expect(again.counts).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 5, conflicts: 1 });
      expect(contentDigest(ana.file)).toBe(digest);
      expect(fileBytesHash(ana.file)).toBe(bytes);
      expect(rows(ana.file, 'SELECT 1 FROM merge_conflicts')).toHaveLength(1);
    });
  });

  it('a preview writes nothing, and a cancelled import leaves the case as it was', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 3, { id: ANA_CASE });
    const bo = caseWith(dir, 'bo', 9000, { id: BO_CASE, author: BO });
    await withCase(ana.file, async (store) => {
      const bytes = fileBytesHash(ana.file);
      const prepared = await prepareCaseImport(bo.file, { path: ana.file, caseId: store.caseId });
      if (prepared.kind === 'case') prepared.prepared.dispose();
      expect(fileBytesHash(ana.file)).toBe(bytes);

      const progress: number[] = [];
      const control = {
        cancelled: false,
        onProgress: (p: { done: number }) => {
          progress.push(p.done);
          control.cancelled = true;
        },
      };
      await expect(importInto(store, bo.file, { control })).rejects.toThrow('The import was cancelled; the case is as it was.');
      expect(progress.length).toBeGreaterThan(0);
      expect(fileBytesHash(ana.file)).toBe(bytes);
      expect(store.info().counts.incidents).toBe(3);
    });
  });

  it('a row deleted on their side that my case never had is nothing to do, yet its tombstone travels on', async () => {
    const dir = tempDir();
    const bo = caseWith(dir, 'bo', 2, { id: BO_CASE });
    edit(bo.file, (s) => s.deleteIncident(bo.ids[0]!, BO));
    const empty = caseWith(dir, 'ana', 0, { id: ANA_CASE });
    await withCase(empty.file, async (store) => {
      const prepared = await prepareCaseImport(bo.file, { path: empty.file, caseId: store.caseId });
      if (prepared.kind !== 'case') throw new Error('expected a case');
      const preview = prepared.prepared.preview;
      prepared.prepared.dispose();
      expect(preview.incidents).toMatchObject({ new: 1, identical: 1, theirsDeleted: 0 });
      expect(preview.totals).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 1, conflicts: 0 });
      expect(preview.authors).toEqual([{ name: AUTHOR, count: 1 }]);
      await importInto(store, bo.file);
    });
    expect(caseContent(empty.file).incidents.find((r) => r.id === bo.ids[0])!.deleted_at).not.toBeNull();
  });
});
