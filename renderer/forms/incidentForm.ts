import type { FaultlineApi } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { checkIncidentFields, type FieldProblem, type Incident, type IncidentFields } from '../../shared/domain/incident';
import { LIMITS } from '../../shared/domain/limits';
import { ACLED_EVENT_TYPES, EVENT_TYPES, isEventType } from '../../shared/taxonomy/acled';
import { CREDIBILITY, GEO_PRECISION, RELIABILITY, TIME_PRECISION } from '../../shared/taxonomy/grading';
import { el } from '../ui/dom';

export interface IncidentFormOptions {
  api: FaultlineApi;
  /** The incident being edited, or null for a new one. */
  incident: Incident | null;
  initial: IncidentFields;
  /** Persists the fields; throws ApiError on refusal. */
  save(fields: IncidentFields): Promise<void>;
  remove?: () => void;
  close(): void;
  /** Called when the analyst edits the coordinates, to move the preview marker. */
  onPositionChange?: (lon: number, lat: number) => void;
  /** The gazetteer place nearest a point (offered as the location name), or null. */
  nearestPlace?: (lon: number, lat: number) => { name: string; km: number } | null;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function options(select: HTMLSelectElement, entries: [string, string][], selected: string): void {
  select.replaceChildren(...entries.map(([value, label]) => el('option', { value, text: label, selected: value === selected })));
}

/**
 * The incident form (DESIGN §4 fields). Validation uses the same schema as the Node side, so
 * a bad value gets its message next to its field before anything is sent; the Node side checks
 * again and its messages land in the same places.
 */
export class IncidentForm {
  readonly element: HTMLFormElement;
  private readonly _controls = new Map<string, Control>();
  private readonly _errors = new Map<string, HTMLElement>();
  private readonly _summary: HTMLElement;
  private readonly _admin: HTMLElement;
  /** "Nearest place: Zvečan, 200 m away — Use it", under the location name. */
  private readonly _placeHint = el('div', { class: 'fl-field-hint fl-place-suggestion', 'data-testid': 'place-suggestion', hidden: true });
  private _lookupTimer = 0;
  private _busy = false;

  constructor(private readonly _options: IncidentFormOptions) {
    const f = _options.initial;
    const text = (name: string, value: string, attrs: Record<string, string | number> = {}) =>
      this._register(name, el('input', { type: 'text', class: 'fl-input', name, value, ...attrs }));
    const number = (name: string, value: number, attrs: Record<string, string | number> = {}) =>
      this._register(name, el('input', { type: 'number', class: 'fl-input', name, value: String(value), ...attrs }));
    const select = (name: string, entries: [string, string][], selected: string) => {
      const s = el('select', { class: 'fl-input', name });
      options(s, entries, selected);
      return this._register(name, s);
    };

    const [datePart, timePart] = f.occurred_at.split('T');
    const eventType = select('event_type', EVENT_TYPES.map((t) => [t, t]), f.event_type) as HTMLSelectElement;
    const subEvent = select('sub_event_type', ACLED_EVENT_TYPES[f.event_type].map((s) => [s, s]), f.sub_event_type) as HTMLSelectElement;
    eventType.addEventListener('change', () => {
      const type = eventType.value;
      if (isEventType(type)) options(subEvent, ACLED_EVENT_TYPES[type].map((s) => [s, s]), ACLED_EVENT_TYPES[type][0]);
    });

    this._admin = el('div', { class: 'fl-admin', 'data-testid': 'admin-area', text: '…' });
    this._summary = el('div', { class: 'fl-form-summary', role: 'alert' });
    const field = (label: string, name: string, control: Node, hint?: string) =>
      el('label', { class: 'fl-field', 'data-field': name }, el('span', { class: 'fl-field-label', text: label }), control, hint ? el('span', { class: 'fl-field-hint', text: hint }) : null, this._errorSlot(name));

    const lon = number('lon', f.lon, { step: 'any', min: -180, max: 180 });
    const lat = number('lat', f.lat, { step: 'any', min: -90, max: 90 });
    for (const c of [lon, lat]) c.addEventListener('input', () => this._positionEdited());

    this.element = el(
      'form',
      { class: 'fl-form', novalidate: true, 'aria-label': _options.incident ? 'Edit incident' : 'New incident' },
      el('header', { class: 'fl-form-header' }, el('h2', { text: _options.incident ? 'Edit incident' : 'New incident' }),
        el('button', { type: 'button', class: 'fl-icon-btn', title: 'Close (Esc)', 'aria-label': 'Close', text: '×', onclick: () => this._options.close() })),
      this._summary,
      el('div', { class: 'fl-form-body' },
        field('Title', 'title', text('title', f.title, { maxlength: LIMITS.title + 50, autocomplete: 'off' })),
        el('div', { class: 'fl-field-row' },
          field('Date', 'occurred_at', text('occurred_at', datePart ?? '', { placeholder: 'YYYY-MM-DD', inputmode: 'numeric' })),
          field('Time (optional)', 'occurred_time', text('occurred_time', timePart ?? '', { placeholder: 'HH:MM' })),
          field('Date precision', 'time_precision', select('time_precision', Object.entries(TIME_PRECISION), String(f.time_precision)))),
        el('div', { class: 'fl-field-row' },
          field('Event type', 'event_type', eventType),
          field('Sub-event type', 'sub_event_type', subEvent)),
        el('div', { class: 'fl-field-row' },
          field('Actor 1', 'actor1', text('actor1', f.actor1)),
          field('Actor 2', 'actor2', text('actor2', f.actor2))),
        el('div', { class: 'fl-field-row' },
          field('Fatalities', 'fatalities', number('fatalities', f.fatalities, { min: 0, step: 1 })),
          field('Injured', 'injured', number('injured', f.injured, { min: 0, step: 1 }))),
        field('Location name', 'location_name', text('location_name', f.location_name)),
        this._placeHint,
        el('div', { class: 'fl-field-row' },
          field('Longitude', 'lon', lon),
          field('Latitude', 'lat', lat),
          field('Location precision', 'geo_precision', select('geo_precision', Object.entries(GEO_PRECISION), String(f.geo_precision)))),
        el('div', { class: 'fl-field', 'data-field': 'admin' }, el('span', { class: 'fl-field-label', text: 'Country · area · municipality (from the basemap)' }), this._admin),
        field('Source', 'source', text('source', f.source)),
        field('Source URL', 'source_url', text('source_url', f.source_url, { placeholder: 'https://…', inputmode: 'url' })),
        el('div', { class: 'fl-field-row' },
          field('Source reliability', 'reliability', select('reliability', Object.entries(RELIABILITY).map(([k, v]) => [k, `${k} – ${v}`]), f.reliability)),
          field('Information credibility', 'credibility', select('credibility', Object.entries(CREDIBILITY).map(([k, v]) => [k, `${k} – ${v}`]), String(f.credibility)))),
        field('Tags', 'tags', text('tags', f.tags.join(', '), { placeholder: 'comma, separated' }), 'Separate tags with commas'),
        field('Notes', 'notes', this._register('notes', el('textarea', { class: 'fl-input', name: 'notes', rows: 5, text: f.notes })))),
      el('footer', { class: 'fl-form-footer' },
        _options.remove ? el('button', { type: 'button', class: 'fl-btn fl-btn-danger', text: 'Delete', onclick: () => _options.remove?.() }) : null,
        el('span', { class: 'fl-spacer' }),
        el('button', { type: 'button', class: 'fl-btn', text: 'Cancel', onclick: () => this._options.close() }),
        el('button', { type: 'submit', class: 'fl-btn fl-btn-primary', text: 'Save', title: 'Save (Ctrl+Enter)' })),
    );
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
    this._controls.get('location_name')!.addEventListener('input', () => this._suggestPlace());
    this._lookupAdmin();
  }

  focus(): void {
    (this._controls.get('title') as HTMLInputElement | undefined)?.focus();
  }

  /** The position the form currently holds (after the marker was dragged, for example). */
  setPosition(lon: number, lat: number): void {
    (this._controls.get('lon') as HTMLInputElement).value = String(lon);
    (this._controls.get('lat') as HTMLInputElement).value = String(lat);
    this._lookupAdmin();
  }

  /** Reads the controls into fields (without validating). */
  read(): Record<string, unknown> {
    const v = (name: string) => this._controls.get(name)?.value ?? '';
    const num = (name: string) => (v(name).trim() === '' ? NaN : Number(v(name)));
    const date = v('occurred_at').trim();
    const time = normaliseTime(v('occurred_time'));
    return {
      title: v('title').trim(),
      occurred_at: time ? `${date}T${time}` : date,
      time_precision: Number(v('time_precision')),
      event_type: v('event_type'),
      sub_event_type: v('sub_event_type'),
      actor1: v('actor1').trim(),
      actor2: v('actor2').trim(),
      fatalities: num('fatalities'),
      injured: num('injured'),
      location_name: v('location_name').trim(),
      geo_precision: Number(v('geo_precision')),
      source: v('source').trim(),
      source_url: v('source_url').trim(),
      reliability: v('reliability'),
      credibility: Number(v('credibility')),
      notes: v('notes'),
      tags: v('tags').split(',').map((t) => t.trim()).filter(Boolean),
      lon: num('lon'),
      lat: num('lat'),
    };
  }

  async submit(): Promise<boolean> {
    if (this._busy) return false;
    const fields = this.read();
    // A time that is not HH:MM is the time field's problem, not the date's: check the date
    // alone and say what is wrong with the time next to the time.
    const time = normaliseTime(this._controls.get('occurred_time')?.value ?? '');
    const timeProblem = time === '' || /^\d{2}:\d{2}$/.test(time) ? null : 'Use HH:MM for the time (for example 09:30), or leave it empty';
    if (timeProblem) fields.occurred_at = String(fields.occurred_at).split('T')[0];
    const checked = checkIncidentFields(fields);
    if (!checked.ok || timeProblem) {
      const problems = (checked.ok ? [] : checked.problems).map((p) =>
        p.field === 'occurred_at' && p.message.startsWith('The time ') ? { ...p, field: 'occurred_time' } : p,
      );
      this._showProblems([...(timeProblem ? [{ field: 'occurred_time', message: timeProblem }] : []), ...problems]);
      return false;
    }
    this._busy = true;
    this.element.classList.add('fl-busy');
    try {
      await this._options.save(checked.value);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.problems?.length) this._showProblems(err.problems.map((p) => ({ ...p, field: p.field.replace(/^fields\./, '') })));
      else this._showProblems([{ field: '(incident)', message: err instanceof Error ? err.message : String(err) }]);
      return false;
    } finally {
      this._busy = false;
      this.element.classList.remove('fl-busy');
    }
  }

  private _register<T extends Control>(name: string, control: T): T {
    control.id = `fl-field-${name}`;
    this._controls.set(name, control);
    control.addEventListener('input', () => {
      this._clearProblem(name);
      // The date is checked with its time: a change to the time may settle the date's problem.
      if (name === 'occurred_time') this._clearProblem('occurred_at');
    });
    return control;
  }

  private _errorSlot(name: string): HTMLElement {
    const slot = el('span', { class: 'fl-field-error', 'data-error-for': name, role: 'alert' });
    this._errors.set(name, slot);
    return slot;
  }

  private _clearProblem(name: string): void {
    const slot = this._errors.get(name);
    if (slot) slot.textContent = '';
    this._controls.get(name)?.classList.remove('fl-invalid');
    this._controls.get(name)?.removeAttribute('aria-invalid');
    if (![...this._errors.values()].some((s) => s.textContent)) this._summary.textContent = '';
  }

  private _showProblems(problems: FieldProblem[]): void {
    for (const slot of this._errors.values()) slot.textContent = '';
    for (const c of this._controls.values()) c.classList.remove('fl-invalid');
    const general: string[] = [];
    for (const p of problems) {
      const name = p.field.split('.')[0] ?? '';
      const slot = this._errors.get(name);
      if (slot) {
        if (!slot.textContent) slot.textContent = p.message;
        const control = this._controls.get(name);
        control?.classList.add('fl-invalid');
        control?.setAttribute('aria-invalid', 'true');
      } else general.push(p.message);
    }
    this._summary.textContent = problems.length === 1 ? (general[0] ?? 'Please correct the highlighted field.') : `Please correct ${problems.length} problems.${general.length ? ' ' + general.join(' ') : ''}`;
    const first = problems.map((p) => this._controls.get(p.field.split('.')[0] ?? '')).find(Boolean);
    first?.focus();
  }

  private _positionEdited(): void {
    const lon = Number((this._controls.get('lon') as HTMLInputElement).value);
    const lat = Number((this._controls.get('lat') as HTMLInputElement).value);
    if (Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) this._options.onPositionChange?.(lon, lat);
    this._lookupAdmin();
  }

  private _lookupAdmin(): void {
    window.clearTimeout(this._lookupTimer);
    this._lookupTimer = window.setTimeout(async () => {
      const lon = Number((this._controls.get('lon') as HTMLInputElement).value);
      const lat = Number((this._controls.get('lat') as HTMLInputElement).value);
      try {
        const area = await this._options.api.geo.lookup({ lon, lat });
        this._admin.textContent = [area.country, area.admin1, area.admin2].filter(Boolean).join(' · ') || 'Outside the mapped countries';
      } catch {
        this._admin.textContent = 'Coordinates out of range';
      }
      this._suggestPlace();
    }, 150);
  }

  /**
   * Offers the nearest gazetteer place as the location name (ACLED's `location`): one click
   * fills it in; nothing is filled in unasked. Hidden when the field already says it.
   */
  private _suggestPlace(): void {
    const lon = Number((this._controls.get('lon') as HTMLInputElement).value);
    const lat = Number((this._controls.get('lat') as HTMLInputElement).value);
    const input = this._controls.get('location_name') as HTMLInputElement;
    const near = Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? (this._options.nearestPlace?.(lon, lat) ?? null) : null;
    this._placeHint.hidden = !near || input.value.trim() === near.name;
    if (!near || this._placeHint.hidden) return;
    const distance = near.km < 1 ? `${Math.round(near.km * 1000)} m` : `${near.km.toFixed(1)} km`;
    this._placeHint.replaceChildren(
      el('span', { text: `Nearest place: ${near.name}, ${distance} away` }),
      el('button', {
        type: 'button',
        class: 'fl-link-btn',
        text: 'Use it',
        onclick: () => {
          input.value = near.name;
          this._placeHint.hidden = true;
          input.focus();
        },
      }),
    );
  }
}

/** A time as typed, with a one-digit hour padded ("9:30" → "09:30"); anything else as it is. */
function normaliseTime(typed: string): string {
  const t = typed.trim();
  return /^\d:\d{2}$/.test(t) ? `0${t}` : t;
}
