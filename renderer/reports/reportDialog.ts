import type { AppInfo, FaultlineApi } from '../../shared/api/contract';
import type { CaseInfo } from '../../shared/domain/case';
import type { ReportProgress } from '../../shared/reports/reportProgress';
import type { HostConnection } from '../api/hostClient';
import type { BasemapFiles } from '../map/basemapData';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import { reportForm } from './reportForm';
import { ReportPreview } from './reportPreview';
import { askToReplace, isFileExists, safeFileName, saveLocation } from './saveLocation';
import './reports.css';
import { countNoun } from '../../shared/text/countNoun';

export interface ReportDialogContext {
  host: HostConnection;
  app: AppInfo;
  info: CaseInfo;
  basemap: BasemapFiles;
  view: [number, number, number, number];
}

/** Waits this long after the last change before asking for a new preview. */
const PREVIEW_DELAY_MS = 500;

/**
 * File ▸ Report…: options on the left, the preview on the right, then "Make PDF". The Node
 * side builds the data and prints it in Chromium; this window only shows progress (events)
 * and stays usable, however many incidents the report has.
 */
export async function showReportDialog(ctx: ReportDialogContext): Promise<void> {
  const api: FaultlineApi = ctx.host.api;
  const [zones, settings] = await Promise.all([api.zones.list({}).catch(() => []), api.settings.get({}).catch(() => ({ author: '' }))]);
  let closed = false;
  let stopEvents: (() => void) | null = null;
  const modal = openModal('Report', {
    wide: true,
    onClose: () => {
      closed = true;
      stopEvents?.();
    },
  });
  modal.element.classList.add('fl-modal-report');

  const preview = new ReportPreview(ctx.basemap);
  let timer = 0;
  let requested = 0;
  const refresh = async () => {
    const ticket = ++requested;
    const problem = form.problem();
    if (problem) return preview.message(problem);
    preview.message('Updating the preview…');
    try {
      const data = await api.reports.preview({ options: form.options() });
      if (ticket === requested && !closed) preview.show(data);
    } catch (err) {
      if (ticket === requested) preview.message(errorMessage(err));
    }
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
  };
  const form = reportForm({ caseName: ctx.info.name, author: settings.author, zones, basemap: ctx.basemap, view: ctx.view }, schedule);

  const location = saveLocation(api, ctx.app, () => 'pdf', safeFileName(`${ctx.info.name} report`, '.pdf'));
  const progressBar = el('progress', { class: 'fl-progress', max: 100, value: 0 });
  const progressText = el('span', { class: 'fl-progress-text', role: 'status', 'data-testid': 'report-progress' });
  const progress = el('div', { class: 'fl-report-progress', hidden: true }, progressBar, progressText);
  const error = el('div', { class: 'fl-field-error', role: 'alert' });
  const prompt = el('div', { class: 'fl-prompt-host' });
  const make = el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Make PDF' });

  const generate = async (overwrite: boolean): Promise<void> => {
    const problem = form.problem();
    if (problem) return void (error.textContent = problem);
    const path = location.path();
    if (!path) return void (error.textContent = ctx.app.nativeDialogs ? 'Choose where to save the PDF.' : 'Choose a folder and a file name for the PDF.');
    const jobId = `report-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    stopEvents?.();
    stopEvents = ctx.host.onEvent((name, payload) => {
      if (name !== 'report.progress') return;
      const p = payload as ReportProgress;
      if (p.jobId !== jobId) return;
      progressBar.value = p.percent;
      progressText.textContent = p.message;
    });
    make.disabled = true;
    progress.hidden = false;
    progressBar.value = 2;
    progressText.textContent = 'Starting…';
    try {
      const written = await api.reports.generate({ options: form.options(), path, overwrite: overwrite || location.confirmedOverwrite(), jobId });
      progressBar.value = 100;
      progressText.textContent = `Saved ${written.pages} pages to ${written.path}`;
      toast(`Report saved: ${written.path} (${countNoun(written.pages, 'page')}, ${countNoun(written.incidents, 'incident')})`);
      if (!closed) modal.close();
    } catch (err) {
      progress.hidden = true;
      if (isFileExists(err) && !overwrite && (await askToReplace(prompt, `${path.split(/[\\/]/).pop()} already exists. Replace it?`))) return generate(true);
      error.textContent = errorMessage(err);
      if (closed) toast(`The report could not be made: ${errorMessage(err)}`, { kind: 'error' });
    } finally {
      make.disabled = false;
      stopEvents?.();
      stopEvents = null;
    }
  };

  const side = el(
    'form',
    { class: 'fl-report-side', 'aria-label': 'Report options' },
    form.element,
    el('fieldset', {}, el('legend', { text: 'Save as' }), location.element),
    prompt,
    error,
    progress,
    el('footer', { class: 'fl-form-footer' }, el('button', { type: 'button', class: 'fl-btn', text: 'Update preview', onclick: () => void refresh() }), el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Close', onclick: () => modal.close() }), make),
  );
  side.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    void generate(false);
  });
  modal.body.classList.add('fl-report-body');
  modal.body.append(side, preview.element);
  void refresh();
}
