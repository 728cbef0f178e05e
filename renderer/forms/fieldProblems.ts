import type { FieldProblem } from '../../shared/domain/incident';
import { el } from '../ui/dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The controls of a form by field name, with an error slot under each and a summary at the
 * top: the same schema messages the Node side would send land next to their fields.
 */
export class FieldProblems {
  readonly controls = new Map<string, Control>();
  readonly summary = el('div', { class: 'fl-form-summary', role: 'alert' });
  private readonly _errors = new Map<string, HTMLElement>();

  register<T extends Control>(name: string, control: T): T {
    control.id = `fl-field-${name}`;
    control.name = name;
    this.controls.set(name, control);
    control.addEventListener('input', () => this.clear(name));
    control.addEventListener('change', () => this.clear(name));
    return control;
  }

  value(name: string): string {
    return this.controls.get(name)?.value ?? '';
  }

  /** A labelled field: label, control, optional hint, error slot. */
  field(label: string, name: string, control: Node, hint?: string): HTMLElement {
    const slot = el('span', { class: 'fl-field-error', 'data-error-for': name, role: 'alert' });
    this._errors.set(name, slot);
    return el('label', { class: 'fl-field', 'data-field': name }, el('span', { class: 'fl-field-label', text: label }), control, hint ? el('span', { class: 'fl-field-hint', text: hint }) : null, slot);
  }

  clear(name: string): void {
    const slot = this._errors.get(name);
    if (slot) slot.textContent = '';
    this.controls.get(name)?.classList.remove('fl-invalid');
    this.controls.get(name)?.removeAttribute('aria-invalid');
    if (![...this._errors.values()].some((s) => s.textContent)) this.summary.textContent = '';
  }

  show(problems: FieldProblem[], fieldOf: (problemField: string) => string = (f) => f.split('.')[0] ?? ''): void {
    for (const slot of this._errors.values()) slot.textContent = '';
    for (const c of this.controls.values()) c.classList.remove('fl-invalid');
    const general: string[] = [];
    for (const p of problems) {
      const name = fieldOf(p.field);
      const slot = this._errors.get(name);
      if (slot) {
        if (!slot.textContent) slot.textContent = p.message;
        this.controls.get(name)?.classList.add('fl-invalid');
        this.controls.get(name)?.setAttribute('aria-invalid', 'true');
      } else general.push(p.message);
    }
    this.summary.textContent =
      problems.length === 1 ? (general[0] ?? 'Please correct the highlighted field.') : `Please correct ${problems.length} problems.${general.length ? ' ' + general.join(' ') : ''}`;
    problems.map((p) => this.controls.get(fieldOf(p.field))).find(Boolean)?.focus();
  }
}

export function setOptions(select: HTMLSelectElement, entries: [string, string][], selected: string): void {
  select.replaceChildren(...entries.map(([value, label]) => el('option', { value, text: label, selected: value === selected })));
}
