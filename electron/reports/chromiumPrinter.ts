import { ApiError } from '../../shared/api/errors';
import type { ReportData } from '../../shared/reports/reportData';
import { OFFLINE_CHROMIUM_ARGS, findChromium } from './findChromium';
import { pdfPageSetup } from './pdfTemplates';
import { openReportPage, type ReportPageFiles } from './reportPageHost';
import type { ReportPrinter } from './reportPrinter';

export { REPORT_ORIGIN } from './reportPageHost';

export interface ChromiumPrinterOptions extends ReportPageFiles {
  /** The Chromium binary; found by `findChromium` when not given. */
  executablePath?: string;
}

export const mm = (v: number) => `${v}mm`;

export function createChromiumPrinter(options: ChromiumPrinterOptions): ReportPrinter {
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
        const page = await openReportPage(browser, options, data, () => onStage?.('drawing'));
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
