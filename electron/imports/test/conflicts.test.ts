import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../store/connection';
import { listConflicts, resolveConflict } from '../conflicts';
import { openTargetConnection } from '../caseImport';
import { rowHistory } from '../rowHistory';
import { ANA_CASE, AUTHOR, ZVECAN, caseContent, caseWith, edit, importInto, rows, sampleFields, tempDir, withCase } from './mergeHelpers';
import { newZoneFields, type ZoneGeometry } from '../../../shared/domain/zone';

const BO = 'Bo Colleague';

/** Ana and Bo edit the same incident of a shared case; Ana imports Bo's copy. */
async function conflictSetup() {
  const dir = tempDir();
  const ana = caseWith(dir, 'ana', 2, { id: ANA_CASE });
  const boFile = path.join(dir, 'bo.gpkg');
  fs.copyFileSync(ana.file, boFile);
  const id = ana.ids[0]!;
  edit(boFile, (s) => s.saveIncident({ id, fields: sampleFields({ title: 'Bo’s title', fatalities: 2 }) }, ZVECAN, BO));
  edit(ana.file, (s) => s.saveIncident({ id, fields: sampleFields({ title: 'Ana’s title' }) }, ZVECAN, AUTHOR));
  await withCase(ana.file, (store) => importInto(store, boFile));
  return { dir, ana, boFile, id };
}

function withDb<T>(file: string, fn: (db: ReturnType<typeof openTargetConnection>) => T): T {
  const db = openTargetConnection({ path: file, caseId: ANA_CASE });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('conflicts', () => {
  it('are listed side by side with the differing fields', async () => {
    const { ana, id } = await conflictSetup();
    const db = openReadOnly(ana.file);
    const [conflict] = listConflicts(db, ANA_CASE);
    db.close();
    expect(conflict).toMatchObject({ table: 'incidents', rowId: id, differing: ['title', 'fatalities'], source: { caseId: ANA_CASE, name: 'ana' } });
    if (conflict?.table !== 'incidents') throw new Error('expected an incident conflict');
    expect(conflict.mine.fields.title).toBe('Ana’s title');
    expect(conflict.theirs.fields.title).toBe('Bo’s title');
  });

  it('keep mine: my version stays, and importing the file again is no longer a conflict', async () => {
    const { ana, boFile, id } = await conflictSetup();
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    withDb(ana.file, (db) => resolveConflict(db, ANA_CASE, conflict!.id, 'mine', AUTHOR));
    expect(rows(ana.file, 'SELECT 1 FROM merge_conflicts')).toHaveLength(0);
    expect(caseContent(ana.file).incidents.find((r) => r.id === id)).toMatchObject({ title: 'Ana’s title' });
    const again = await withCase(ana.file, (store) => importInto(store, boFile));
    expect(again.counts).toMatchObject({ conflicts: 0, updated: 0 });
    // And Bo, importing Ana's case, takes Ana's version as the newer one.
    const back = await withCase(boFile, (store) => importInto(store, ana.file, { author: BO }));
    expect(back.counts).toMatchObject({ updated: 1, conflicts: 0 });
    expect(caseContent(boFile).incidents.find((r) => r.id === id)).toMatchObject({ title: 'Ana’s title' });
  });

  it('take theirs: their version replaces mine, with their last change', async () => {
    const { ana, id } = await conflictSetup();
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    const result = withDb(ana.file, (db) => resolveConflict(db, ANA_CASE, conflict!.id, 'theirs', AUTHOR));
    expect((result.row.fields as { title: string }).title).toBe('Bo’s title');
    expect(caseContent(ana.file).incidents.find((r) => r.id === id)).toMatchObject({ title: 'Bo’s title', fatalities: 2, author: BO });
  });

  it('keep both: mine stays and theirs becomes a new incident', async () => {
    const { ana, id } = await conflictSetup();
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    const result = withDb(ana.file, (db) => resolveConflict(db, ANA_CASE, conflict!.id, 'both', AUTHOR));
    expect(result.copy).not.toBeNull();
    const incidents = caseContent(ana.file).incidents;
    expect(incidents.find((r) => r.id === id)).toMatchObject({ title: 'Ana’s title' });
    expect(incidents.find((r) => r.id === result.copy!.id)).toMatchObject({ title: 'Bo’s title', origin_case: ANA_CASE, created_by: AUTHOR });
    expect(() => withDb(ana.file, (db) => resolveConflict(db, ANA_CASE, conflict!.id, 'mine', AUTHOR))).toThrow('no longer waiting');
  });

  it('an incident’s history shows the merge and how its conflict ended', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 2, { id: ANA_CASE });
    const boFile = path.join(dir, 'bo.gpkg');
    fs.copyFileSync(ana.file, boFile);
    const id = ana.ids[1]!;
    edit(boFile, (s) => s.saveIncident({ id, fields: sampleFields({ title: 'Corrected by Bo', lon: 20.01 }) }, ZVECAN, BO));
    await withCase(ana.file, (store) => importInto(store, boFile));
    const history = withDb(ana.file, (db) => rowHistory(db, ANA_CASE, 'incidents', id));
    expect(history).toMatchObject({ createdBy: AUTHOR, originCase: { id: ANA_CASE, name: 'ana' }, lastChange: { author: BO } });
    const last = history.entries.at(-1)!;
    expect(last).toMatchObject({ action: 'update', author: AUTHOR, merge: { caseId: ANA_CASE, caseName: 'ana', by: AUTHOR } });
    expect(last.changes).toEqual([{ field: 'title', before: 'Incident 2', after: 'Corrected by Bo' }]);
    expect(history.entries[0]).toMatchObject({ action: 'create', merge: null });
  });
});

describe('zones merge like incidents', () => {
  it('a zone edited in both cases is a conflict; one edited on their side only is taken', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 0, { id: ANA_CASE });
    const area: ZoneGeometry = { type: 'Polygon', coordinates: [[[20.7, 42.85], [20.9, 42.85], [20.9, 43.0], [20.7, 42.85]]] };
    const [both, theirsOnly] = edit(ana.file, (s) => [
      s.saveZone({ fields: { ...newZoneFields(area), name: 'KFOR patrol area', kind: 'patrol', affiliation: 'friend' } }, AUTHOR).id,
      s.saveZone({ fields: { ...newZoneFields(area), name: 'Buffer zone', kind: 'buffer' } }, AUTHOR).id,
    ]);
    const boFile = path.join(dir, 'bo.gpkg');
    fs.copyFileSync(ana.file, boFile);
    edit(boFile, (s) => {
      s.saveZone({ id: both, fields: { ...s.getZone(both).fields, strength: 'two companies' } }, BO);
      s.saveZone({ id: theirsOnly, fields: { ...s.getZone(theirsOnly).fields, status: 'withdrawn' } }, BO);
    });
    edit(ana.file, (s) => s.saveZone({ id: both, fields: { ...s.getZone(both).fields, unit: 'RC-East' } }, AUTHOR));
    const result = await withCase(ana.file, (store) => importInto(store, boFile));
    expect(result.counts).toMatchObject({ updated: 1, conflicts: 1 });
    expect(caseContent(ana.file).zones.find((z) => z.id === theirsOnly)).toMatchObject({ status: 'withdrawn', author: BO });
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    expect(conflict).toMatchObject({ table: 'zones', rowId: both, differing: ['unit', 'strength'] });
    withDb(ana.file, (db) => resolveConflict(db, ANA_CASE, conflict!.id, 'both', AUTHOR));
    const zones = caseContent(ana.file).zones;
    expect(zones).toHaveLength(3);
    expect(zones.find((z) => z.id === both)).toMatchObject({ unit: 'RC-East', strength: '' });
    expect(zones.find((z) => z.id !== both && z.id !== theirsOnly)).toMatchObject({ unit: '', strength: 'two companies' });
  });
});

describe('a conflict waiting when their file comes again', () => {
  const waiting = (file: string) => rows<{ row_id: string; theirs_rev: string }>(file, 'SELECT row_id, theirs_rev FROM merge_conflicts');

  it('their newer version of the row replaces the one waiting: one card, showing their latest', async () => {
    const { ana, boFile, id } = await conflictSetup();
    edit(boFile, (s) => s.saveIncident({ id, fields: sampleFields({ title: 'Bo’s second title', fatalities: 3 }) }, ZVECAN, BO));
    const again = await withCase(ana.file, (store) => importInto(store, boFile));
    expect(again.counts).toMatchObject({ conflicts: 1 });
    expect(waiting(ana.file)).toHaveLength(1);
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    expect((conflict!.theirs.fields as { title: string }).title).toBe('Bo’s second title');
  });

  it('an older file of theirs after a newer one leaves their newer version waiting', async () => {
    const { dir, ana, boFile, id } = await conflictSetup();
    const older = path.join(dir, 'bo-older.gpkg');
    fs.copyFileSync(boFile, older);
    edit(boFile, (s) => s.saveIncident({ id, fields: sampleFields({ title: 'Bo’s second title' }) }, ZVECAN, BO));
    await withCase(ana.file, (store) => importInto(store, boFile));
    const result = await withCase(ana.file, (store) => importInto(store, older));
    expect(result.importId).toBeNull();
    const [conflict] = withDb(ana.file, (db) => listConflicts(db, ANA_CASE));
    expect((conflict!.theirs.fields as { title: string }).title).toBe('Bo’s second title');
  });

  it('resolved on their side by taking mine: the row matches, and the conflict stops waiting', async () => {
    const { ana, boFile, id } = await conflictSetup();
    await withCase(boFile, (store) => importInto(store, ana.file, { author: BO }));
    const [theirs] = withDb(boFile, (db) => listConflicts(db, ANA_CASE));
    withDb(boFile, (db) => resolveConflict(db, ANA_CASE, theirs!.id, 'theirs', BO));
    expect(caseContent(boFile).incidents.find((r) => r.id === id)).toMatchObject({ title: 'Ana’s title' });
    const prepared = await withCase(ana.file, (store) => importInto(store, boFile));
    expect(prepared.importId).not.toBeNull();
    expect(waiting(ana.file)).toEqual([]);
  });

  it('resolved on their side by keeping theirs: their version is taken, and no card is left where nothing differs', async () => {
    const { ana, boFile, id } = await conflictSetup();
    await withCase(boFile, (store) => importInto(store, ana.file, { author: BO }));
    const [theirs] = withDb(boFile, (db) => listConflicts(db, ANA_CASE));
    withDb(boFile, (db) => resolveConflict(db, ANA_CASE, theirs!.id, 'mine', BO));
    const result = await withCase(ana.file, (store) => importInto(store, boFile));
    expect(result.counts).toMatchObject({ updated: 1, conflicts: 0 });
    expect(caseContent(ana.file).incidents.find((r) => r.id === id)).toMatchObject({ title: 'Bo’s title' });
    expect(waiting(ana.file)).toEqual([]);
  });
});
