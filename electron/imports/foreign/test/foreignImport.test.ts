import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForeignLayerChoice, ForeignPreview } from '../../../../shared/domain/foreign';
import { resourcesDir } from '../../../paths';
import { createGeoService } from '../../../services/geoService';
import { openReadOnly } from '../../../store/connection';
import { caseContent, caseWith, fileBytesHash, tempDir, withCase, ANA_CASE, AUTHOR } from '../../test/mergeHelpers';
import { listConflicts } from '../../conflicts';
import { ImportFileError } from '../../importErrors';
import { gdalGeoPackageWithComputedColumn, geoPackageWithLongText } from '../../test/hostileCorpus';
import { FOREIGN_LIMITS } from '../foreignLayer';
import { readGpkgLayers } from '../readGpkgLayers';
import { readGeoJson } from '../readGeoJson';
import { applyForeignChoices, prepareForeignImport } from '../foreignImport';
import { listOverlays, overlayFeatures } from '../overlays';
import type { GpkgCaseStore } from '../../../store/caseStore';

/**
 * Data from other tools (issue 5). The GeoPackage, GeoJSON and KML files are made by GDAL's
 * ogr2ogr from the fixtures in ./in, as a colleague using QGIS would make them; ACLED's CSV
 * and a GPX track are fixtures as they come from ACLED and GPS devices.
 */

const IN = path.join(import.meta.dirname, 'in');
const geo = createGeoService(resourcesDir());

beforeAll(() => {
  if (spawnSync('ogr2ogr', ['--version']).status !== 0) throw new Error('GDAL is required for these tests: ogr2ogr was not found (install gdal-bin).');
});

function ogr2ogr(...args: string[]): void {
  execFileSync('ogr2ogr', args, { stdio: 'ignore' });
}

/** The suggested choice for every layer, as the mapping step pre-fills it. */
function suggested(preview: ForeignPreview, overrides: Record<string, Partial<ForeignLayerChoice>> = {}): ForeignLayerChoice[] {
  return preview.layers.map((l) => {
    const target = overrides[l.id]?.target ?? l.suggested.target;
    return { id: l.id, target, mapping: target === 'zones' ? l.suggested.zones : l.suggested.incidents, name: l.name, color: l.suggested.color, ...overrides[l.id] };
  });
}

function importData(store: GpkgCaseStore, file: string, choose: (p: ForeignPreview) => ForeignLayerChoice[] = (p) => suggested(p), opts: { dryRun?: boolean; importValidPart?: boolean } = {}) {
  const target = { path: store.path, caseId: store.caseId };
  const prepared = prepareForeignImport(file, target);
  const result = applyForeignChoices(prepared, target, choose(prepared.preview), { author: AUTHOR, lookup: geo.lookup, importValidPart: opts.importValidPart ?? false, dryRun: opts.dryRun ?? false });
  return { preview: prepared.preview, result };
}

function newCase() {
  const dir = tempDir();
  return { dir, file: caseWith(dir, 'ana', 0, { id: ANA_CASE }).file };
}

describe('GeoJSON, KML and GeoPackage made by GDAL', () => {
  it('GeoJSON points with a date become incidents, field by field, and importing again adds nothing', async () => {
    const { dir, file } = newCase();
    const geojson = path.join(dir, 'incidents.geojson');
    ogr2ogr('-f', 'GeoJSON', geojson, path.join(IN, 'incidents.geojson'));
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, geojson);
      const [layer] = preview.layers;
      expect(layer).toMatchObject({ featureCount: 3, geometryTypes: { Point: 3 }, suggested: { target: 'incidents' } });
      expect(layer!.suggested.incidents).toMatchObject({ title: { column: 'name' }, occurred_at: { column: 'date' }, event_type: { column: 'category' }, notes: { column: 'description' } });
      expect(result).toMatchObject({ incidents: 3, unchanged: 0, skipped: { total: 0 } });
      const again = importData(store, geojson).result;
      expect(again).toMatchObject({ incidents: 0, unchanged: 3 });
    });
    const rows = caseContent(file).incidents;
    expect(rows.map((r) => r.title).sort()).toEqual(['Crossing closed at Jarinje', 'Protest at the Zvečan municipal building', 'Roadblock near Leposavić']);
    expect(rows.find((r) => String(r.title).startsWith('Protest'))).toMatchObject({ event_type: 'Protests', sub_event_type: 'Peaceful protest', country: 'Kosovo', admin2: 'Zvečan' });
  });

  it('KML written by GDAL: placemarks with their attributes', async () => {
    const { dir, file } = newCase();
    const kml = path.join(dir, 'incidents.kml');
    ogr2ogr('-f', 'KML', kml, path.join(IN, 'incidents.geojson'));
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, kml);
      expect(preview.format).toBe('kml');
      expect(preview.layers[0]!.fields).toEqual(expect.arrayContaining(['name', 'date', 'category']));
      expect(result.incidents).toBe(3);
    });
  });

  it('a GeoPackage from GDAL: each layer mapped its own way; a layer in a system Faultline does not convert is left out with a warning', async () => {
    const { dir, file } = newCase();
    const gpkg = path.join(dir, 'qgis-project.gpkg');
    ogr2ogr('-f', 'GPKG', gpkg, path.join(IN, 'incidents.geojson'), '-nln', 'incidents_2023');
    ogr2ogr('-update', '-f', 'GPKG', gpkg, path.join(IN, 'areas.geojson'), '-nln', 'areas');
    // France's Lambert-93: a real system, and none a colleague in the region would convert from.
    ogr2ogr('-update', '-f', 'GPKG', gpkg, path.join(IN, 'areas.geojson'), '-nln', 'areas_lambert', '-t_srs', 'EPSG:2154');
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, gpkg, (p) => suggested(p, { areas: { target: 'zones' } }));
      expect(preview.layers.map((l) => [l.id, l.suggested.target])).toEqual([['areas', 'overlay'], ['incidents_2023', 'incidents']]);
      expect(preview.warnings).toEqual([expect.stringMatching(/^Layer “areas_lambert” is in a coordinate system Faultline does not convert \(EPSG 2154\) and was left out/)]);
      expect(result).toMatchObject({ incidents: 3, zones: 2 });
      const overlay = importData(store, gpkg, (p) => suggested(p, { incidents_2023: { target: 'skip' }, areas: { target: 'overlay', name: 'Study area', color: '#7b2cbf' } }));
      expect(overlay.result).toMatchObject({ overlays: 1, overlayFeatures: 2 });
    });
    const zones = caseContent(file).zones;
    expect(zones.map((z) => z.name).sort()).toEqual(['Main road Zvečan–Leposavić', 'North Kosovo study area']);
    const db = openReadOnly(file);
    const [overlay] = listOverlays(db);
    expect(overlay).toMatchObject({ name: 'Study area', color: '#7b2cbf', visible: true, featureCount: 2, sourceFile: 'qgis-project.gpkg' });
    expect(overlayFeatures(db, overlay!.id).features.map((f) => f.geometry.type)).toEqual(['Polygon', 'LineString']);
    db.close();
  });
});

describe('layers in Web Mercator and UTM, as QGIS projects and GDAL often write them', () => {
  const original = JSON.parse(fs.readFileSync(path.join(IN, 'incidents.geojson'), 'utf8')) as { features: { properties: { name: string }; geometry: { coordinates: [number, number] } }[] };
  const expected = new Map(original.features.map((f) => [f.properties.name, f.geometry.coordinates]));

  for (const [epsg, name] of [
    [3857, 'WGS 84 / Pseudo-Mercator'],
    [32634, 'WGS 84 / UTM zone 34N'],
    [32633, 'WGS 84 / UTM zone 33N'],
    [25834, 'ETRS89 / UTM zone 34N'],
  ] as const) {
    it(`EPSG:${epsg} (${name}): converted to longitude/latitude as GDAL converts it, within centimetres`, async () => {
      const { dir, file } = newCase();
      const gpkg = path.join(dir, `projected-${epsg}.gpkg`);
      ogr2ogr('-f', 'GPKG', gpkg, path.join(IN, 'incidents.geojson'), '-nln', 'incidents', '-t_srs', `EPSG:${epsg}`);
      const geojson = path.join(dir, `projected-${epsg}.geojson`);
      ogr2ogr('-f', 'GeoJSON', geojson, path.join(IN, 'incidents.geojson'), '-t_srs', `EPSG:${epsg}`, '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=4');
      for (const layers of [readGpkgLayers(gpkg, path.basename(gpkg)), readGeoJson(fs.readFileSync(geojson, 'utf8'), path.basename(geojson))]) {
        expect(layers.warnings).toEqual([expect.stringContaining(`converted from ${name} (EPSG:${epsg}) to longitude/latitude`)]);
        for (const f of layers.layers[0]!.features) {
          const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
          const [lon0, lat0] = expected.get(String(f.properties.name))!;
          // 1e-6° is about 10 cm here; GeoJSON's 4 decimals of a metre add a millimetre.
          expect(Math.abs(lon - lon0)).toBeLessThan(1e-6);
          expect(Math.abs(lat - lat0)).toBeLessThan(1e-6);
        }
      }
      await withCase(file, async (store) => {
        expect(importData(store, gpkg).result).toMatchObject({ incidents: 3 });
      });
      const rows = caseContent(file).incidents;
      expect(rows.map((r) => r.admin2).sort()).toEqual(['Leposavić', 'Leposavić', 'Zvečan']);
    });
  }

  it('a point that has no longitude/latitude in its system is a feature without location, not a crash', async () => {
    const { reprojectGeometry, reprojectionFor } = await import('../reproject');
    const mercator = reprojectionFor(3857)!;
    expect(reprojectGeometry({ type: 'Point', coordinates: [1e300, 0] }, mercator)).toBeNull();
    expect(reprojectGeometry({ type: 'Point', coordinates: ['x', 0] } as never, mercator)).toBeNull();
    expect(reprojectGeometry({ type: 'LineString', coordinates: 'nonsense' } as never, mercator)).toBeNull();
    expect(reprojectionFor(2154)).toBeNull();
    expect(reprojectionFor(Number.NaN)).toBeNull();
  });
});

describe('ACLED, GPX and KMZ', () => {
  it('an ACLED export is recognised and mapped column by column', async () => {
    const { file } = newCase();
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, path.join(IN, 'acled.csv'));
      expect(preview).toMatchObject({ format: 'csv', acled: true });
      expect(preview.layers[0]!.suggested.target).toBe('incidents');
      expect(result).toMatchObject({ incidents: 3, skipped: { total: 0 } });
      expect(importData(store, path.join(IN, 'acled.csv')).result).toMatchObject({ incidents: 0, unchanged: 3 });
    });
    const rows = caseContent(file).incidents;
    const clash = rows.find((r) => r.location_name === 'Banjska')!;
    expect(clash).toMatchObject({ title: 'Armed clash in Banjska', event_type: 'Battles', sub_event_type: 'Armed clash', fatalities: 4, occurred_at: '2023-09-24', actor1: 'Unidentified Armed Group (Kosovo)', actor2: 'Police Forces of Kosovo (2008-)' });
    expect(rows.find((r) => r.location_name === 'Leposavic')).toMatchObject({ occurred_at: '2023-05-30', time_precision: 2 });
    expect(rows.find((r) => r.location_name === 'Zvecan')).toMatchObject({ notes: 'Illustrative test data, with a comma and "quotes".', tags: 'crowd size=hundreds' });
  });

  it('GPX: waypoints and a track, the track as a reference overlay', async () => {
    const { file } = newCase();
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, path.join(IN, 'track.gpx'), (p) => suggested(p, { waypoints: { target: 'overlay' } }));
      expect(preview.layers.map((l) => [l.id, l.featureCount, Object.keys(l.geometryTypes)])).toEqual([['waypoints', 2, ['Point']], ['tracks', 1, ['LineString']]]);
      expect(result).toMatchObject({ overlays: 2, overlayFeatures: 3 });
    });
  });

  it('KMZ: the KML inside a zip', async () => {
    const { dir, file } = newCase();
    const kml = path.join(dir, 'doc.kml');
    ogr2ogr('-f', 'KML', kml, path.join(IN, 'incidents.geojson'));
    const kmz = path.join(dir, 'placemarks.kmz');
    fs.writeFileSync(kmz, zipSync({ 'doc.kml': fs.readFileSync(kml), 'files/icon.png': new Uint8Array(10) }));
    await withCase(file, async (store) => {
      expect(importData(store, kmz).result.incidents).toBe(3);
    });
  });
});

describe('foreign files that must not get in', () => {
  async function refused(make: (dir: string) => string, message: RegExp) {
    const { dir, file } = newCase();
    await withCase(file, async (store) => {
      const bytes = fileBytesHash(file);
      const error = (() => {
        try {
          importData(store, make(dir));
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toMatch(message);
      expect(fileBytesHash(file)).toBe(bytes);
    });
  }

  it('a KMZ zip bomb whose directory admits it', () =>
    refused((dir) => {
      const kmz = path.join(dir, 'bomb.kmz');
      fs.writeFileSync(kmz, zipSync({ 'doc.kml': new Uint8Array(160 * 1024 * 1024) }, { level: 9 }));
      return kmz;
    }, /^“bomb\.kmz” is not a usable KMZ: its KML says it unpacks to 160 MB; it looks built to exhaust memory \(a “zip bomb”\) and was not unpacked\.$/));

  it('a KMZ zip bomb whose directory lies about its size', () =>
    refused((dir) => {
      const zip = Buffer.from(zipSync({ 'doc.kml': new Uint8Array(40 * 1024 * 1024) }, { level: 9 }));
      // Claim 1 KB uncompressed in both the local header and the central directory.
      for (let i = 0; i < zip.length - 4; i++) {
        const sig = zip.readUInt32LE(i);
        if (sig === 0x04034b50) zip.writeUInt32LE(1024, i + 22);
        if (sig === 0x02014b50) zip.writeUInt32LE(1024, i + 24);
      }
      const kmz = path.join(dir, 'liar.kmz');
      fs.writeFileSync(kmz, zip);
      return kmz;
    }, /^“liar\.kmz” is not a usable KMZ: its KML (unpacks to more than its directory says|is compressed [\d,]+ to 1)/));

  it('GeoJSON in a coordinate system Faultline does not convert', () =>
    refused((dir) => {
      const f = path.join(dir, 'lambert.geojson');
      ogr2ogr('-f', 'GeoJSON', f, path.join(IN, 'incidents.geojson'), '-t_srs', 'EPSG:2154', '-lco', 'RFC7946=NO');
      return f;
    }, /^“lambert\.geojson” is in the coordinate system urn:ogc:def:crs:EPSG::2154, which Faultline does not convert; convert it to longitude\/latitude first/));

  it('GeoJSON nested thousands of levels deep', () =>
    refused((dir) => {
      const f = path.join(dir, 'deep.geojson');
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      fs.writeFileSync(f, `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":${deep}},"geometry":{"type":"Point","coordinates":[20.8,42.9]}}]}`);
      return f;
    }, /^“deep\.geojson” has values nested more than 64 levels deep, far deeper than GeoJSON needs; Faultline does not read it\.$/));

  it('a CSV without coordinates', () =>
    refused((dir) => {
      const f = path.join(dir, 'contacts.csv');
      fs.writeFileSync(f, 'name,phone\nAna,123\n');
      return f;
    }, /^“contacts\.csv” has no latitude and longitude columns/));

  it('rows with bad values are listed, and imported only with the analyst’s consent', async () => {
    const { dir, file } = newCase();
    const f = path.join(dir, 'mixed.geojson');
    const point = (name: string, date: string, lon: number, lat: number) => ({ type: 'Feature', properties: { name, date, note: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Point', coordinates: [lon, lat] } });
    fs.writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: [point('Good', '2023-05-29', 20.8, 42.9), point('Bad date', '2023-02-30', 20.8, 42.9), point('Off the map', '2023-05-29', 200, 42.9)] }));
    await withCase(file, async (store) => {
      const dry = importData(store, f, undefined, { dryRun: true }).result;
      expect(dry.skipped.rows.map((r) => [r.label, r.reason])).toEqual([
        ['Bad date', 'occurred_at: The date 2023-02-30 does not exist'],
        ['Off the map', 'longitude 200 is outside ±180'],
      ]);
      expect(store.info().counts.incidents).toBe(0);
      expect(() => importData(store, f)).toThrow(/^“mixed\.geojson” has 2 rows Faultline cannot import \(mixed, “Bad date”: occurred_at: The date 2023-02-30 does not exist\); nothing was changed\. Import the valid part to skip them\.$/);
      expect(store.info().counts.incidents).toBe(0);
      expect(importData(store, f, undefined, { importValidPart: true }).result).toMatchObject({ incidents: 1, skipped: { total: 2 } });
    });
  });
});

describe('GeoPackage layers are read through caps and a budget', () => {
  it('a layer with a computed column is refused before any row is read, naming the column', async () => {
    const { dir, file } = newCase();
    await withCase(file, async (store) => {
      const bytes = fileBytesHash(file);
      const started = Date.now();
      const error = (() => {
        try {
          importData(store, gdalGeoPackageWithComputedColumn(dir, 30));
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect((error as ImportFileError).problem).toBe('computed_columns');
      expect((error as Error).message).toBe('“checkpoints.gpkg” has a computed column “pad” in its table “checkpoints”, whose values the file works out each time they are read; Faultline reads only stored values and does not import it.');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(fileBytesHash(file)).toBe(bytes);
    });
  });

  it('long values are cut in SQL, before they reach memory and count against the budget', () => {
    const dir = tempDir();
    const gpkg = geoPackageWithLongText(dir, 20, 100_000);
    const dataset = readGpkgLayers(gpkg, 'checkpoints.gpkg', { features: 1000, datasetBytes: 1024 * 1024 });
    const [layer] = dataset.layers;
    expect(layer!.features).toHaveLength(20);
    expect((layer!.features[0]!.properties.notes as string).length).toBe(FOREIGN_LIMITS.valueChars);
  });

  it('a dataset over the budget is refused with one clear message', () => {
    const dir = tempDir();
    const gpkg = geoPackageWithLongText(dir, 60, 30_000);
    let error: unknown = null;
    try {
      readGpkgLayers(gpkg, 'checkpoints.gpkg', { features: 1000, datasetBytes: 1024 * 1024 });
    } catch (err) {
      error = err;
    }
    expect((error as ImportFileError).problem).toBe('too_large');
    expect((error as Error).message).toMatch(/^“checkpoints\.gpkg” holds more data than Faultline reads at once \(over 1 MB of attributes and shapes after \d+ features\); export the part you need into a smaller file/);
    expect(() => readGpkgLayers(gpkg, 'checkpoints.gpkg', { features: 50, datasetBytes: 1024 ** 3 })).toThrow(/^“checkpoints\.gpkg” has more than 50 features; Faultline imports up to that many at a time\.$/);
  });
});

describe('attributes are the feature’s own', () => {
  it('a column named “constructor” or “__proto__” is read from the feature, never from Object.prototype', async () => {
    const { dir, file } = newCase();
    const f = path.join(dir, 'odd.geojson');
    const point = (properties: Record<string, unknown>) => ({ type: 'Feature', properties: { date: '2023-06-01', ...properties }, geometry: { type: 'Point', coordinates: [20.8, 42.9] } });
    fs.writeFileSync(f, `{"type":"FeatureCollection","features":[${JSON.stringify(point({ title: 'With', constructor: 'KFOR' })).replace('"date"', '"__proto__":"proto value","date"')},${JSON.stringify(point({ title: 'Without' }))}]}`);
    await withCase(file, async (store) => {
      const { preview, result } = importData(store, f, (p) =>
        suggested(p).map((c) => ({ ...c, target: 'incidents' as const, mapping: { ...c.mapping, title: { column: 'title' }, occurred_at: { column: 'date' }, actor1: { column: 'constructor' }, notes: { value: '{__proto__} / {constructor}' } } })),
      );
      expect(preview.layers[0]!.fields).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
      expect(result.incidents).toBe(2);
    });
    const rows = caseContent(file).incidents;
    expect(rows.find((r) => r.title === 'With')).toMatchObject({ actor1: 'KFOR', notes: 'proto value / KFOR' });
    expect(rows.find((r) => r.title === 'Without')).toMatchObject({ actor1: '', notes: '{__proto__} / {constructor}' });
  });
});

describe('what makes a feature the same one as before', () => {
  const points = (dir: string, sub: string, titles: string[]) => {
    fs.mkdirSync(path.join(dir, sub));
    const file = path.join(dir, sub, 'points.geojson');
    const features = titles.map((title, i) => ({ type: 'Feature', id: i, properties: { title, date: '2023-06-01' }, geometry: { type: 'Point', coordinates: [20.78 + i / 100, 43.1] } }));
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    return file;
  };
  const asIncidents = (p: ForeignPreview) => suggested(p).map((c) => ({ ...c, target: 'incidents' as const, mapping: { ...c.mapping, title: { column: 'title' }, occurred_at: { column: 'date' } } }));
  /** The next ACLED export: Banjska's fatalities revised from 4 to 7. */
  const revisedAcled = (dir: string) => {
    const file = path.join(dir, 'acled.csv');
    const text = fs.readFileSync(path.join(IN, 'acled.csv'), 'utf8');
    expect(text).toContain(',Illustrative test data.,4,,1695600000');
    fs.writeFileSync(file, text.replace(',Illustrative test data.,4,,1695600000', ',Illustrative test data.,7,,1695700000'));
    return file;
  };
  const asOverlay = (p: ForeignPreview) => suggested(p).map((c) => ({ ...c, target: 'overlay' as const }));

  it('two different files of the same name, with the same feature ids, are both imported', async () => {
    const { dir, file } = newCase();
    const x = points(dir, 'x', ['X: Jarinje roadblock', 'X: Zvečan riot']);
    const y = points(dir, 'y', ['Y: Banjska attack', 'Y: Leposavić arrest']);
    await withCase(file, async (store) => {
      expect(importData(store, x, asIncidents).result).toMatchObject({ incidents: 2, unchanged: 0 });
      expect(importData(store, y, asIncidents).result).toMatchObject({ incidents: 2, unchanged: 0 });
      expect(importData(store, x, asIncidents).result).toMatchObject({ incidents: 0, unchanged: 2 });
      expect(importData(store, x, asOverlay).result).toMatchObject({ overlays: 1 });
      expect(importData(store, y, asOverlay).result).toMatchObject({ overlays: 1 });
      expect(importData(store, y, asOverlay).result).toMatchObject({ overlays: 0, unchanged: 2 });
    });
    expect(caseContent(file).incidents.map((r) => r.title).sort()).toEqual(['X: Jarinje roadblock', 'X: Zvečan riot', 'Y: Banjska attack', 'Y: Leposavić arrest']);
  });

  it('an updated ACLED export updates the events it revised; the same export again changes nothing', async () => {
    const { dir, file } = newCase();
    const revised = revisedAcled(dir);
    await withCase(file, async (store) => {
      expect(importData(store, path.join(IN, 'acled.csv')).result).toMatchObject({ incidents: 3 });
      expect(importData(store, revised).result).toMatchObject({ incidents: 0, updated: 1, unchanged: 2, conflicts: 0 });
      expect(importData(store, revised).result).toMatchObject({ incidents: 0, updated: 0, unchanged: 3 });
    });
    expect(caseContent(file).incidents.find((r) => r.location_name === 'Banjska')).toMatchObject({ fatalities: 7, author: AUTHOR });
  });

  it('an ACLED event the analyst edited since: the edit stays, the revision waits as a conflict, the old export is no news', async () => {
    const { dir, file } = newCase();
    const revised = revisedAcled(dir);
    await withCase(file, async (store) => {
      importData(store, path.join(IN, 'acled.csv'));
      const banjska = store.listIncidents({}).find((i) => i.fields.location_name === 'Banjska')!;
      store.saveIncident({ id: banjska.id, fields: { ...banjska.fields, notes: 'Checked with KFOR.' } }, banjska.admin, AUTHOR);
      expect(importData(store, revised).result).toMatchObject({ updated: 0, conflicts: 1 });
      expect(importData(store, revised).result).toMatchObject({ updated: 0, conflicts: 1 });
      expect(importData(store, path.join(IN, 'acled.csv')).result).toMatchObject({ updated: 0, conflicts: 0, unchanged: 3 });
    });
    expect(caseContent(file).incidents.find((r) => r.location_name === 'Banjska')).toMatchObject({ fatalities: 4, notes: 'Checked with KFOR.' });
    const db = openReadOnly(file);
    const conflicts = listConflicts(db, ANA_CASE);
    db.close();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ differing: ['fatalities', 'notes'], source: { caseId: '', name: 'acled.csv' } });
  });
});
