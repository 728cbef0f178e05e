import { contentMm, PX_PER_MM } from '../../shared/reports/pageGeometry';
import type { ReportData } from '../../shared/reports/reportData';
import type { BasemapFiles } from '../map/basemapData';
import { renderReport } from '../report/renderReport';
import '../report/report.css';
import { el } from '../ui/dom';
import { countNoun } from '../../shared/text/countNoun';

/** The preview lists this many table rows; the PDF has them all (the preview says so). */
export const PREVIEW_TABLE_ROWS = 60;

/**
 * The report as it will print, drawn by the same code as the report page from the same data,
 * on a sheet of the chosen paper width scaled to the dialog. Page breaks are the PDF engine's
 * and are not shown; the marking banners stand for the ones on every page.
 */
export class ReportPreview {
  readonly element = el('div', { class: 'fl-report-preview', 'aria-label': 'Report preview', 'data-testid': 'report-preview' });
  private readonly _sheet = el('div', { class: 'fl-report-sheet' });
  private readonly _status = el('div', { class: 'fl-report-preview-status', role: 'status' });

  constructor(private readonly _files: BasemapFiles) {
    this.element.append(this._status, this._sheet);
  }

  message(text: string): void {
    this._status.textContent = text;
  }

  show(data: ReportData): void {
    const content = contentMm(data.options.pageSize, data.options.landscape);
    const banner = () => el('div', { class: 'fl-report-banner', text: data.options.marking });
    const body = el('div', {});
    const page = el('div', { class: 'fl-report-paper' }, banner(), body, banner());
    this._sheet.replaceChildren(page);
    renderReport(body, data, this._files, { maxTableRows: PREVIEW_TABLE_ROWS });
    // Scale the sheet to the pane's width; the layout inside stays in paper millimetres.
    const width = content.width * PX_PER_MM + 40;
    const scale = Math.min(1, (this.element.clientWidth - 24) / width);
    page.style.transform = `scale(${scale})`;
    page.style.transformOrigin = 'top left';
    this._sheet.style.height = `${page.scrollHeight * scale + 20}px`;
    this._status.textContent = `${countNoun(data.incidents.length, 'incident')} · ${countNoun(data.zones.length, 'zone')} · ${data.options.pageSize} ${data.options.landscape ? 'landscape' : 'portrait'}`;
  }
}
