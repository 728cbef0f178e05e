import { ApiError } from '../../shared/api/errors';
import { countNoun } from '../../shared/text/countNoun';
import type { ApiHandlers } from '../../shared/api/contract';
import { progressOf } from '../../shared/reports/reportProgress';
import { loadBasemap } from '../basemap/loadBasemap';
import { checkOutputPath } from '../exports/exportService';
import type { HostHooks } from '../services/host';
import type { CaseStore } from '../store/types';
import { prepareReport, printReport, type ReportSource } from './reportJob';
import type { ReportPrinter } from './reportPrinter';

export interface ReportServiceOptions {
  requireCase: () => CaseStore;
  hooks: HostHooks;
  printer: () => ReportPrinter;
  resourcesDir: string;
  appVersion: string;
  log: (message: string, err?: unknown) => void;
}

/**
 * The `reports` service: preview data and PDF generation for the open case. One report is
 * made at a time; progress goes to the UI as `report.progress` events, so the window only
 * waits for an answer and stays responsive while Chromium lays out hundreds of pages.
 */
export function createReportService(options: ReportServiceOptions): ApiHandlers['reports'] {
  const { hooks } = options;
  let busy = false;
  const context = { basemap: () => loadBasemap(options.resourcesDir), appVersion: options.appVersion };
  const source = (store: CaseStore): ReportSource => ({ path: store.path, read: (fn) => fn(store), checkpoint: () => store.checkpoint() });

  return {
    preview: async ({ options: reportOptions }) => prepareReport(source(options.requireCase()), reportOptions, context),

    generate: async ({ options: reportOptions, path, overwrite, jobId }) => {
      const store = options.requireCase();
      const target = checkOutputPath(path, '.pdf', { overwrite, openCase: store.path });
      if (busy) throw new ApiError('invalid', 'A report is already being made; wait for it to finish.');
      busy = true;
      try {
        hooks.emit('report.progress', progressOf(jobId, 'reading'));
        const data = await prepareReport(source(store), reportOptions, context);
        return await printReport(options.printer(), data, target, (stage) => {
          const message = stage === 'drawing' ? `Drawing the map and ${countNoun(data.incidents.length, 'incident')}` : undefined;
          hooks.emit('report.progress', progressOf(jobId, stage, message));
        });
      } catch (err) {
        hooks.emit('report.progress', progressOf(jobId, 'failed', err instanceof ApiError ? err.message : undefined));
        if (err instanceof ApiError) throw err;
        options.log('Making a report failed', err);
        throw new ApiError('internal', `The report could not be made: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      } finally {
        busy = false;
      }
    },
  };
}
