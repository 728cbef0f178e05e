import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIncidents } from '../../../bench/dataset';
import type { ReportData } from '../../../shared/reports/reportData';
import { ReportOptionsSchema, type ReportOptionsInput } from '../../../shared/reports/reportOptions';
import { loadBasemap } from '../../basemap/loadBasemap';
import { writeDemoCase } from '../../demo/demoCase';
import { rendererDir, resourcesDir } from '../../paths';
import { createGeoService } from '../../services/geoService';
import { createCase, openCaseReadOnly } from '../../store/caseStore';
import { AUTHOR } from '../../store/test/helpers';
import { buildReportData } from '../buildReportData';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from '../findChromium';
import { openReportPage } from '../reportPageHost';
import { brokenWords, cellOverflows, horizontalOverflow, mapLabelClashes, zonesUnderInset } from './layoutProbe';

/**
 * The report page laid out in the Chromium that prints it, measured: what the PDF would show
 * as one cell's text running into the next, or a page wider than its paper.
 */

const PAGES: { pageSize: 'A4' | 'Letter'; landscape: boolean }[] = [
  { pageSize: 'A4', landscape: false },
  { pageSize: 'Letter', landscape: false },
  { pageSize: 'A4', landscape: true },
  { pageSize: 'Letter', landscape: true },
];

let browser: Browser;
// The cases are made once for the whole file (the 1,050-incident one takes a while).
const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-layout-'));
const blocked: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(rendererDir(), 'report.html'))) throw new Error('The report page is not built: run npm run build first');
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: OFFLINE_CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function build(file: string, options: ReportOptionsInput): ReportData {
  return openCaseReadOnly(file, (reader) =>
    buildReportData({ reader, options: ReportOptionsSchema.parse(options), basemap: () => loadBasemap(resourcesDir()), sha256: 'ab'.repeat(32), fileName: path.basename(file), appVersion: 'test', now: new Date('2026-01-02T03:04:05.000Z') }),
  );
}

async function drawn(data: ReportData): Promise<Page> {
  return openReportPage(browser, { rendererDir: rendererDir(), resourcesDir: resourcesDir(), onBlockedRequest: (url) => blocked.push(url) }, data);
}

function demoCase(): string {
  const file = path.join(dir, 'demo.gpkg');
  if (existsSync(file)) return file;
  const geo = createGeoService(resourcesDir());
  writeDemoCase(file, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
  return file;
}

/**
 * 1,050 incidents whose cells are as wide as they get: four-digit row numbers, dates with a
 * time or a precision, four-digit casualties, the longest sub-event types.
 */
function wideCellsCase(): string {
  const file = path.join(dir, 'wide.gpkg');
  if (existsSync(file)) return file;
  const rows = generateIncidents(1050, 3).map((row, i) => {
    const f = row.fields;
    if (i % 3 === 1) Object.assign(f, { time_precision: 2 });
    if (i % 3 === 2) Object.assign(f, { time_precision: 3, occurred_at: `${f.occurred_at}T14:35` });
    if (i % 5 === 0) Object.assign(f, { fatalities: 1234, injured: 12345 });
    if (i % 7 === 0) Object.assign(f, { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' });
    if (i % 11 === 0) Object.assign(f, { event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory' });
    return row;
  });
  const store = createCase(file, { name: 'Wide cells', author: AUTHOR });
  store.saveIncidentsBulk(rows, AUTHOR);
  store.close();
  return file;
}

describe('report layout', () => {
  for (const setup of PAGES) {
    const name = `${setup.pageSize} ${setup.landscape ? 'landscape' : 'portrait'}`;

    it(`keeps every table cell's text inside its cell, ${name}`, async () => {
      for (const file of [demoCase(), wideCellsCase()]) {
        const page = await drawn(build(file, { title: 'Layout', ...setup }));
        expect(await cellOverflows(page), path.basename(file)).toEqual([]);
        expect(await brokenWords(page), path.basename(file)).toEqual([]);
        expect(await horizontalOverflow(page), path.basename(file)).toEqual([]);
        await page.context().close();
      }
      expect(blocked).toEqual([]);
    });
  }

  for (const setup of PAGES) {
    const name = `${setup.pageSize} ${setup.landscape ? 'landscape' : 'portrait'}`;

    it(`prints no name over another, nor the inset over a zone, ${name}`, async () => {
      for (const options of [{}, { area: { kind: 'admin', iso3: 'XKX', name: 'Zvečan' } }, { area: { kind: 'entity', id: 'RS' } }] as Partial<ReportOptionsInput>[]) {
        const page = await drawn(build(demoCase(), { title: 'Labels', ...options, ...setup }));
        const where = JSON.stringify(options);
        expect(await mapLabelClashes(page), where).toEqual([]);
        expect(await zonesUnderInset(page), where).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('numbers incidents at one spot as one label, "1–25"', async () => {
    const file = path.join(dir, 'one-spot.gpkg');
    const rows = generateIncidents(25, 5).map((row, i) => {
      Object.assign(row.fields, { lon: 20.8361, lat: 42.9075, occurred_at: `2023-06-${String(i + 1).padStart(2, '0')}` });
      return row;
    });
    const store = createCase(file, { name: 'One spot', author: AUTHOR });
    store.saveIncidentsBulk(rows, AUTHOR);
    store.close();
    for (const setup of PAGES) {
      const page = await drawn(build(file, { title: 'One spot', ...setup }));
      expect(await page.locator('.flr-incident-number').allTextContents()).toEqual(['1–25']);
      expect(await mapLabelClashes(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('lists in the legend only what the map shows inside its frame', async () => {
    const legend = async (options: ReportOptionsInput) => {
      const page = await drawn(build(demoCase(), options));
      const text = await page.locator('.flr-legend').innerText();
      await page.context().close();
      return text;
    };
    // Republika Srpska: Kosovo's municipalities are not on the map, though their box reaches into it.
    const rs = await legend({ title: 'RS', area: { kind: 'entity', id: 'RS' }, mapFit: 'area' });
    expect(rs).toContain('Republika Srpska');
    expect(rs).toContain('Inter-Entity Boundary Line');
    expect(rs).not.toContain('Kosovo municipality');
    expect(rs).not.toContain('Kosovo–Serbia boundary');
    // A view of western Bosnia: the case's zones and most incidents are off the map.
    const west = await legend({ title: 'West', mapFit: 'view', view: [16.0, 44.0, 17.5, 45.2] });
    expect(west).not.toMatch(/Zones|forces|Riots|Battles/);
    expect(west).not.toContain('Brčko District');
    expect(west).toContain('Federation of BiH');
    // The whole case: every zone's affiliation, and the incident types with their counts on the map.
    const all = await legend({ title: 'All' });
    expect(all).toMatch(/Friend forces[\s\S]*Neutral forces[\s\S]*Unknown forces/);
    expect(all).toContain('Strategic developments (7)');
    // The unit symbols drawn on the map, explained as the workbench's legend explains them.
    expect(all).toContain('Multinational force — KFOR');
    expect(all).toContain('Mechanised infantry — Military Forces of Serbia');
  });

  it('counts in words that agree: "1 incident", "1 zone"', async () => {
    const page = await drawn(build(demoCase(), { title: 'One', area: { kind: 'admin', iso3: 'XKX', name: 'Leposavić' } }));
    expect(await page.locator('.flr-incidents-section .flr-note').innerText()).toMatch(/^1 incident, by date\./);
    expect(await page.locator('.flr-figures').innerText()).toMatch(/\b1\s+incident\b/);
    expect(await page.locator('.flr-figures').innerText()).toMatch(/\b1\s+zone\b/);
    await page.context().close();
  });

  it('keys the colours of the timeline to the event types in it', async () => {
    const data = build(demoCase(), { title: 'Timeline' });
    const page = await drawn(data);
    const key = await page.locator('.flr-chart-key').innerText();
    for (const t of data.summary.byType) expect(key).toContain(t.label);
    expect(await page.locator('.flr-chart-key rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')))).toEqual(
      expect.arrayContaining(data.summary.byType.map((t) => t.color)),
    );
    await page.context().close();
  });
});
