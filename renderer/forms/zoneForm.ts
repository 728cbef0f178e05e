import { ApiError } from '../../shared/api/errors';
import { LIMITS } from '../../shared/domain/limits';
import { AFFILIATIONS, ZONE_KINDS, ZONE_STATUSES, checkZoneFields, type Affiliation, type Circle, type Zone, type ZoneFields, type ZoneGeometry } from '../../shared/domain/zone';
import { CREDIBILITY, RELIABILITY } from '../../shared/taxonomy/grading';
import { ECHELONS, UNIT_TYPES, buildSidc, parseSidc } from '../../shared/taxonomy/symbolCode';
import { el } from '../ui/dom';
import { describeShape } from '../zones/describeShape';
import { unitSymbolImage } from '../zones/unitSymbol';
import { FieldProblems, setOptions } from './fieldProblems';

export interface ZoneFormOptions {
  /** The zone being edited, or null for a new one. */
  zone: Zone | null;
  initial: ZoneFields;
  /** A notice shown above the fields (e.g. that a crossing outline was repaired). */
  notice?: string;
  /** Persists the fields; throws ApiError on refusal. */
  save(fields: ZoneFields): Promise<void>;
  remove?: () => void;
  close(): void;
}

const NO_SYMBOL = '';
const CUSTOM = 'custom';

/**
 * The zone form (DESIGN §4 zone fields). The unit symbol is not typed: the form builds its
 * code from affiliation, unit type and echelon (and status: a planned zone's symbol has a
 * dashed frame), shows it as it will appear, and reads those choices back from a saved code.
 * Validation is the shared schema, so the Node side's messages land in the same places.
 */
export class ZoneForm {
  readonly element: HTMLFormElement;
  private readonly _fields = new FieldProblems();
  private readonly _preview = el('span', { class: 'fl-symbol-preview', 'data-testid': 'symbol-preview' });
  private readonly _customSidc: string;
  private readonly _shapeSummary: HTMLElement;
  /** The shape the form saves with: the zone's as it is now, not as it was when the form opened. */
  private _shape: { geometry: ZoneGeometry; circle: Circle | null };
  private _busy = false;

  constructor(private readonly _options: ZoneFormOptions) {
    const f = _options.initial;
    const F = this._fields;
    this._shape = { geometry: f.geometry, circle: f.circle };
    this._shapeSummary = el('div', { class: 'fl-shape-summary', 'data-testid': 'zone-shape', text: describeShape(f.geometry, f.circle) });
    const text = (name: string, value: string, attrs: Record<string, string | number> = {}) =>
      F.register(name, el('input', { type: 'text', class: 'fl-input', value, autocomplete: 'off', ...attrs }));
    const select = (name: string, entries: [string, string][], selected: string) => {
      const s = F.register(name, el('select', { class: 'fl-input' }));
      setOptions(s, entries, selected);
      return s;
    };
    const isLine = f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
    const parsed = parseSidc(f.sidc);
    this._customSidc = f.sidc && !parsed ? f.sidc : '';
    const unitTypes: [string, string][] = [[NO_SYMBOL, 'No unit symbol'], ...Object.entries(UNIT_TYPES)];
    if (this._customSidc) unitTypes.push([CUSTOM, `Custom code ${this._customSidc} (kept)`]);
    const unitType = select('unit_type', unitTypes, parsed ? parsed.unitType : this._customSidc ? CUSTOM : NO_SYMBOL);
    const echelon = select('echelon', Object.entries(ECHELONS), parsed?.echelon ?? '00');
    const kinds = Object.entries(ZONE_KINDS).filter(([k]) => isLine || k !== 'route');
    const title = _options.zone ? 'Edit zone' : 'New zone';

    this.element = el(
      'form',
      { class: 'fl-form', novalidate: true, 'aria-label': title },
      el('header', { class: 'fl-form-header' }, el('h2', { text: title }),
        el('button', { type: 'button', class: 'fl-icon-btn', title: 'Close (Esc)', 'aria-label': 'Close', text: '×', onclick: () => this._options.close() })),
      F.summary,
      _options.notice ? el('div', { class: 'fl-form-notice', role: 'status', 'data-testid': 'zone-form-notice', text: _options.notice }) : null,
      el('div', { class: 'fl-form-body' },
        this._shapeSummary,
        F.field('Name', 'name', text('name', f.name, { maxlength: LIMITS.title + 50 })),
        el('div', { class: 'fl-field-row' },
          F.field('Kind', 'kind', select('kind', kinds, f.kind)),
          F.field('Status', 'status', select('status', Object.entries(ZONE_STATUSES), f.status))),
        el('div', { class: 'fl-field-row' },
          F.field('Force', 'force', text('force', f.force, { placeholder: 'e.g. KFOR' })),
          F.field('Unit', 'unit', text('unit', f.unit, { placeholder: 'e.g. RC-East' }))),
        el('div', { class: 'fl-field-row' },
          F.field('Affiliation', 'affiliation', select('affiliation', Object.entries(AFFILIATIONS), f.affiliation)),
          F.field('Strength', 'strength', text('strength', f.strength, { placeholder: 'e.g. about 300' }))),
        el('div', { class: 'fl-field-row fl-symbol-row' },
          F.field('Unit type', 'unit_type', unitType),
          F.field('Echelon', 'echelon', echelon),
          el('div', { class: 'fl-field fl-field-symbol', 'data-field': 'sidc' }, el('span', { class: 'fl-field-label', text: 'Symbol' }), this._preview)),
        el('div', { class: 'fl-field-row' },
          F.field('Valid from', 'valid_from', text('valid_from', f.valid_from, { placeholder: 'YYYY-MM-DD' })),
          F.field('Valid to', 'valid_to', text('valid_to', f.valid_to, { placeholder: 'YYYY-MM-DD' }))),
        F.field('Source', 'source', text('source', f.source)),
        F.field('Source URL', 'source_url', text('source_url', f.source_url, { placeholder: 'https://…', inputmode: 'url' })),
        el('div', { class: 'fl-field-row' },
          F.field('Source reliability', 'reliability', select('reliability', Object.entries(RELIABILITY).map(([k, v]) => [k, `${k} – ${v}`]), f.reliability)),
          F.field('Information credibility', 'credibility', select('credibility', Object.entries(CREDIBILITY).map(([k, v]) => [k, `${k} – ${v}`]), String(f.credibility)))),
        F.field('Notes', 'notes', F.register('notes', el('textarea', { class: 'fl-input', rows: 4, text: f.notes })))),
      el('footer', { class: 'fl-form-footer' },
        _options.remove ? el('button', { type: 'button', class: 'fl-btn fl-btn-danger', text: 'Delete', onclick: () => _options.remove?.() }) : null,
        el('span', { class: 'fl-spacer' }),
        el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => this._options.close() }),
        el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Save', title: 'Save (Ctrl+Enter)' })),
    );
    for (const name of ['unit_type', 'echelon', 'affiliation', 'status']) F.controls.get(name)!.addEventListener('change', () => this._showSymbol());
    this._showSymbol();
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this._options.close();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.submit();
      }
    });
  }

  /**
   * The zone's shape changed on the map while the form is open (reshaped, moved, cut, undone):
   * the form shows it and saves with it, so a save never puts back the outline it opened with.
   */
  showShape(geometry: ZoneGeometry, circle: Circle | null): void {
    this._shape = { geometry, circle };
    this._shapeSummary.textContent = describeShape(geometry, circle);
  }

  focus(): void {
    (this._fields.controls.get('name') as HTMLInputElement | undefined)?.focus();
  }

  /** The symbol code the current choices make. */
  sidc(): string {
    const v = (n: string) => this._fields.value(n);
    if (v('unit_type') === NO_SYMBOL) return '';
    if (v('unit_type') === CUSTOM) return this._customSidc;
    return buildSidc({ affiliation: v('affiliation') as Affiliation, unitType: v('unit_type'), echelon: v('echelon'), planned: v('status') === 'planned' });
  }

  read(): Record<string, unknown> {
    const v = (n: string) => this._fields.value(n);
    return {
      name: v('name').trim(),
      kind: v('kind'),
      force: v('force').trim(),
      unit: v('unit').trim(),
      affiliation: v('affiliation'),
      sidc: this.sidc(),
      strength: v('strength').trim(),
      status: v('status'),
      valid_from: v('valid_from').trim(),
      valid_to: v('valid_to').trim(),
      source: v('source').trim(),
      source_url: v('source_url').trim(),
      reliability: v('reliability'),
      credibility: Number(v('credibility')),
      notes: v('notes'),
      geometry: this._shape.geometry,
      circle: this._shape.circle,
    };
  }

  async submit(): Promise<boolean> {
    if (this._busy) return false;
    const checked = checkZoneFields(this.read());
    if (!checked.ok) {
      this._fields.show(checked.problems, fieldOf);
      return false;
    }
    this._busy = true;
    this.element.classList.add('fl-busy');
    try {
      await this._options.save(checked.value);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.problems?.length) this._fields.show(err.problems.map((p) => ({ ...p, field: p.field.replace(/^fields\./, '') })), fieldOf);
      else this._fields.show([{ field: '(zone)', message: err instanceof Error ? err.message : String(err) }]);
      return false;
    } finally {
      this._busy = false;
      this.element.classList.remove('fl-busy');
    }
  }

  private _showSymbol(): void {
    const img = unitSymbolImage(this.sidc(), 34, 'Unit symbol preview');
    this._preview.replaceChildren(img ?? el('span', { class: 'fl-hint', text: 'none' }));
    this._preview.title = this.sidc() ? `Symbol code ${this.sidc()}` : 'No unit symbol';
  }
}

/** Where a schema problem is shown: the symbol code's problems go next to the unit type. */
function fieldOf(problemField: string): string {
  const name = problemField.split('.')[0] ?? '';
  if (name === 'sidc') return 'unit_type';
  if (name === 'geometry' || name === 'circle') return '(zone)';
  return name;
}
