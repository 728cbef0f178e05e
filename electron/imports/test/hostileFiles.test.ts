import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GpkgCaseStore } from '../../store/caseStore';
import { applyCaseImport, prepareCaseImport } from '../caseImport';
import { ImportFileError, type ImportProblem } from '../importErrors';
import { copyOutsideFile } from '../sourceFile';
import {
  caseWithComputedColumn,
  caseWithLongDetail,
  caseWithRows,
  caseWithTriggerAndView,
  colleagueCase,
  corruptedCase,
  gdalGeoPackage,
  newerSchemaCase,
  notSqlite,
  polygonBlob,
  rawPointBlob,
  sqliteNotGpkg,
  truncatedCase,
  validRow,
} from './hostileCorpus';
import { ANA_CASE, AUTHOR, caseContent, caseWith, fileBytesHash, rows, tempDir, withCase } from './mergeHelpers';

/**
 * Hostile and broken files (issue 5): each gets one clear message naming the problem, and the
 * analyst's case stays byte-for-byte as it was (its file and WAL hashed around the attempt),
 * unless the analyst chose to import the valid part.
 */

async function attempt(store: GpkgCaseStore, file: string, importValidPart = false) {
  const target = { path: store.path, caseId: store.caseId };
  const prepared = await prepareCaseImport(file, target);
  if (prepared.kind !== 'case') return { foreign: prepared.message };
  try {
    return { preview: prepared.prepared.preview, result: await applyCaseImport(prepared.prepared, target, { author: AUTHOR, importValidPart, snapshotDir: null }) };
  } finally {
    prepared.prepared.dispose();
  }
}

/** Runs `fn` against Ana's open case and checks her file's bytes did not change. */
async function untouched(fn: (store: GpkgCaseStore, dir: string) => Promise<void>): Promise<void> {
  const dir = tempDir();
  const ana = caseWith(dir, 'ana', 3, { id: ANA_CASE });
  await withCase(ana.file, async (store) => {
    const before = fileBytesHash(ana.file);
    await fn(store, dir);
    expect(fileBytesHash(ana.file)).toBe(before);
  });
}

async function refused(make: (dir: string) => string, problem: ImportProblem, message: string | RegExp): Promise<void> {
  await untouched(async (store, dir) => {
    const file = make(dir);
    const error = await attempt(store, file).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).problem).toBe(problem);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });
}

describe('hostile and broken files get one clear message, and the case is untouched', () => {
  it('not SQLite at all', () => refused(notSqlite, 'not_sqlite', /^“minutes\.gpkg” is not a SQLite file\.$/));

  it('a truncated SQLite file', () => refused(truncatedCase, 'corrupt', /^“cut-off\.gpkg” is damaged \(it is shorter than its header says; it may have been cut off while being copied\)\.$/));

  it('a corrupted SQLite file', () => refused(corruptedCase, 'corrupt', /^“damaged\.gpkg” is damaged \(/));

  it('SQLite but not a GeoPackage', () => refused(sqliteNotGpkg, 'not_gpkg', /^“contacts\.gpkg” is a SQLite database but not a GeoPackage\.$/));

  it('a Faultline case with a newer schema version', () =>
    refused(newerSchemaCase, 'newer_schema', /^“from-the-future\.gpkg” was written by a newer version of Faultline \(schema 99; this version reads up to \d+\)\. Update Faultline to open it\.$/));

  it('a file that is a symbolic link', () =>
    refused(
      (dir) => {
        const link = path.join(dir, 'link.gpkg');
        fs.symlinkSync(colleagueCase(dir), link);
        return link;
      },
      'symlink',
      /^“link\.gpkg” is a symbolic link; Faultline imports files, not links to them \(choose the file the link points to\)\.$/,
    ));

  it('a file still being written (SQLite’s -wal beside it)', () =>
    refused(
      (dir) => {
        const file = colleagueCase(dir, 'open-in-qgis.gpkg');
        fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
        return file;
      },
      'being_written',
      /^“open-in-qgis\.gpkg” is still open in another program or was not closed properly \(“open-in-qgis\.gpkg-wal” is next to it\)/,
    ));

  it('a file still being written (it grows while it is read)', () => {
    const dir = tempDir();
    const file = colleagueCase(dir, 'copying.gpkg');
    let error: unknown = null;
    try {
      copyOutsideFile(file, { sqlite: true, afterCopy: () => fs.appendFileSync(file, Buffer.alloc(4096)) }).dispose();
    } catch (err) {
      error = err;
    }
    expect((error as ImportFileError).problem).toBe('being_written');
    expect((error as Error).message).toBe('“copying.gpkg” changed while Faultline was reading it (it is probably still being copied or saved); wait until it is complete and import it again.');
  });

  it('the open case itself', () =>
    untouched(async (store) => {
      await expect(attempt(store, store.path)).rejects.toThrow(/is the case you have open; there is nothing to import from it\.$/);
    }));

  it('a GeoPackage that is not a Faultline case is offered as foreign data', () =>
    untouched(async (store, dir) => {
      const outcome = await attempt(store, gdalGeoPackage(dir));
      expect(outcome.foreign).toBe('“checkpoints.gpkg” is a GeoPackage but not a Faultline case; its layers can be imported as data instead.');
    }));

  it('a case with triggers and views: named, never run, imported only when the analyst agrees', async () => {
    await untouched(async (store, dir) => {
      const file = caseWithTriggerAndView(dir);
      const error = await attempt(store, file).catch((err: unknown) => err);
      expect((error as ImportFileError).problem).toBe('foreign_schema_objects');
      expect((error as Error).message).toMatch(/^“with-trigger\.gpkg” contains a trigger “exfiltrate” that Faultline did not create\. Faultline reads only its tables and never runs that code\. Nothing was changed; import the valid part to go on\.$/);
    });
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
    await withCase(ana.file, async (store) => {
      const outcome = await attempt(store, caseWithTriggerAndView(dir), true);
      expect(outcome.result!.counts.added).toBe(3);
    });
    expect(rows(ana.file, `SELECT name FROM sqlite_master WHERE name IN ('exfiltrate', 'stolen', 'incidents_summary')`)).toEqual([]);
  });
});

/** Row-level problems: the file is a case, some of its rows are not acceptable. */
describe('rows Faultline cannot import are named with the reason, and skipped only when the analyst agrees', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a missing required field', { title: null }, /^title is missing$/],
    ['an impossible date', { occurred_at: '2023-02-30' }, /^occurred_at: The date 2023-02-30 does not exist$/],
    ['an impossible timestamp', { created_at: 'yesterday' }, /^created_at: Not a valid timestamp$/],
    ['a longitude outside ±180', { geom: rawPointBlob(200, 42) }, /^lon: Longitude must be between -180 and 180$/],
    ['a latitude outside ±90', { geom: rawPointBlob(20, -95) }, /^lat: Latitude must be between -90 and 90$/],
    ['NaN coordinates', { geom: rawPointBlob(NaN, NaN) }, /^geom: Expected a point geometry, found an empty Point$/],
    ['a wrong geometry type', { geom: polygonBlob() }, /^geom: Expected a point geometry, found a Polygon$/],
    ['an invalid GeoPackageBinary', { geom: Buffer.from('not a geometry at all') }, /^geom: invalid GeoPackageBinary \(The geometry is not GeoPackageBinary \(it does not start with “GP”\)\)$/],
    ['text of megabytes', { notes: 'A'.repeat(5 * 1024 * 1024) }, /^notes: Notes is longer than 20,000 characters$/],
    ['a number where text belongs', { title: 12345, fatalities: 'many' }, /^title: Invalid input: expected string, received number; fatalities: Fatalities must be a number$/],
    ['an id that is not a UUID', { id: 'DROP TABLE incidents;' }, /^id is not a valid UUID$/],
  ];

  for (const [kind, bad, reason] of cases) {
    it(kind, async () => {
      await untouched(async (store, dir) => {
        const file = caseWithRows(dir, 'crafted.gpkg', [{}, bad, {}]);
        const error = await attempt(store, file).catch((err: unknown) => err);
        expect((error as ImportFileError).problem).toBe('invalid_rows');
        expect((error as Error).message).toMatch(/^“crafted\.gpkg” has 1 row Faultline cannot import \(incident “.*”: .*\); nothing was changed\. Import the valid part to skip it\.$/);
      });
      const dir = tempDir();
      const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
      await withCase(ana.file, async (store) => {
        const outcome = await attempt(store, caseWithRows(dir, 'crafted.gpkg', [{}, bad, {}]), true);
        expect(outcome.preview!.skipped.total).toBe(1);
        const [skipped] = outcome.preview!.skipped.rows;
        expect(skipped!.row).toBe(2);
        expect(skipped!.reason).toMatch(reason);
        expect(outcome.result!.counts.added).toBe(2);
        expect(outcome.result!.skipped).toBe(1);
      });
    });
  }

  it('duplicate ids: every row sharing an id is skipped', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
    const twin = validRow(7).id;
    await withCase(ana.file, async (store) => {
      const outcome = await attempt(store, caseWithRows(dir, 'twins.gpkg', [{}, { id: twin, title: 'One' }, { id: twin, title: 'Other' }]), true);
      expect(outcome.preview!.skipped.rows.map((r) => r.reason)).toEqual([
        'its id is shared by 2 rows of the file, so none of them can be trusted',
        'its id is shared by 2 rows of the file, so none of them can be trusted',
      ]);
      expect(outcome.result!.counts.added).toBe(1);
    });
  });

  it('<script> and onerror= payloads in every text field are kept as text', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1, { id: ANA_CASE });
    const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const texts = Object.fromEntries(['title', 'actor1', 'actor2', 'location_name', 'country', 'admin1', 'admin2', 'source', 'notes', 'author', 'created_by'].map((c) => [c, `${c} ${payload}`]));
    await withCase(ana.file, async (store) => {
      const outcome = await attempt(store, caseWithRows(dir, 'payloads.gpkg', [{ ...texts, tags: '<img src=x onerror=alert(1)>; <b>bold</b>' }]));
      expect(outcome.result!.counts.added).toBe(1);
    });
    const row = caseContent(ana.file).incidents.find((r) => String(r.title).startsWith('title <script>'))!;
    expect(row.notes).toBe(`notes ${payload}`);
    expect(row.author).toBe(`author ${payload}`);
  });
});

/**
 * Computed (generated) columns are refused in whichever table of the case file they are, before
 * the integrity check (which reads every column of every row) or any read of a row.
 */
describe('a case file with a computed column, or a case detail of megabytes, is refused before anything is read', () => {
  const tables = ['incidents', 'zones', 'audit_log', 'row_revisions', 'merge_imports', 'merge_conflicts', 'faultline_meta', 'reference_overlays', 'reference_features', 'gpkg_contents'];
  for (const table of tables) {
    it(`in ${table}`, () =>
      refused(
        (dir) => caseWithComputedColumn(dir, table),
        'computed_columns',
        new RegExp(`^“computed-${table}\\.gpkg” has a computed column “pad” in its table “${table}”, whose values the file works out each time they are read; Faultline reads only stored values and does not import it\\.$`),
      ));
  }

  it('names of 100 MB computed for each of 100 earlier imports: refused at once, with nothing to cancel', async () => {
    const started = Date.now();
    await refused((dir) => caseWithComputedColumn(dir, 'merge_imports', 100, 100), 'computed_columns', /^“computed-merge_imports\.gpkg” has a computed column “pad”/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a case name of 5 MB', () =>
    refused((dir) => caseWithLongDetail(dir, 5 * 1024 * 1024), 'not_a_case_table', /^“long-name\.gpkg” holds a case detail “name” longer than any case Faultline writes, so it is not a case that can be imported\.$/));
});
