import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import type { ReportData } from '../../shared/reports/reportData';
import { safeResolve } from '../webhost/staticFiles';
import type { ReportPageApi } from './reportPrinter';

/**
 * The report page in a headless Chromium: served by request interception from the app's own
 * files, under an origin that exists nowhere else: no server, no port, and every request that
 * is not for our files is aborted (and reported), so a report never touches the network. The
 * printer prints the page it opens; the layout tests measure it.
 */
export const REPORT_ORIGIN = 'http://faultline-report.invalid';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface ReportPageFiles {
  rendererDir: string;
  resourcesDir: string;
  /** Requests that were refused (anything not our own files); tests assert it stays empty. */
  onBlockedRequest?: (url: string) => void;
  log?: (message: string) => void;
}

function serveReportFiles(files: ReportPageFiles): (route: Route) => Promise<void> {
  return async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${REPORT_ORIGIN}/`)) {
      files.onBlockedRequest?.(url);
      files.log?.(`Report page: refused a request to ${url.slice(0, 200)}`);
      await route.abort('blockedbyclient');
      return;
    }
    const path = new URL(url).pathname;
    const file = path.startsWith('/resources/') ? safeResolve(files.resourcesDir, path.slice('/resources/'.length)) : safeResolve(files.rendererDir, path.slice(1));
    if (!file) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      body: await readFile(file),
    });
  };
}

/**
 * Opens the report page in a new context of `browser` and draws `data` on it; `onDrawing` is
 * called once the page is loaded and drawing starts. Throws if the page reported an error.
 */
export async function openReportPage(browser: Browser, files: ReportPageFiles, data: ReportData, onDrawing?: () => void): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block', offline: false });
  await context.route('**/*', serveReportFiles(files));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${REPORT_ORIGIN}/report.html`, { waitUntil: 'load' });
  onDrawing?.();
  await page.waitForFunction(() => typeof (window as unknown as { faultlineReport?: ReportPageApi }).faultlineReport?.render === 'function');
  await page.evaluate((d) => (window as unknown as { faultlineReport: ReportPageApi }).faultlineReport.render(d), data);
  if (errors.length) throw new Error(`The report page failed: ${errors[0]}`);
  return page;
}
