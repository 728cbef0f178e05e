import { BrowserWindow } from 'electron';
import type { ReportData } from '../../shared/reports/reportData';
import { pdfPageSetup } from '../reports/pdfTemplates';
import type { ReportPrinter } from '../reports/reportPrinter';
import { APP_ORIGIN } from './appUrl';
import type { Logger } from './log';

const MM_PER_INCH = 25.4;

/**
 * The Electron app's report printer: a hidden window on the same report page the web host and
 * the CLI print (app://faultline/report.html), printed with Chromium's PDF engine through
 * `webContents.printToPDF`. The window gets the security baseline of the main window
 * (sandbox, isolation, no Node) and no preload: the page needs no API, only the data, which is
 * handed over as a JSON literal (data, never code built from it).
 */
export function createElectronReportPrinter(log: Logger): ReportPrinter {
  return {
    async print(data: ReportData, onStage) {
      onStage?.('starting');
      const win = new BrowserWindow({
        show: false,
        width: 1280,
        height: 900,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          webviewTag: false,
          spellcheck: false,
          devTools: false,
          backgroundThrottling: false,
        },
      });
      try {
        const failed = new Promise<never>((_, reject) => {
          win.webContents.once('render-process-gone', (_e, details) => reject(new Error(`The report page stopped (${details.reason})`)));
        });
        await Promise.race([win.loadURL(`${APP_ORIGIN}/report.html`), failed]);
        onStage?.('drawing');
        await Promise.race([win.webContents.executeJavaScript(`window.faultlineReport.render(${JSON.stringify(data)})`, true), failed]);
        onStage?.('printing');
        const setup = pdfPageSetup(data);
        const inches = (mm: number) => mm / MM_PER_INCH;
        const pdf = await win.webContents.printToPDF({
          pageSize: setup.pageSize,
          landscape: setup.landscape,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: setup.headerTemplate,
          footerTemplate: setup.footerTemplate,
          margins: { top: inches(setup.marginsMm.top), bottom: inches(setup.marginsMm.bottom), left: inches(setup.marginsMm.left), right: inches(setup.marginsMm.right) },
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        });
        return new Uint8Array(pdf);
      } catch (err) {
        log('Printing a report failed', err);
        throw err;
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
