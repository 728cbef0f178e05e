import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BASEMAP_NOT_BUILT, clearBasemapCache, loadBasemap } from '../loadBasemap';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources');
const empty = mkdtempSync(join(tmpdir(), 'faultline-basemap-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('loadBasemap', () => {
  it('says how to build the basemap when it is missing', () => {
    expect(() => loadBasemap(empty)).toThrow(BASEMAP_NOT_BUILT);
    expect(BASEMAP_NOT_BUILT).toBe('The offline basemap has not been built: run npm run build');
  });

  it('reads the generated basemap once per process', () => {
    clearBasemapCache();
    const basemap = loadBasemap(resources);
    expect(basemap.countries.features.map((f) => f.properties.iso3)).toContain('XKX');
    expect(basemap.entities.features).toHaveLength(3);
    expect(basemap.places.length).toBeGreaterThan(2000);
    expect(loadBasemap(resources)).toBe(basemap);
  });
});
