import './report.css';
import type { ReportData } from '../../shared/reports/reportData';
import { loadBasemapFiles, type BasemapFiles } from '../map/basemapData';
import { renderReport } from './renderReport';

/**
 * The report page (report.html). It has no access to the API: the Node side loads it in a
 * Chromium it controls, hands it the report data through `window.faultlineReport.render`, waits
 * for the promise, and prints. The basemap comes from the app's own resources, like the
 * workbench's.
 */
let basemap: Promise<BasemapFiles> | null = null;

async function render(data: ReportData): Promise<{ incidents: number; mapFeatures: number }> {
  basemap ??= loadBasemapFiles();
  const files = await basemap;
  const root = document.getElementById('report')!;
  const drawn = renderReport(root, data, files);
  document.title = data.options.title;
  // Fonts must be in place before the PDF engine lays out the pages.
  await document.fonts.ready;
  document.body.dataset.ready = 'true';
  return { incidents: data.incidents.length, mapFeatures: drawn.mapFeatures };
}

(window as unknown as { faultlineReport: { render: typeof render } }).faultlineReport = { render };
