import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../paths';
import { createCase } from '../../store/caseStore';
import { newIncidentFields } from '../../../shared/domain/incident';

const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from its TypeScript sources, as `faultline <args>` would. */
function faultline(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', "import('./electron/cli/index.ts').then((m) => m.main(process.argv.slice(1)))", ...args],
    { cwd: appRoot(), encoding: 'utf8', env: { ...process.env, FAULTLINE_USER_DATA: join(dir, 'user') } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('faultline CLI', () => {
  const demo = join(dir, 'demo.gpkg');

  it('writes the demo case and reports its stats as JSON', () => {
    expect(faultline('demo', demo).code).toBe(0);
    const stats = faultline('stats', demo, '--json');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout);
    expect(parsed).toEqual({ incidents: expect.any(Number), zones: 0, first: '2023-05-26', last: '2023-11-28' });
    expect(parsed.incidents).toBeGreaterThanOrEqual(7);
  });

  it('refuses to overwrite an existing file', () => {
    const again = faultline('demo', demo);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('validates a case, and says in one line what is wrong with anything else', () => {
    expect(faultline('validate', demo).code).toBe(0);
    const text = join(dir, 'notes.gpkg');
    writeFileSync(text, 'just some text, not a database');
    const cases: [string, RegExp][] = [
      [text, /not a SQLite file/],
      [join(dir, 'missing.gpkg'), /does not exist/],
    ];
    for (const [file, message] of cases) {
      const r = faultline('validate', file);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
    }
  });

  it('imports a colleague’s case and prints the counts as JSON; the same file again changes nothing', () => {
    const mine = join(dir, 'mine.gpkg');
    expect(faultline('demo', mine).code).toBe(0);
    const theirs = join(dir, 'theirs.gpkg');
    const store = createCase(theirs, { name: 'Colleague', author: 'Bo' });
    store.saveIncident({ fields: { ...newIncidentFields(20.8, 42.9, '2023-06-01'), title: 'Roadblock near Jarinje' } }, { country: 'Kosovo', admin1: '', admin2: '' }, 'Bo');
    store.close();
    const first = faultline('import', mine, theirs, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 0, conflicts: 0 });
    const again = faultline('import', mine, theirs, '--json');
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 1, conflicts: 0 });
    expect(JSON.parse(faultline('stats', mine, '--json').stdout).incidents).toBeGreaterThanOrEqual(8);
  });

  it('refuses to import what is not a case, in one line, with a non-zero exit', () => {
    const mine = join(dir, 'mine2.gpkg');
    expect(faultline('demo', mine).code).toBe(0);
    const text = join(dir, 'letter.gpkg');
    writeFileSync(text, 'Dear colleague, here is my case.');
    for (const [file, message] of [
      [text, /“letter\.gpkg” is not a SQLite file\./],
      [join(dir, 'nowhere.gpkg'), /“nowhere\.gpkg” does not exist\./],
      [mine, /is the case you have open/],
    ] as const) {
      const r = faultline('import', mine, file, '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(faultline('import', mine).code).toBe(2);
  });

  it('rejects unknown commands and options with a usage hint', () => {
    expect(faultline('explode').code).toBe(2);
    const r = faultline('stats', demo, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--help/);
  });
});
