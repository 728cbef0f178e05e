import type { AppInfo, FaultlineApi } from '../../shared/api/contract';
import type { CaseInfo } from '../../shared/domain/case';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/exports/exportFormats';
import { countNoun } from '../../shared/text/countNoun';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import { askToReplace, isFileExists, safeFileName, saveLocation } from './saveLocation';

/**
 * File ▸ Export…: the open case's incidents and zones as GeoJSON, KML, KMZ or CSV, written by
 * the Node side (the formats' libraries live there), to a file the analyst chooses.
 */
export function showExportDialog(api: FaultlineApi, app: AppInfo, info: CaseInfo): void {
  const modal = openModal('Export case data', { wide: true });
  let format: ExportFormat = 'geojson';
  const fileName = () => safeFileName(info.name, EXPORT_FORMATS[format].extension);
  const error = el('div', { class: 'fl-field-error', role: 'alert' });
  const prompt = el('div', { class: 'fl-prompt-host' });
  const location = saveLocation(api, app, () => format, fileName());
  const choices = el(
    'fieldset',
    { class: 'fl-choices' },
    el('legend', { text: 'Format' }),
    ...(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) =>
      el(
        'label',
        { class: 'fl-choice' },
        el('input', {
          type: 'radio',
          name: 'export-format',
          value: f,
          checked: f === format,
          onchange: () => {
            format = f;
            location.setFileName(fileName());
          },
        }),
        el('span', { class: 'fl-choice-label', text: EXPORT_FORMATS[f].label }),
        el('span', { class: 'fl-field-hint', text: ` — ${EXPORT_FORMATS[f].what}` }),
      ),
    ),
  );
  // Excel reads a CSV as UTF-8 only when it begins with a byte-order mark; other tools want none.
  const excel = el('input', { type: 'checkbox', name: 'byte-order-mark' });
  const excelChoice = el('label', { class: 'fl-check', hidden: true }, excel, 'For Microsoft Excel (adds a byte-order mark, without which Excel garbles č, ć and Cyrillic)');
  choices.addEventListener('change', () => {
    excelChoice.hidden = format !== 'csv';
  });
  const exportButton = el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Export' });
  const form = el(
    'form',
    { class: 'fl-dialog-form', 'aria-label': 'Export' },
    el('p', { class: 'fl-field-hint', text: `${countNoun(info.counts.incidents, 'incident')} and ${countNoun(info.counts.zones, 'zone')} of “${info.name}”. Coordinates are WGS 84 longitude/latitude, written as stored.` }),
    choices,
    excelChoice,
    location.element,
    prompt,
    error,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), exportButton),
  );
  const write = async (overwrite: boolean): Promise<void> => {
    const path = location.path();
    if (!path) return void (error.textContent = app.nativeDialogs ? 'Choose where to save the file.' : 'Choose a folder and a file name.');
    exportButton.disabled = true;
    try {
      const result = await api.exports.write({ format, path, overwrite: overwrite || location.confirmedOverwrite(), ...(format === 'csv' && excel.checked ? { byteOrderMark: true } : {}) });
      modal.close();
      const what = result.format === 'csv' ? countNoun(result.incidents, 'incident') : `${countNoun(result.incidents, 'incident')} and ${countNoun(result.zones, 'zone')}`;
      toast(`Exported ${what} to ${result.path}`);
    } catch (err) {
      if (isFileExists(err) && !overwrite && (await askToReplace(prompt, `${path.split(/[\\/]/).pop()} already exists. Replace it?`))) return write(true);
      error.textContent = errorMessage(err);
    } finally {
      exportButton.disabled = false;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    void write(false);
  });
  modal.body.append(form);
}
