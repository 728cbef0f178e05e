import type { Route } from 'playwright-core';
import { ApiError } from '../../shared/api/errors';
import type { ReportData } from '../../shared/reports/reportData';
import { safeResolve } from '../webhost/staticFiles';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { OFFLINE_CHROMIUM_ARGS, findChromium } from './findChromium';
import { pdfPageSetup } from './pdfTemplates';
import type { ReportPageApi, ReportPrinter } from './reportPrinter';

/**
 * The page is served to the headless Chromium by request interception, from the app's own
 * files, under an origin that exists nowhere else: no server, no port, and every request that
 * is not for our files is aborted (and reported), so a report never touches the network.
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

export interface ChromiumPrinterOptions {
  rendererDir: string;
  resourcesDir: string;
  /** The Chromium binary; found by `findChromium` when not given. */
  executablePath?: string;
  /** Requests that were refused (anything not our own files); tests assert it stays empty. */
  onBlockedRequest?: (url: string) => void;
  log?: (message: string) => void;
}

export const mm = (v: number) => `${v}mm`;

export function createChromiumPrinter(options: ChromiumPrinterOptions): ReportPrinter {
  async function serve(route: Route): Promise<void> {
    const url = route.request().url();
    if (!url.startsWith(`${REPORT_ORIGIN}/`)) {
      options.onBlockedRequest?.(url);
      options.log?.(`Report page: refused a request to ${url.slice(0, 200)}`);
      await route.abort('blockedbyclient');
      return;
    }
    const path = new URL(url).pathname;
    const file = path.startsWith('/resources/') ? safeResolve(options.resourcesDir, path.slice('/resources/'.length)) : safeResolve(options.rendererDir, path.slice(1));
    if (!file) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      body: await readFile(file),
    });
  }

  return {
    async print(data: ReportData, onStage) {
      onStage?.('starting');
      const executablePath = options.executablePath ?? findChromium();
      let browser;
      try {
        // Loaded on first print: the driver takes longer to load than the rest of the app.
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath, headless: true, args: OFFLINE_CHROMIUM_ARGS });
      } catch (err) {
        throw new ApiError('io', `Chromium could not start (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      }
      try {
        const context = await browser.newContext({ serviceWorkers: 'block', offline: false });
        await context.route('**/*', serve);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${REPORT_ORIGIN}/report.html`, { waitUntil: 'load' });
        onStage?.('drawing');
        await page.waitForFunction(() => typeof (window as unknown as { faultlineReport?: ReportPageApi }).faultlineReport?.render === 'function');
        await page.evaluate((d) => (window as unknown as { faultlineReport: ReportPageApi }).faultlineReport.render(d), data);
        if (errors.length) throw new Error(`The report page failed: ${errors[0]}`);
        onStage?.('printing');
        const setup = pdfPageSetup(data);
        const m = setup.marginsMm;
        const pdf = await page.pdf({
          format: setup.pageSize,
          landscape: setup.landscape,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: setup.headerTemplate,
          footerTemplate: setup.footerTemplate,
          margin: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) },
          // Bookmarks for the sections, and structure for screen readers.
          outline: true,
          tagged: true,
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
