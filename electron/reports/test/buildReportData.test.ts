import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportOptionsSchema, type ReportOptionsInput } from '../../../shared/reports/reportOptions';
import type { ReportData } from '../../../shared/reports/reportData';
import { loadBasemap } from '../../basemap/loadBasemap';
import { writeDemoCase } from '../../demo/demoCase';
import { createGeoService } from '../../services/geoService';
import { HOSTILE_TITLE, writeSampleCase } from '../../exports/test/sampleCase';
import { resourcesDir } from '../../paths';
import { openCaseReadOnly } from '../../store/caseStore';
import { tempDir } from '../../store/test/helpers';
import { zoneReport } from '../../cli/zoneReport';
import { buildReportData } from '../buildReportData';
import { footerTemplate, headerTemplate } from '../pdfTemplates';

function demoCase(): string {
  const file = path.join(tempDir(), 'demo.gpkg');
  const geo = createGeoService(resourcesDir());
  writeDemoCase(file, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
  return file;
}

function build(file: string, options: ReportOptionsInput): ReportData {
  return openCaseReadOnly(file, (reader) =>
    buildReportData({ reader, options: ReportOptionsSchema.parse(options), basemap: () => loadBasemap(resourcesDir()), sha256: 'ab'.repeat(32), fileName: path.basename(file), appVersion: 'test', now: new Date('2026-01-02T03:04:05.000Z') }),
  );
}

describe('report data', () => {
  it('takes live incidents by date, live zones, figures, sources and a map around them', () => {
    const { file, ids, zoneIds } = writeSampleCase(tempDir());
    const data = build(file, { title: 'All' });
    expect(data.incidents.map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(data.incidents.map((i) => i.n)).toEqual([1, 2, 3]);
    expect(data.zones.map((z) => z.id).sort()).toEqual([...zoneIds].sort());
    expect(data.coverage).toMatchObject({ from: '2023-05-26', to: '2023-09-24', area: 'Whole case', filters: [] });
    expect(data.summary.totals).toEqual({ incidents: 3, fatalities: 4, injured: 279 });
    expect(data.summary.byArea[0]).toMatchObject({ label: 'Zvečan (Kosovo)', count: 2 });
    expect(data.sources[0]).toMatchObject({ name: 'KFOR press release', count: 3, gradings: ['B2'] });
    expect(data.zones.find((z) => z.id === zoneIds[0])!.size).toMatch(/km²$/);
    const [w, s, e, n] = data.map.bbox;
    for (const i of data.incidents) expect(i.lon > w && i.lon < e && i.lat > s && i.lat < n).toBe(true);
    expect(data.reportDate).toBe('2026-01-02');
  });

  it('filters by time, event type, minimum grading and area', () => {
    const { file, ids, zoneIds } = writeSampleCase(tempDir());
    expect(build(file, { title: 't', from: '2023-05-27', to: '2023-06-30' }).incidents.map((i) => i.id)).toEqual([ids[0]]);
    expect(build(file, { title: 't', eventTypes: ['Battles'] }).incidents.map((i) => i.id)).toEqual([ids[1]]);
    const graded = build(file, { title: 't', minGrading: { reliability: 'A', credibility: 2 } });
    expect(graded.incidents).toEqual([]);
    expect(graded.coverage.filters).toEqual(['Graded A2 or better']);
    // Leposavić is its own municipality; the other two are in Zvečan.
    const leposavic = build(file, { title: 't', area: { kind: 'admin', iso3: 'XKX', name: 'Leposavic' }, mapFit: 'area' });
    expect(leposavic.incidents.map((i) => i.title)).toEqual([HOSTILE_TITLE]);
    expect(leposavic.coverage.area).toBe('Leposavić municipality (Kosovo)');
    expect(leposavic.map.areaOutline?.type).toMatch(/Polygon/);
    const zone = build(file, { title: 't', area: { kind: 'zone', id: zoneIds[0]! } });
    expect(zone.incidents.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(build(file, { title: 't', area: { kind: 'entity', id: 'RS' } }).incidents).toEqual([]);
    // The zone valid from 29 May 2023 is not in a report of the week before.
    expect(build(file, { title: 't', from: '2023-05-20', to: '2023-05-27' }).zones.map((z) => z.id)).toEqual([zoneIds[1]]);
  });

  it('lists the zones that lie in the area, not those whose box only touches it', () => {
    const demo = demoCase();
    const names = (options: ReportOptionsInput) => build(demo, options).zones.map((z) => z.name).sort();
    const zvecan = names({ title: 't', area: { kind: 'admin', iso3: 'XKX', name: 'Zvečan' } });
    expect(zvecan).toHaveLength(1);
    expect(zvecan[0]).toMatch(/^KFOR presence/);
    // The Ground Safety Zone and the Serbian build-up are in Serbia: their boxes reach into
    // Priština municipality, their areas only touch Kosovo along the boundary.
    expect(names({ title: 't', area: { kind: 'admin', iso3: 'XKX', name: 'Priština' } })).toEqual([]);
    expect(names({ title: 't', area: { kind: 'admin', iso3: 'SRB', name: 'Raški' } }).map((n) => n.slice(0, 14))).toEqual(['Ground Safety ', 'Serbian force ']);
    expect(names({ title: 't', area: { kind: 'entity', id: 'RS' } })).toEqual([]);

    // A route that passes by a box, inside the route's own box, is not in it; one that crosses it is.
    const { file, zoneIds } = writeSampleCase(tempDir());
    const ids = (bbox: [number, number, number, number]) => build(file, { title: 't', area: { kind: 'view', bbox } }).zones.map((z) => z.id);
    expect(ids([20.5, 43.05, 20.55, 43.1])).toEqual([]);
    expect(ids([20.55, 43.1, 20.65, 43.2])).toEqual([zoneIds[1]]);
  });

  // On the ellipsoid: turf's spherical area gave the Ground Safety Zone 1,462.7 km², the zone
  // details and `faultline zones` 1,465.3 km².
  it('gives zone areas and route lengths as `faultline zones` does', () => {
    for (const file of [demoCase(), writeSampleCase(tempDir()).file]) {
      const listed = openCaseReadOnly(file, (reader) => zoneReport(reader, loadBasemap(resourcesDir())));
      const zones = build(file, { title: 't' }).zones;
      expect(zones).toHaveLength(listed.length);
      for (const zone of zones) {
        const row = listed.find((r) => r.id === zone.id)!;
        const figure = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 1 });
        expect(zone.size).toBe(row.length_km > 0 ? `${figure(row.length_km)} km` : `${figure(row.area_km2)} km²`);
      }
    }
  });

  it('escapes every value in the page header and footer templates', () => {
    const { file } = writeSampleCase(tempDir(), 'Case <img src=x onerror=alert(1)>');
    const data = build(file, { title: `<script>alert("t")</script>`, marking: `SECRET</span><script>alert(1)</script> & "x"` });
    const html = headerTemplate(data) + footerTemplate(data);
    expect(html).not.toMatch(/<script|<img|<\/span><script/);
    expect(html).toContain('SECRET&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
    expect(html).toContain('Case &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
  });
});
