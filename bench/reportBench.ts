import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReportOptionsSchema } from '../shared/reports/reportOptions';
import { loadBasemap } from '../electron/basemap/loadBasemap';
import { writeDemoCase } from '../electron/demo/demoCase';
import { appVersion, rendererDir, resourcesDir } from '../electron/paths';
import { createChromiumPrinter } from '../electron/reports/chromiumPrinter';
import { findChromium } from '../electron/reports/findChromium';
import { prepareReport, printReport } from '../electron/reports/reportJob';
import { createGeoService } from '../electron/services/geoService';
import { openCaseReadOnly } from '../electron/store/caseStore';
import { writeCase } from './startupBench';

export interface ReportTiming {
  /** Median total: read and hash the case, draw the page in Chromium, print, write the PDF. */
  totalMs: number;
  /** Of which reading the case and building the report data. */
  dataMs: number;
  pages: number;
}

export interface ReportBench {
  empty: ReportTiming;
  demo: ReportTiming;
  large: ReportTiming;
  largeCount: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeReport(casePath: string, out: string, runs: number): Promise<ReportTiming> {
  const printer = createChromiumPrinter({ rendererDir: rendererDir(), resourcesDir: resourcesDir() });
  const options = ReportOptionsSchema.parse({ title: 'Benchmark report', marking: 'UNCLASSIFIED' });
  const context = { basemap: () => loadBasemap(resourcesDir()), appVersion: appVersion() };
  const totals: number[] = [];
  const data: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const report = await prepareReport({ path: casePath, read: (fn) => openCaseReadOnly(casePath, fn) }, options, context);
    const t1 = performance.now();
    pages = (await printReport(printer, report, out)).pages;
    totals.push(performance.now() - t0);
    data.push(t1 - t0);
  }
  return { totalMs: median(totals), dataMs: median(data), pages };
}

/**
 * PDF reports as `faultline report` and the web host make them (a headless Chromium started
 * per report): an empty case (the baseline: Chromium's start, the page, the map), the demo case,
 * and a case of `count` incidents. Null when no Chromium is installed.
 */
export async function runReportBench(dir: string, count: number, runs = 3): Promise<ReportBench | null> {
  try {
    findChromium();
  } catch {
    return null;
  }
  // The basemap is read once per process (as in the app); do it before timing.
  loadBasemap(resourcesDir());
  const empty = join(dir, 'report-empty.gpkg');
  const demo = join(dir, 'report-demo.gpkg');
  const large = join(dir, `report-${count}.gpkg`);
  writeCase(empty, 0);
  const geo = createGeoService(resourcesDir());
  writeDemoCase(demo, { author: 'bench', lookup: geo.lookup, places: geo.places(), basemap: geo.basemap() });
  writeCase(large, count);
  return {
    empty: await timeReport(empty, join(dir, 'empty.pdf'), runs),
    demo: await timeReport(demo, join(dir, 'demo.pdf'), runs),
    large: await timeReport(large, join(dir, 'large.pdf'), runs),
    largeCount: count,
  };
}
