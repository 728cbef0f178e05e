import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../paths';
import { openCase } from '../../store/caseStore';
import { ANA_CASE, caseWith, contentDigest, edit, sampleFields, tempDir, ZVECAN } from './mergeHelpers';

/**
 * The process is killed (SIGKILL: no cleanup, no exit handlers) in the middle of a large merge,
 * again and again on the same case file. After every kill the case must be either fully as it
 * was before the merge or fully merged, and pass `PRAGMA integrity_check`.
 */

const CHILD = path.join(appRoot(), 'electron', 'imports', 'test', 'mergeChild.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from spawn to `begin` and to `done` (null when not reached). */
  begin: number | null;
  done: number | null;
}

function runChild(target: string, other: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, other], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { code: null, signal: null, begin: null, done: null };
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      if (run.begin === null && out.includes('begin\n')) run.begin = Date.now() - started;
      if (run.done === null && out.includes('done\n')) run.done = Date.now() - started;
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal === null) throw new Error(`the merge process failed: ${stderr}`);
      resolve({ ...run, code, signal });
    });
  });
}

function integrity(file: string): string {
  // Opening read-write lets SQLite recover from the WAL the kill left behind, as the app would.
  const db = new Database(file);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

function imports(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM merge_imports').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a merge killed at any moment', () => {
  it('leaves the case fully before or fully after, and intact', async () => {
    const dir = tempDir();
    const ana = caseWith(dir, 'ana', 1000, { id: ANA_CASE });
    // Bo's case: a copy of Ana's with 300 of her incidents edited, and 15,000 of his own.
    const big = path.join(dir, 'bo.gpkg');
    fs.copyFileSync(ana.file, big);
    edit(big, (s) => {
      for (const id of ana.ids.slice(0, 300)) s.saveIncident({ id, fields: sampleFields({ title: 'Edited by Bo' }) }, ZVECAN, 'Bo');
      s.saveIncidentsBulk(Array.from({ length: 15000 }, (_, i) => ({ fields: sampleFields({ title: `Bo ${i}`, lon: 19 + i / 100000 }), admin: ZVECAN })), 'Bo');
    });

    const before = contentDigest(ana.file);
    const reference = path.join(dir, 'reference.gpkg');
    fs.copyFileSync(ana.file, reference);
    const complete = await runChild(reference, big, null);
    const after = contentDigest(reference);
    expect(after).not.toBe(before);

    // Kill times spread from just before the merge starts to just after it usually ends.
    const from = Math.max(0, complete.begin! - 100);
    const to = complete.done! + 50;
    const outcomes: string[] = [];
    const kills = 6;
    for (let i = 0; i < kills; i++) {
      const at = Math.round(from + ((to - from) * (i + Math.random())) / kills);
      const run = await runChild(ana.file, big, at);
      expect(integrity(ana.file)).toBe('ok');
      const digest = contentDigest(ana.file);
      expect([before, after]).toContain(digest);
      expect(imports(ana.file)).toBe(digest === before ? 0 : 1);
      outcomes.push(`${at} ms: ${run.signal ? 'killed' : 'finished'}, ${digest === before ? 'before' : 'after'}`);
      if (digest === after) break; // merged: a later run changes nothing
    }
    // Whatever the kills did, the case opens, and running the merge to the end completes it.
    await runChild(ana.file, big, null);
    expect(integrity(ana.file)).toBe('ok');
    expect(contentDigest(ana.file)).toBe(after);
    openCase(ana.file).close();
    expect(outcomes.some((o) => o.includes('killed'))).toBe(true);
  }, 180_000);
});
