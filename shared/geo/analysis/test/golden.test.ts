import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_RUNNERS } from './goldenRunners';

/**
 * Golden fixtures, as Turf tests its modules: every `test/in/<function>.<case>.geojson` is run
 * through its function and compared with `test/out/` of the same name. After a deliberate
 * change of results, regenerate the outputs with
 *   FAULTLINE_UPDATE_GOLDEN=1 npx vitest run shared/geo/analysis
 * and read the diff before committing it (the files are GeoJSON: open them in QGIS too).
 */
const here = import.meta.dirname;
const IN = join(here, 'in');
const OUT = join(here, 'out');
const update = process.env.FAULTLINE_UPDATE_GOLDEN === '1';

const fixtures = readdirSync(IN).filter((f) => f.endsWith('.geojson')).sort();

describe('analysis golden fixtures', () => {
  it('every analysis function has at least one fixture', () => {
    const covered = new Set(fixtures.map((f) => f.split('.')[0]));
    expect([...Object.keys(GOLDEN_RUNNERS)].filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const file of fixtures) {
    it(file, () => {
      const name = file.split('.')[0]!;
      const runner = GOLDEN_RUNNERS[name];
      if (!runner) throw new Error(`No golden runner for ${name}`);
      const result = runner(JSON.parse(readFileSync(join(IN, file), 'utf8')));
      const text = JSON.stringify(result, null, 1) + '\n';
      if (update) writeFileSync(join(OUT, file), text);
      const expected = JSON.parse(readFileSync(join(OUT, file), 'utf8'));
      expect(JSON.parse(text)).toEqual(expected);
    });
  }
});
