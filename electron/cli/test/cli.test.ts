import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    ['--import', 'tsx', '-e', "import('./electron/cli/index.ts').then((m) => m.main(process.argv.slice(1)))", '--', ...args],
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

  it('refuses a word too many instead of ignoring it, and answers --version', () => {
    const r = faultline('stats', demo, 'extra');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('faultline: stats takes one file; “extra” is one too many (quote a path that has spaces)');
    const v = faultline('--version');
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says in one line that a port is taken, without an internal error', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolveRun) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '-e', "import('./electron/cli/index.ts').then((m) => m.main(process.argv.slice(1)))", 'serve', '--port', String(port)], {
          cwd: appRoot(),
          env: { ...process.env, FAULTLINE_USER_DATA: join(dir, 'user-serve') },
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += String(d)));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolveRun({ code, stderr });
        });
      });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`faultline: port ${port} is already in use on 127.0.0.1; choose another with --port, or leave it out to take a free one`);
    } finally {
      busy.close();
    }
  }, 40_000);
});

describe('faultline export', () => {
  const demo = join(dir, 'export-demo.gpkg');

  it('writes each format, says what it wrote, and refuses to replace a file without --force', () => {
    expect(faultline('demo', demo).code).toBe(0);
    for (const format of ['geojson', 'kml', 'kmz', 'csv']) {
      const out = join(dir, `demo-export.${format}`);
      const r = faultline('export', demo, '--format', format, '--out', out, '--json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result).toMatchObject({ path: out, format });
      expect(result.incidents).toBeGreaterThanOrEqual(7);
      expect(result.bytes).toBeGreaterThan(500);
    }
    const out = join(dir, 'demo-export.kml');
    const again = faultline('export', demo, '--format', 'kml', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; add --force/);
    expect(faultline('export', demo, '--format', 'kml', '--out', out, '--force').code).toBe(0);
  });

  it('adds the extension, and says in one line what is wrong', () => {
    const r = faultline('export', demo, '--format', 'csv', '--out', join(dir, 'no-extension'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no-extension\.csv/);
    // No byte-order mark unless asked for Excel with --bom.
    expect(readFileSync(join(dir, 'no-extension.csv'), 'utf8').charCodeAt(0)).not.toBe(0xfeff);
    expect(faultline('export', demo, '--format', 'csv', '--bom', '--out', join(dir, 'excel.csv')).code).toBe(0);
    expect(readFileSync(join(dir, 'excel.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
    const cases: [string[], RegExp, number][] = [
      [['export', demo, '--format', 'shp', '--out', join(dir, 'x.shp')], /--format must be one of geojson, kml, kmz, csv/, 2],
      [['export', demo, '--format', 'csv'], /output file \(--out\) is missing/, 2],
      [['export', join(dir, 'missing.gpkg'), '--format', 'csv', '--out', join(dir, 'x.csv')], /does not exist/, 1],
      [['export', demo, '--format', 'csv', '--out', join(dir, 'nope', 'x.csv')], /folder .* does not exist/, 1],
      [['export', demo, '--format', 'kml', '--bom', '--out', join(dir, 'x.kml')], /--bom is for --format csv only/, 2],
    ];
    for (const [args, message, code] of cases) {
      const run = faultline(...args);
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    // Named like the case (or as another kind of file), the export is refused: the case is
    // never written over, and no demo.gpkg.geojson appears.
    const clash = faultline('export', demo, '--format', 'geojson', '--out', demo, '--force');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/export-demo\.gpkg is named as a case file; this writes a GeoJSON file: give a name ending in \.geojson/);
    expect(existsSync(`${demo}.geojson`)).toBe(false);
    expect(faultline('validate', demo).code).toBe(0);
    expect(faultline('export', demo, '--format', 'kml', '--out', join(dir, 'x.csv')).stderr).toMatch(/x\.csv is named as a CSV file; this writes a KML file/);
  });
});

describe('faultline report', () => {
  const demo = join(dir, 'report-demo.gpkg');

  it('prints a PDF of the demo case with the chosen filters', () => {
    expect(faultline('demo', demo).code).toBe(0);
    const out = join(dir, 'north.pdf');
    const r = faultline('report', demo, '--out', out, '--title', 'North Kosovo', '--marking', 'RESTRICTED', '--area', 'municipality:Zvečan', '--from', '2023-05-01', '--types', 'riots,battles,protests', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = JSON.parse(r.stdout);
    expect(written.path).toBe(out);
    // The demo's KFOR zone in the northern municipalities lies in Zvečan.
    expect(written.zones).toBeGreaterThanOrEqual(1);
    expect(written.incidents).toBeGreaterThanOrEqual(2);
    expect(written.pages).toBeGreaterThanOrEqual(3);
    // One incident is one incident.
    const rs = faultline('report', demo, '--out', join(dir, 'rs.pdf'), '--area', 'entity:RS');
    expect(rs.stdout).toMatch(/^Wrote a \d+-page report \(1 incident, 0 zones\) to .*rs\.pdf$/m);
    const again = faultline('report', demo, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; add --force/);
  });

  it('says in one line what is wrong with the options, or that there is no Chromium', () => {
    const out = join(dir, 'bad.pdf');
    // More option errors are unit-tested in reportArgs.test.ts; these go through the whole CLI.
    const cases: [string[], RegExp][] = [
      [['--types', 'Parades'], /--types: “Parades” is not an event type/],
      [['--area', 'municipality:Atlantis'], /no admin area “Atlantis”/],
      [['--from', '2023-06-01', '--to', '2023-05-01'], /ends before it starts/],
      [['--fit', 'view'], /--fit view shows the box of --area bbox:<west>,<south>,<east>,<north>/],
      [['--out', demo], /report-demo\.gpkg is named as a case file; this writes a PDF: give a name ending in \.pdf/],
    ];
    for (const [args, message] of cases) {
      const r = faultline('report', demo, '--out', out, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./electron/cli/index.ts').then((m) => m.main(process.argv.slice(1)))", 'report', demo, '--out', out],
      { cwd: appRoot(), encoding: 'utf8', env: { ...process.env, FAULTLINE_USER_DATA: join(dir, 'user'), FAULTLINE_CHROMIUM: join(dir, 'no-chromium-here') } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^faultline: No Chromium found: install chromium or set FAULTLINE_CHROMIUM/);
  });
});
