import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import type { ConflictChoice } from '../../../shared/domain/merge';
import { openReadOnly } from '../../store/connection';
import { openTargetConnection } from '../caseImport';
import { listConflicts, resolveConflict } from '../conflicts';
import { contentHash } from '../contentHash';
import { MergeWriter } from '../mergeWriter';
import { caseContent, caseWith, contentDigest, importInto, rows, sampleFields, tempDir, withCase, ZVECAN, ANA_CASE } from './mergeHelpers';
import type { GpkgCaseStore } from '../../store/caseStore';

/**
 * Properties of merging (issue 5), over random histories: two analysts start from the same
 * case (a copy of the file, or an import of it into a case of their own), each edits, deletes,
 * restores and adds incidents, then they import each other's files.
 */

type Op = { kind: 'edit' | 'delete' | 'restore' | 'add'; index: number; variant: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('edit', 'edit', 'delete', 'restore', 'add'),
  index: fc.nat(20),
  variant: fc.nat(2),
});

const scenarioArb = fc.record({
  base: fc.integer({ min: 1, max: 4 }),
  bobCopies: fc.boolean(),
  anaOps: fc.array(opArb, { maxLength: 10 }),
  boOps: fc.array(opArb, { maxLength: 10 }),
});

function play(store: GpkgCaseStore, ops: Op[], who: string): void {
  for (const op of ops) {
    const all = rows<{ id: string }>(store.path, 'SELECT id FROM incidents ORDER BY id');
    if (op.kind === 'add' || all.length === 0) {
      store.saveIncident({ fields: sampleFields({ title: `Added by ${who} ${op.variant}` }) }, ZVECAN, who);
      continue;
    }
    const id = all[op.index % all.length]!.id;
    if (op.kind === 'edit') store.saveIncident({ id, fields: sampleFields({ title: `Edit ${op.variant}`, fatalities: op.variant }) }, ZVECAN, who);
    else if (op.kind === 'delete') store.deleteIncident(id, who);
    else store.restoreIncident(id, who);
  }
}

/** Row id → content hash (fields, admin areas, deleted), as the merge compares rows. */
function contentById(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of caseContent(file).incidents) {
    // Content only: the stamps say who got there first, not what the row says.
    const { id, deleted_at, ...rest } = r;
    const content = Object.fromEntries(Object.entries(rest).filter(([k]) => !['created_at', 'updated_at', 'created_by', 'author', 'origin_case'].includes(k)));
    out.set(id as string, contentHash({ fields: { ...content, geom: Buffer.from(content.geom as Buffer).toString('hex') }, admin: null, deleted: deleted_at !== null }));
  }
  return out;
}

function conflictIds(file: string): Set<string> {
  return new Set(rows<{ row_id: string }>(file, 'SELECT row_id FROM merge_conflicts').map((r) => r.row_id));
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function setUp(s: Scenario) {
  const dir = tempDir();
  const base = caseWith(dir, 'base', s.base, { id: ANA_CASE });
  const ana = path.join(dir, 'ana.gpkg');
  fs.copyFileSync(base.file, ana);
  let bo = path.join(dir, 'bo.gpkg');
  if (s.bobCopies) fs.copyFileSync(base.file, bo);
  else {
    bo = caseWith(dir, 'bo', 0).file;
    await withCase(bo, (store) => importInto(store, base.file));
  }
  await withCase(ana, async (store) => play(store, s.anaOps, 'Ana'));
  await withCase(bo, async (store) => play(store, s.boOps, 'Bo'));
  return { ana, bo };
}

describe('merge properties', () => {
  it('merging is idempotent: importing the same file again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { ana, bo } = await setUp(s);
        await withCase(ana, (store) => importInto(store, bo));
        const digest = contentDigest(ana);
        const conflicts = rows(ana, 'SELECT id FROM merge_conflicts');
        const again = await withCase(ana, (store) => importInto(store, bo));
        expect(again.importId).toBeNull();
        expect(again.counts).toMatchObject({ added: 0, updated: 0, deleted: 0 });
        expect(contentDigest(ana)).toBe(digest);
        expect(rows(ana, 'SELECT id FROM merge_conflicts')).toEqual(conflicts);
      }),
      { numRuns: 30 },
    );
  });

  it('merging A into B and then B into A leaves both with the same non-conflicting content', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { ana, bo } = await setUp(s);
        await withCase(bo, (store) => importInto(store, ana));
        await withCase(ana, (store) => importInto(store, bo));
        const a = contentById(ana);
        const b = contentById(bo);
        expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
        const inConflict = new Set([...conflictIds(ana), ...conflictIds(bo)]);
        for (const [id, hash] of a) if (!inConflict.has(id)) expect(b.get(id), id).toBe(hash);
      }),
      { numRuns: 30 },
    );
  });

  it('no row is ever lost: every row of both cases is in the merged case, and every conflicting version is kept', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const { ana, bo } = await setUp(s);
        const mine = contentById(ana);
        const theirs = contentById(bo);
        await withCase(ana, (store) => importInto(store, bo));
        const merged = contentById(ana);
        for (const id of [...mine.keys(), ...theirs.keys()]) expect(merged.has(id), id).toBe(true);
        // A conflicting row keeps my version in the table and theirs in merge_conflicts.
        const waiting = rows<{ row_id: string }>(ana, 'SELECT row_id FROM merge_conflicts');
        for (const { row_id } of waiting) expect(merged.get(row_id)).toBe(mine.get(row_id));
        // A row I did not change since we diverged and they did is theirs now; anything else
        // of mine is as it was (or waiting in a conflict).
        for (const [id, hash] of mine) {
          const now = merged.get(id)!;
          if (now !== hash) expect(now).toBe(theirs.get(id));
        }
      }),
      { numRuns: 30 },
    );
  });
});

/**
 * Conflicts over time: the two keep working, importing each other's file round after round,
 * and each resolves (or leaves) the conflicts on their side. However that goes, a row of
 * Ana's has at most one conflict waiting, and none whose two sides are the same.
 */
const roundArb = fc.record({
  anaOps: fc.array(opArb, { maxLength: 4 }),
  boOps: fc.array(opArb, { maxLength: 4 }),
  boImportsAna: fc.boolean(),
  boChooses: fc.constantFrom('none', 'mine', 'theirs', 'both') as fc.Arbitrary<ConflictChoice | 'none'>,
  anaChooses: fc.constantFrom('none', 'none', 'mine', 'theirs', 'both') as fc.Arbitrary<ConflictChoice | 'none'>,
});

const roundsArb = fc.record({
  base: fc.integer({ min: 1, max: 3 }),
  bobCopies: fc.boolean(),
  rounds: fc.array(roundArb, { minLength: 1, maxLength: 4 }),
});

function resolveAll(file: string, choice: ConflictChoice | 'none', who: string): void {
  if (choice === 'none') return;
  const db = openTargetConnection({ path: file, caseId: ANA_CASE });
  try {
    const caseId = rows<{ value: string }>(file, `SELECT value FROM faultline_meta WHERE key = 'case_id'`)[0]!.value;
    for (const c of listConflicts(db, caseId)) resolveConflict(db, caseId, c.id, choice, who);
  } finally {
    db.close();
  }
}

/** Every conflict waiting in `file`: its row, and whether my version and theirs are the same. */
function waitingConflicts(file: string): { row: string; same: boolean }[] {
  const db = openReadOnly(file);
  try {
    const writer = new MergeWriter(db, ANA_CASE);
    return (db.prepare('SELECT table_name, row_id, theirs_rev FROM merge_conflicts').all() as { table_name: 'incidents' | 'zones'; row_id: string; theirs_rev: string }[]).map((c) => {
      const mine = writer.mine(c.table_name, c.row_id) as Incident;
      const rev = contentHash({ fields: mine.fields, admin: mine.admin, deleted: mine.provenance.deleted_at !== null });
      return { row: `${c.table_name}:${c.row_id}`, same: rev === c.theirs_rev };
    });
  } finally {
    db.close();
  }
}

function expectTidyConflicts(file: string): void {
  const waiting = waitingConflicts(file);
  expect(waiting.filter((c) => c.same), 'a conflict whose two sides are the same').toEqual([]);
  const rowsWaiting = waiting.map((c) => c.row);
  expect(rowsWaiting, 'more than one conflict waiting for a row').toEqual([...new Set(rowsWaiting)]);
}

describe('conflict properties', () => {
  it('at most one conflict waits per row, and none whose two sides are the same', async () => {
    await fc.assert(
      fc.asyncProperty(roundsArb, async (s) => {
        const { ana, bo } = await setUp({ base: s.base, bobCopies: s.bobCopies, anaOps: [], boOps: [] });
        for (const round of s.rounds) {
          await withCase(ana, async (store) => play(store, round.anaOps, 'Ana'));
          await withCase(bo, async (store) => play(store, round.boOps, 'Bo'));
          if (round.boImportsAna) {
            await withCase(bo, (store) => importInto(store, ana, { author: 'Bo' }));
            resolveAll(bo, round.boChooses, 'Bo');
          }
          await withCase(ana, (store) => importInto(store, bo));
          expectTidyConflicts(ana);
          resolveAll(ana, round.anaChooses, 'Ana');
          expectTidyConflicts(ana);
        }
      }),
      { numRuns: 25 },
    );
  });
});
