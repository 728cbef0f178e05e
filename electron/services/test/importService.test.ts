import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { resourcesDir } from '../../paths';
import { ANA_CASE, ZVECAN, caseWith, edit, sampleFields, tempDir } from '../../imports/test/mergeHelpers';
import { createServices } from '../createServices';

/** The imports service as the UI drives it, through `dispatch` like both hosts. */
function services(dir: string) {
  const events: { name: EventName; payload: unknown }[] = [];
  const s = createServices({
    userDataDir: path.join(dir, 'user'),
    resourcesDir: resourcesDir(),
    hooks: { kind: 'web', emit: (name, payload) => events.push({ name, payload }) },
    log: () => {},
  });
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const r = await dispatch(s.handlers, method, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return { s, events, call, callRaw: (method: string, args: unknown) => dispatch(s.handlers, method, args) };
}

describe('imports service', () => {
  it('previews, imports with progress, lists and resolves a conflict, undoes and redoes the import', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 3, { id: ANA_CASE });
    const boFile = path.join(dir, 'bo.gpkg');
    fs.copyFileSync(ana.file, boFile);
    edit(boFile, (st) => {
      st.saveIncident({ id: ana.ids[0]!, fields: sampleFields({ title: 'Bo’s version', lon: 20 }) }, ZVECAN, 'Bo');
      st.saveIncident({ fields: sampleFields({ title: 'New from Bo' }) }, ZVECAN, 'Bo');
    });
    edit(ana.file, (st) => st.saveIncident({ id: ana.ids[0]!, fields: sampleFields({ title: 'Ana’s version', lon: 20 }) }, ZVECAN, 'Ana'));
    const { s, events, call } = services(dir);
    try {
      await call('case.open', { path: ana.file });
      const jobId = '5b0f6c1e-7a1d-4c8e-9f00-000000000001';
      const preview = await call<{ kind: string; preview: { previewId: string; totals: unknown } }>('imports.preview', { path: boFile, jobId });
      expect(preview.kind).toBe('case');
      expect(preview.preview.totals).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 2, conflicts: 1 });
      const result = await call<{ importId: string; undoable: boolean }>('imports.apply', { previewId: preview.preview.previewId, jobId });
      expect(result.undoable).toBe(true);
      expect(events.some((e) => e.name === 'import.progress')).toBe(true);
      expect(events.some((e) => e.name === 'case.changed' && (e.payload as { reason: string }).reason === 'imported')).toBe(true);
      expect((await call<unknown[]>('incidents.list', {})).length).toBe(4);

      const conflicts = await call<{ id: string; differing: string[] }[]>('imports.conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.differing).toEqual(['title']);
      await call('imports.resolve', { conflictId: conflicts[0]!.id, choice: 'theirs' });
      expect(await call<unknown[]>('imports.conflicts', {})).toEqual([]);
      const history = await call<{ entries: { merge: unknown }[] }>('history.forRow', { table: 'incidents', id: ana.ids[0] });
      expect(history.entries.at(-1)!.merge).toMatchObject({ caseName: 'ana' });

      // Resolving the conflict came after the import: undoing it would wipe that too, so it asks.
      const asked = await call<{ undone: boolean; message: string }>('imports.undo', { importId: result.importId });
      expect(asked).toMatchObject({ undone: false, laterWork: '1 incident changed (“Bo’s version”)' });
      expect(asked.message).toBe('Undoing the import of “ana” would also undo what was done in the case after it: 1 incident changed (“Bo’s version”). Nothing was changed.');
      expect((await call<{ fields: { title: string } }>('incidents.get', { id: ana.ids[0] })).fields.title).toBe('Bo’s version');
      const undone = await call<{ undone: boolean; info: { counts: { incidents: number } } }>('imports.undo', { importId: result.importId, discardLaterWork: true });
      expect(undone.info.counts.incidents).toBe(3);
      expect((await call<{ fields: { title: string } }>('incidents.get', { id: ana.ids[0] })).fields.title).toBe('Ana’s version');
      const redone = await call<{ counts: { incidents: number } }>('imports.redo', { importId: result.importId });
      expect(redone.counts.incidents).toBe(4);
      expect((await call<{ fields: { title: string } }>('incidents.get', { id: ana.ids[0] })).fields.title).toBe('Bo’s version');
    } finally {
      s.dispose();
    }
  });

  it('refuses every write while an import runs, and a cancel leaves the case as it was', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
    const bo = caseWith(dir, 'bo', 12000, { id: '22222222-2222-4222-8222-222222222222' });
    const { s, call, callRaw } = services(dir);
    try {
      await call('case.open', { path: ana.file });
      const preview = await call<{ preview: { previewId: string } }>('imports.preview', { path: bo.file });
      const jobId = '5b0f6c1e-7a1d-4c8e-9f00-000000000002';
      const running = callRaw('imports.apply', { previewId: preview.preview.previewId, jobId });
      await new Promise((r) => setImmediate(r));
      const save = await callRaw('incidents.save', { fields: sampleFields() });
      expect(save).toMatchObject({ ok: false, error: { code: 'busy', message: 'An import is running; wait for it to finish or cancel it.' } });
      expect(await call('imports.cancel', { jobId })).toEqual({ cancelled: true });
      expect(await running).toMatchObject({ ok: false, error: { message: 'The import was cancelled; the case is as it was.' } });
      expect((await call<unknown[]>('incidents.list', {})).length).toBe(1);
      expect((await callRaw('incidents.save', { fields: sampleFields() })).ok).toBe(true);
    } finally {
      s.dispose();
    }
  });

  it('undoing an import asks when the case changed after it, and not when later edits were taken back', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 0, { id: ANA_CASE });
    const bo = caseWith(dir, 'bo', 2, { id: '22222222-2222-4222-8222-222222222222' });
    const { s, call } = services(dir);
    try {
      await call('case.open', { path: ana.file });
      await call('incidents.save', { fields: sampleFields({ title: 'Ana’s incident' }) });
      const preview = await call<{ preview: { previewId: string } }>('imports.preview', { path: bo.file });
      const { importId } = await call<{ importId: string }>('imports.apply', { previewId: preview.preview.previewId, jobId: '5b0f6c1e-7a1d-4c8e-9f00-000000000003' });
      // An edit and its undo leave nothing that an undo of the import would lose.
      const first = (await call<{ id: string; fields: Record<string, unknown> }[]>('incidents.list', {})).find((i) => i.fields.title === 'Ana’s incident')!;
      await call('incidents.save', { id: first.id, fields: { ...first.fields, title: 'Edited' } });
      await call('incidents.save', { id: first.id, fields: first.fields });
      const added = await call<{ id: string }>('incidents.save', { fields: sampleFields({ title: 'Added after the import' }) });
      const asked = await call<{ undone: boolean; laterWork: string }>('imports.undo', { importId });
      expect(asked).toMatchObject({ undone: false, laterWork: '1 incident added (“Added after the import”)' });
      expect((await call<unknown[]>('incidents.list', {})).length).toBe(4);
      await call('incidents.delete', { id: added.id });
      const undone = await call<{ undone: boolean; info: { counts: { incidents: number } } }>('imports.undo', { importId });
      expect(undone).toMatchObject({ undone: true, info: { counts: { incidents: 1 } } });
    } finally {
      s.dispose();
    }
  });

  it('a data import is one step of undo too', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
    const file = path.join(dir, 'points.geojson');
    const point = (title: string, lon: number) => ({ type: 'Feature', properties: { name: title, date: '2023-06-01' }, geometry: { type: 'Point', coordinates: [lon, 43.1] } });
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [point('Jarinje', 20.78), point('Brnjak', 20.6)] }));
    const { s, call } = services(dir);
    try {
      await call('case.open', { path: ana.file });
      const read = await call<{ dataId: string; layers: { id: string; suggested: { incidents: unknown } }[] }>('imports.readData', { path: file });
      const layer = read.layers[0]!;
      const result = await call<{ importId: string; undoable: boolean; incidents: number }>('imports.applyData', { dataId: read.dataId, layers: [{ id: layer.id, target: 'incidents', mapping: layer.suggested.incidents }] });
      expect(result).toMatchObject({ undoable: true, incidents: 2 });
      expect((await call<unknown[]>('incidents.list', {})).length).toBe(3);
      expect(await call('imports.undo', { importId: result.importId })).toMatchObject({ undone: true, info: { counts: { incidents: 1 } } });
      expect((await call<{ counts: { incidents: number } }>('imports.redo', { importId: result.importId })).counts.incidents).toBe(3);
    } finally {
      s.dispose();
    }
  });
});
