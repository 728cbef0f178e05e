import type { ReportData } from '../../shared/reports/reportData';

/** What the printers report while they work (the UI shows it as progress). */
export type PrintStage = 'starting' | 'drawing' | 'printing';

/**
 * Turns report data into a PDF by loading the report page (`report.html`) in Chromium, handing
 * it the data, and printing it with Chromium's PDF engine. Two implementations, one page: the
 * Electron app's hidden window (`webContents.printToPDF`) and a headless Chromium driven from
 * Node (`page.pdf`) for the web host and the CLI.
 */
export interface ReportPrinter {
  print(data: ReportData, onStage?: (stage: PrintStage) => void): Promise<Uint8Array>;
}

/** The page's entry point, set by renderer/report/main.ts. */
export interface ReportPageApi {
  /** Draws the report; resolves when everything (basemap, symbols, fonts) is in place. */
  render(data: ReportData): Promise<{ incidents: number; mapFeatures: number }>;
}
