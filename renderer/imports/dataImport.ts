import type { FieldMapping, FieldSource, ForeignImportResult, ForeignLayerChoice, ForeignLayerSummary, ForeignPreview, LayerTarget } from '../../shared/domain/foreign';
import { INCIDENT_MAPPABLE, ZONE_MAPPABLE, type MappableField } from '../../shared/domain/foreignMapping';
import { el } from '../ui/dom';
import { openModal } from '../ui/modal';
import { errorMessage, toast } from '../ui/toast';
import { chooseFile, type ImportFlowContext } from './importFlow';
import { pushImportUndo, undoLatest } from './importUndo';
import { countNoun } from '../../shared/text/countNoun';

/**
 * File ▸ Import Data: the mapping step for a file from another tool. For each layer the
 * analyst says what it becomes (incidents, zones, a reference overlay, or nothing) and, for
 * incidents and zones, which source column (or fixed text, with {column} placeholders) feeds
 * each Faultline field; the guesses are pre-filled (ACLED's export column by column). Import
 * first runs as a check: rows that would be skipped are listed with the reason, and are only
 * skipped once the analyst agrees.
 */

const TARGETS: [LayerTarget, string][] = [
  ['incidents', 'Incidents'],
  ['zones', 'Zones'],
  ['overlay', 'Reference overlay (shown, not edited)'],
  ['skip', 'Do not import'],
];
const FIXED = '\u0000fixed';

interface LayerForm {
  summary: ForeignLayerSummary;
  element: HTMLElement;
  choice(): ForeignLayerChoice;
}

function fieldRow(field: MappableField, columns: string[], initial: FieldSource | null | undefined): { row: HTMLElement; value(): FieldSource | null } {
  const select = el('select', { class: 'fl-input', 'aria-label': field.label, 'data-field': field.key });
  select.append(
    el('option', { value: '', text: field.required ? '— (required)' : '—' }),
    el('option', { value: FIXED, text: 'Fixed value…' }),
    ...columns.map((c) => el('option', { value: c, text: `Column “${c}”` })),
  );
  const fixed = el('input', { type: 'text', class: 'fl-input', 'aria-label': `${field.label} (fixed value)`, placeholder: 'text, or {column}' });
  if (initial && 'column' in initial) select.value = initial.column;
  else if (initial && 'value' in initial) {
    select.value = FIXED;
    fixed.value = initial.value;
  }
  const sync = () => (fixed.hidden = select.value !== FIXED);
  select.addEventListener('change', sync);
  sync();
  return {
    row: el('tr', {}, el('th', { text: field.label }), el('td', {}, select), el('td', {}, fixed)),
    value: () => (select.value === '' ? null : select.value === FIXED ? { value: fixed.value } : { column: select.value }),
  };
}

function mappingTable(fields: readonly MappableField[], columns: string[], initial: FieldMapping): { element: HTMLElement; mapping(): FieldMapping } {
  const rows = fields.map((f) => ({ key: f.key, ...fieldRow(f, columns, initial[f.key]) }));
  return {
    element: el('table', { class: 'fl-mapping-table' }, el('tbody', {}, rows.map((r) => r.row))),
    mapping: () => Object.fromEntries(rows.map((r) => [r.key, r.value()])),
  };
}

function sampleTable(summary: ForeignLayerSummary): HTMLElement | null {
  if (!summary.sample.length || !summary.fields.length) return null;
  const columns = summary.fields.slice(0, 8);
  return el(
    'details',
    { class: 'fl-sample' },
    el('summary', { text: `First rows (${columns.length} of ${summary.fields.length} columns)` }),
    el(
      'div',
      { class: 'fl-sample-scroll' },
      el('table', { class: 'fl-sample-table' }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', { text: c })))), el('tbody', {}, summary.sample.slice(0, 3).map((row) => el('tr', {}, columns.map((c) => el('td', { text: row[c] ?? '' })))))),
    ),
  );
}

function layerForm(summary: ForeignLayerSummary): LayerForm {
  const target = el('select', { class: 'fl-input', 'aria-label': `Import “${summary.name}” as`, 'data-layer': summary.id });
  target.append(...TARGETS.map(([value, label]) => el('option', { value, text: label })));
  target.value = summary.suggested.target;
  const incidents = mappingTable(INCIDENT_MAPPABLE, summary.fields, summary.suggested.incidents);
  const zones = mappingTable(ZONE_MAPPABLE, summary.fields, summary.suggested.zones);
  const name = el('input', { type: 'text', class: 'fl-input', value: summary.name, 'aria-label': 'Overlay name' });
  const color = el('input', { type: 'color', class: 'fl-color', value: summary.suggested.color, 'aria-label': 'Overlay colour' });
  const overlay = el('div', { class: 'fl-field-row' }, el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: 'Overlay name' }), name), el('label', { class: 'fl-field fl-field-narrow' }, el('span', { class: 'fl-field-label', text: 'Colour' }), color));
  const body = el('div', {});
  const show = () => {
    const t = target.value as LayerTarget;
    body.replaceChildren(...(t === 'incidents' ? [incidents.element] : t === 'zones' ? [zones.element] : t === 'overlay' ? [overlay] : []));
  };
  target.addEventListener('change', show);
  show();
  const types = Object.entries(summary.geometryTypes).map(([t, n]) => `${n} ${t === 'none' ? 'without location' : t}`).join(', ');
  const element = el(
    'section',
    { class: 'fl-data-layer' },
    el('header', { class: 'fl-data-layer-head' }, el('h3', { text: summary.name }), el('span', { class: 'fl-field-hint', text: `${summary.featureCount.toLocaleString('en')} features: ${types || 'none'}` }), el('span', { class: 'fl-spacer' }), target),
    body,
    sampleTable(summary),
  );
  return {
    summary,
    element,
    choice: () => {
      const t = target.value as LayerTarget;
      return {
        id: summary.id,
        target: t,
        mapping: t === 'incidents' ? incidents.mapping() : t === 'zones' ? zones.mapping() : undefined,
        name: name.value.trim() || summary.name,
        color: color.value.toLowerCase(),
      };
    },
  };
}

function resultText(r: ForeignImportResult): string {
  const parts = [
    r.incidents && countNoun(r.incidents, 'incident'),
    r.zones && countNoun(r.zones, 'zone'),
    r.updated && `${r.updated} updated`,
    r.conflicts && `${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'} to resolve`,
    r.overlays && `${countNoun(r.overlays, 'overlay')} (${countNoun(r.overlayFeatures, 'shape')})`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing new';
}

export async function importData(ctx: ImportFlowContext, onOverlays: () => Promise<void>, path?: string): Promise<void> {
  const api = ctx.host.api;
  const file = path ?? (await chooseFile(ctx, 'data', 'Import data'));
  if (!file) return;
  let preview: ForeignPreview;
  try {
    preview = await api.imports.readData({ path: file });
  } catch (err) {
    toast(errorMessage(err), { kind: 'error' });
    return;
  }
  let imported = false;
  const modal = openModal(`Import data — ${preview.fileName}`, { wide: true, onClose: () => { if (!imported) void api.imports.discardData({ dataId: preview.dataId }); } });
  const forms = preview.layers.map(layerForm);
  const status = el('div', { class: 'fl-data-status', role: 'status' });
  let consent = false;
  const importButton = el('button', { type: 'button', class: 'fl-btn fl-btn-primary', text: 'Import' });
  importButton.addEventListener('click', async () => {
    importButton.disabled = true;
    status.replaceChildren();
    const layers = forms.map((f) => f.choice());
    try {
      if (!consent) {
        const check = await api.imports.applyData({ dataId: preview.dataId, layers, dryRun: true });
        if (check.skipped.total > 0) {
          consent = true;
          status.append(
            el('p', { class: 'fl-warning', text: `${check.skipped.total} rows cannot be imported; the rest would be: ${resultText(check)}.` }),
            el('ul', { class: 'fl-skipped-list', 'data-testid': 'data-skipped' }, check.skipped.rows.map((r) => el('li', {}, el('strong', { text: `${r.layer}, “${r.label}”` }), ` (row ${r.row}): ${r.reason}`))),
          );
          importButton.textContent = 'Import the valid part';
          importButton.disabled = false;
          return;
        }
      }
      const result = await api.imports.applyData({ dataId: preview.dataId, layers, importValidPart: consent });
      imported = true;
      modal.close();
      const reload = async () => {
        await ctx.afterChange();
        await onOverlays();
      };
      await reload();
      if (result.importId && result.undoable) pushImportUndo(ctx, `Import of “${preview.fileName}”`, result.importId, reload);
      toast(
        `Imported from “${preview.fileName}”: ${resultText(result)}${result.unchanged ? ` (${result.unchanged} already in the case)` : ''}.`,
        result.importId && result.undoable ? { action: { label: 'Undo', run: () => undoLatest(ctx) } } : {},
      );
    } catch (err) {
      status.append(el('p', { class: 'fl-field-error', role: 'alert', text: errorMessage(err) }));
      importButton.disabled = false;
    }
  });
  modal.body.append(
    ...(preview.acled ? [el('p', { class: 'fl-field-hint', text: 'This is an ACLED export: its columns are mapped to Faultline’s fields one by one.' })] : []),
    ...preview.warnings.map((w) => el('p', { class: 'fl-warning', text: w })),
    el('div', { class: 'fl-data-layers' }, forms.map((f) => f.element)),
    status,
    el('footer', { class: 'fl-form-footer' }, el('span', { class: 'fl-spacer' }), el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => modal.close() }), importButton),
  );
}
