import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../store/caseStore';
import { caseWithComputedColumn, caseWithRows, caseWithTriggerAndView, colleagueCase, notSqlite } from '../../imports/test/hostileCorpus';
import { ANA_CASE, caseWith, fileBytesHash, tempDir } from '../../imports/test/mergeHelpers';
import { importCaseFileCommand } from '../importCommand';

/**
 * `faultline import` with a file it refuses: one clear message, and the target case byte for
 * byte as it was (the command opens nothing of it for writing before the file has passed).
 */

function run(dir: string, target: string, other: string, importValidPart = false) {
  return importCaseFileCommand({ target, other, importValidPart, userDataDir: path.join(dir, 'user'), openCase });
}

async function refusedByCli(make: (dir: string, target: string) => string, message: RegExp): Promise<void> {
  const dir = tempDir();
  const { file: target } = caseWith(dir, 'ana', 3, { id: ANA_CASE });
  const bytes = fileBytesHash(target);
  const other = make(dir, target);
  const error = await run(dir, target, other).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message.split('\n')).toHaveLength(1);
  expect(fileBytesHash(target)).toBe(bytes);
}

describe('faultline import refuses a file and leaves the case byte for byte as it was', () => {
  it('a symbolic link', () =>
    refusedByCli((dir) => {
      const link = path.join(dir, 'link.gpkg');
      fs.symlinkSync(colleagueCase(dir), link);
      return link;
    }, /^“link\.gpkg” is a symbolic link;/));

  it('a file still being written', () =>
    refusedByCli((dir) => {
      const file = colleagueCase(dir, 'open-in-qgis.gpkg');
      fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
      return file;
    }, /^“open-in-qgis\.gpkg” is still open in another program/));

  it('triggers and views, without --skip-invalid', () => refusedByCli((dir) => caseWithTriggerAndView(dir), /^“with-trigger\.gpkg” contains a trigger “exfiltrate”.* Nothing was changed; import the valid part to go on\.$/));

  it('invalid rows, without --skip-invalid', () => refusedByCli((dir) => caseWithRows(dir, 'crafted.gpkg', [{}, { title: null }]), /^“crafted\.gpkg” has 1 row Faultline cannot import/));

  it('the case itself', () => refusedByCli((_dir, target) => target, /is the case you have open; there is nothing to import from it\.$/));

  it('not SQLite', () => refusedByCli((dir) => notSqlite(dir), /^“minutes\.gpkg” is not a SQLite file\.$/));

  it('a computed column', () => refusedByCli((dir) => caseWithComputedColumn(dir, 'audit_log'), /^“computed-audit_log\.gpkg” has a computed column “pad”/));

  it('the same file a second time changes nothing', async () => {
    const dir = tempDir();
    const { file: target } = caseWith(dir, 'ana', 3, { id: ANA_CASE });
    const other = colleagueCase(dir);
    expect((await run(dir, target, other)).counts.added).toBe(3);
    const bytes = fileBytesHash(target);
    const again = await run(dir, target, other);
    expect(again.counts).toMatchObject({ added: 0, updated: 0, deleted: 0 });
    expect(fileBytesHash(target)).toBe(bytes);
  });

  it('a target that is not a case is named as the problem', async () => {
    const dir = tempDir();
    const target = notSqlite(dir);
    await expect(run(dir, target, colleagueCase(dir))).rejects.toThrow(/^“minutes\.gpkg” is not a SQLite file\.$/);
  });
});
