import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../paths';

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
    expect(parsed).toEqual({ incidents: expect.any(Number), zones: 3, first: '2023-05-26', last: '2023-11-28' });
    expect(parsed.incidents).toBeGreaterThanOrEqual(7);
  });

  it('lists every zone with its measures, coverage, incidents inside and distance to the boundary', () => {
    const r = faultline('zones', demo, '--json');
    expect(r.code).toBe(0);
    const zones = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(zones.map((z) => z.name)).toEqual([
      'Ground Safety Zone, 5 km (1999–2001, historical)',
      'KFOR presence in the northern municipalities (2023)',
      'Serbian force build-up near the boundary (late Sept. 2023)',
    ]);
    for (const z of zones) {
      expect(Object.keys(z).sort()).toEqual(
        ['affiliation', 'area_km2', 'countries', 'distance_to_kosovo_serbia_boundary_km', 'entities', 'id', 'incidents_inside', 'kind', 'length_km', 'municipalities', 'name', 'perimeter_km', 'sidc', 'status'].sort(),
      );
    }
    const kfor = zones[1] as { affiliation: string; sidc: string; area_km2: number; countries: { name: string; km2: number }[]; municipalities: { name: string }[]; incidents_inside: number; distance_to_kosovo_serbia_boundary_km: number };
    expect(kfor.affiliation).toBe('friend');
    expect(kfor.sidc).toMatch(/^10031000\d{12}$/);
    expect(kfor.countries).toEqual([{ name: 'Kosovo', km2: kfor.area_km2 }]);
    expect(kfor.municipalities.map((m) => m.name).sort()).toEqual(['Kosovska Mitrovica', 'Leposavić', 'Zubin Potok', 'Zvečan']);
    expect(kfor.incidents_inside).toBeGreaterThanOrEqual(3); // Zvečan, Banjska, the police detained near Leposavić
    expect(kfor.distance_to_kosovo_serbia_boundary_km).toBe(0);
    const human = faultline('zones', demo);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('KFOR presence in the northern municipalities (2023)');
    expect(human.stdout).toMatch(/countries: +Serbia 1,4\d\d\.\d km²/);
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

  it('rejects unknown commands and options with a usage hint', () => {
    expect(faultline('explode').code).toBe(2);
    const r = faultline('stats', demo, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--help/);
  });
});
