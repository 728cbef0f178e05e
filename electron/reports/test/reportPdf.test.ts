import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIncidents } from '../../../bench/dataset';
import { MARGINS_MM } from '../../../shared/reports/pageGeometry';
import { ReportOptionsSchema, type ReportOptionsInput } from '../../../shared/reports/reportOptions';
import { loadBasemap } from '../../basemap/loadBasemap';
import { writeDemoCase } from '../../demo/demoCase';
import { HOSTILE_TITLE, writeSampleCase } from '../../exports/test/sampleCase';
import { appRoot, rendererDir, resourcesDir } from '../../paths';
import { createGeoService } from '../../services/geoService';
import { createCase, openCase, openCaseReadOnly } from '../../store/caseStore';
import { AUTHOR, sampleFields, tempDir, ZVECAN } from '../../store/test/helpers';
import { createChromiumPrinter } from '../chromiumPrinter';
import { prepareReport, printReport, type WrittenReport } from '../reportJob';
import { flat, greyLevels, squash, inkShare, pdfInfo, pdfPageCount, pdfPagesText, pdfText, pdfWordBoxes, renderPageGray } from './pdfTools';

/** Page images for a person to look at (the issue asks to look, not only to assert). */
const ARTIFACTS = path.join(appRoot(), 'e2e', 'artifacts', 'reports');
const blocked: string[] = [];

beforeAll(() => {
  if (!existsSync(path.join(rendererDir(), 'report.html'))) throw new Error('The report page is not built: run npm run build first');
  mkdirSync(ARTIFACTS, { recursive: true });
});

async function report(casePath: string, options: ReportOptionsInput, out: string): Promise<WrittenReport> {
  const printer = createChromiumPrinter({ rendererDir: rendererDir(), resourcesDir: resourcesDir(), onBlockedRequest: (url) => blocked.push(url) });
  const data = await prepareReport({ path: casePath, read: (fn) => openCaseReadOnly(casePath, fn) }, ReportOptionsSchema.parse(options), {
    basemap: () => loadBasemap(resourcesDir()),
    appVersion: '0.0.0-test',
  });
  return printReport(printer, data, out);
}

function savePageImages(pdf: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTIFACTS, name)]);
}

function caseWithIncidents(dir: string, count: number): string {
  const file = path.join(dir, `generated-${count}.gpkg`);
  const store = createCase(file, { name: `${count} generated incidents`, author: AUTHOR });
  store.saveIncidentsBulk(generateIncidents(count, 7), AUTHOR);
  store.close();
  return file;
}

describe('PDF report', () => {
  it('of the demo case: title, marking on every page, every incident, legend, attribution, page numbers', async () => {
    const dir = tempDir();
    const demo = path.join(dir, 'demo.gpkg');
    const geo = createGeoService(resourcesDir());
    writeDemoCase(demo, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
    const out = path.join(dir, 'demo.pdf');
    const written = await report(demo, { title: 'Northern Kosovo, 2023', subtitle: 'Riots, Banjska, build-up', author: 'A. Analyst', organisation: 'Faultline', marking: 'NATO UNCLASSIFIED' }, out);
    savePageImages(out, 'demo');
    const pages = pdfPagesText(out);
    expect(pages.length).toBe(pdfPageCount(out));
    expect(written.pages).toBe(pages.length);
    pages.forEach((text, i) => {
      // The banner at the top and at the bottom of every page, and "n / N".
      expect(text.match(/NATO UNCLASSIFIED/g)?.length, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(flat(text)).toContain(`${i + 1} / ${pages.length}`);
    });
    const all = flat(pdfText(out));
    expect(all).toContain('Northern Kosovo, 2023');
    const titles = openCaseReadOnly(demo, (r) => r.listIncidents({}).map((i) => i.fields.title));
    expect(titles.length).toBeGreaterThanOrEqual(7);
    for (const title of titles) expect(squash(all)).toContain(squash(title));
    // Map names are printed once (no doubled text from a halo).
    expect(all.match(/BOSNIA AND HERZEGOVINA/g)?.length ?? 0).toBe(1);
    expect(all).toContain('Legend');
    expect(all).toContain('Kosovo–Serbia boundary');
    expect(all).toContain('© OpenStreetMap contributors (ODbL) · Natural Earth · GeoNames (CC BY 4.0)');
    const sha = execFileSync('sha256sum', [demo], { encoding: 'utf8' }).split(' ')[0]!;
    expect(all).toContain(sha);
    expect(blocked).toEqual([]);
  });

  it('draws the map: the map area of page one is covered with land, lines and markers, not blank', async () => {
    const dir = tempDir();
    const { file } = writeSampleCase(dir);
    const out = path.join(dir, 'map.pdf');
    await report(file, { title: 'Map check', mapFit: 'incidents' }, out);
    const page = renderPageGray(out, 1, 30);
    // The map sits below the title block and spans the text width.
    const mapRegion = { x0: 0.1, y0: 0.35, x1: 0.9, y1: 0.7 };
    expect(inkShare(page, mapRegion)).toBeGreaterThan(0.9);
    expect(greyLevels(page, mapRegion)).toBeGreaterThan(20);
    // The map is vector: its names are text in the PDF, not pixels.
    expect(flat(pdfText(out, { first: 1, last: 1 }))).toMatch(/Zve[cč]an|Leposavi/);
    savePageImages(out, 'zones');
  });

  it('prints hostile and Cyrillic text literally, in the body and in the header and footer', async () => {
    const dir = tempDir();
    const { file } = writeSampleCase(dir, 'Case <b>bold</b> & “Лепосавић”');
    const out = path.join(dir, 'hostile.pdf');
    const marking = `RESTRICTED <i>x</i> & "Лепосавић" <script>alert(1)</script>`;
    await report(file, { title: `Report <img src=x onerror=alert(1)> & 'Лепосавић'`, marking, author: '<b>Ana</b>' }, out);
    savePageImages(out, 'hostile');
    const pages = pdfPagesText(out).map(flat);
    for (const text of pages) {
      // Header and footer: the marking twice, the title and the case name, all as written.
      expect(text.split(marking).length - 1).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Report <img src=x onerror=alert(1)> & 'Лепосавић'`);
      expect(text).toContain('Case <b>bold</b> & “Лепосавић”');
    }
    const all = pages.join(' ');
    expect(squash(all)).toContain(squash(HOSTILE_TITLE));
    expect(all).toContain('<img src=x onerror=alert(1)>'.slice(0, 10));
    expect(all).toContain('Supply route <b>');
    expect(all).toContain('<b>Ana</b>');
    expect(all).toContain('Лепосавић');
    // The document information, which Chromium cannot be given, is added: as written, too.
    const info = pdfInfo(out);
    expect(info).toMatchObject({ Title: `Report <img src=x onerror=alert(1)> & 'Лепосавић'`, Author: '<b>Ana</b>', Keywords: marking, Creator: 'Faultline 0.0.0-test', Tagged: 'yes' });
    expect(info.Subject).toBe('Report of the case “Case <b>bold</b> & “Лепосавић””');
    expect(blocked).toEqual([]);
  });

  it('has more pages for more incidents, and repeats the table header on every table page', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.pdf');
    const large = path.join(dir, 'large.pdf');
    await report(caseWithIncidents(dir, 5), { title: 'Five' }, small);
    await report(caseWithIncidents(dir, 300), { title: 'Three hundred', landscape: true, pageSize: 'Letter' }, large);
    savePageImages(large, 'large');
    const few = pdfPageCount(small);
    const many = pdfPageCount(large);
    expect(many).toBeGreaterThan(few + 4);
    const pages = pdfPagesText(large).map(flat);
    const tablePages = pages.filter((t) => /Generated incident \d+/.test(t));
    expect(tablePages.length).toBeGreaterThan(4);
    for (const t of tablePages) expect(t).toContain('Incident and place');
    // The top banner ends well above the page's text (the margin is 15 mm), so the repeated
    // table header does not touch it: its text ends at least 1.2 mm padding, a 0.4 mm border
    // and 1.5 mm of white above.
    const pt = (mm: number) => (mm / 25.4) * 72;
    const banners = pdfWordBoxes(large).filter((w) => w.word === 'UNCLASSIFIED' && w.yMin < pt(15));
    expect(banners).toHaveLength(many);
    for (const b of banners) expect(b.yMax, `page ${b.page}`).toBeLessThan(pt(15 - 1.2 - 0.4 - 1.5));
    // Every incident is in the table, once.
    const all = pages.join(' ');
    for (const n of [1, 150, 300]) expect(all).toMatch(new RegExp(`Generated incident ${n}\\b`));
    expect(all).toContain('Letter'.length ? '1 / ' : '');
  });

  it('keeps the footer in the bottom margin, clear of the last table row on every page', async () => {
    const dir = tempDir();
    const demo = path.join(dir, 'demo-footer.gpkg');
    const geo = createGeoService(resourcesDir());
    writeDemoCase(demo, { author: 'Faultline demo', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
    const pt = (mm: number) => (mm / 25.4) * 72;
    for (const [name, options] of [
      ['footer-a4', { title: 'Footer A4' }],
      ['footer-letter-landscape', { title: 'Footer Letter', pageSize: 'Letter', landscape: true }],
    ] as const) {
      const out = path.join(dir, `${name}.pdf`);
      await report(demo, options, out);
      const [, , height] = /([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(out)['Page size']!)!.map(Number) as [number, number, number];
      const words = pdfWordBoxes(out);
      const pages = pdfPageCount(out);
      for (let page = 1; page <= pages; page++) {
        // The footer's first line is "<title> · Generated <time> with Faultline …".
        const footer = words.find((w) => w.page === page && w.word === 'Generated' && w.yMin > height / 2);
        expect(footer, `${name} page ${page} has its footer`).toBeDefined();
        // It is printed inside the bottom margin, below everything the page itself holds.
        expect(footer!.yMin, `${name} page ${page}`).toBeGreaterThanOrEqual(height - pt(MARGINS_MM.bottom));
        const body = words.filter((w) => w.page === page && w.yMin > pt(MARGINS_MM.top) && w.yMax < footer!.yMin - 0.1);
        const lowest = Math.max(...body.map((w) => w.yMax));
        expect(lowest, `${name} page ${page}`).toBeLessThanOrEqual(height - pt(MARGINS_MM.bottom) + 0.5);
      }
    }
  });

  it('prints at full size when a value is one long unbroken string', async () => {
    const dir = tempDir();
    const { file } = writeSampleCase(dir);
    const store = openCase(file);
    const long = (prefix: string, n: number) => `${prefix}${'_x'.repeat(n)}`.slice(0, n);
    store.saveIncident({ fields: sampleFields({ title: long('Title', 200), source: long('Source', 290), actor1: long('Actor', 300), location_name: long('Place', 300), source_url: `https://example.org/${'a'.repeat(400)}` }) }, ZVECAN, AUTHOR);
    store.close();
    const out = path.join(dir, 'long.pdf');
    await report(file, { title: 'Long values' }, out);
    savePageImages(out, 'long');
    // The title is set in 19 pt: its printed height says whether the engine shrank the page
    // to fit something wider than the paper (it did, to about two thirds).
    const title = pdfWordBoxes(out).find((w) => w.page === 1 && w.word === 'Long')!;
    expect(title.yMax - title.yMin).toBeGreaterThan(19 * 0.95);
    // Every page is as wide as the paper's text width: the body text starts at the left margin.
    const left = Math.min(...pdfWordBoxes(out).filter((w) => w.page === 3).map((w) => w.xMin));
    expect(left).toBeCloseTo((12 / 25.4) * 72, 0);
    expect(squash(pdfText(out))).toContain(squash(long('Source', 290)));
  });
});
