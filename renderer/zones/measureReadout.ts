import L from 'leaflet';
import { el } from '../ui/dom';

export interface ReadoutAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

/**
 * The measurement readout over the map: live lengths, bearings, areas and radii while a shape
 * is drawn, edited or measured, with the actions that apply (keep as a zone, clear). One
 * readout serves every tool; the tool that shows something owns it until it hides it.
 */
export class MeasureReadout {
  readonly element = el('div', { class: 'fl-readout', 'data-testid': 'measure-readout', role: 'status', 'aria-live': 'polite', hidden: true });
  private _owner: string | null = null;

  constructor(map: L.Map) {
    map.getContainer().append(this.element);
    L.DomEvent.disableClickPropagation(this.element);
    L.DomEvent.disableScrollPropagation(this.element);
    // An action re-renders the readout, detaching the clicked button before the click reaches
    // the map, where Leaflet could no longer tell it came from the readout: stop it here.
    L.DomEvent.on(this.element, 'click', L.DomEvent.stopPropagation);
  }

  show(owner: string, title: string, lines: (string | Node)[], actions: ReadoutAction[] = []): void {
    this._owner = owner;
    this.element.replaceChildren(
      el('div', { class: 'fl-readout-title', text: title }),
      ...lines.map((line) => el('div', { class: 'fl-readout-line' }, line)),
    );
    if (actions.length) {
      this.element.append(
        el('div', { class: 'fl-readout-actions' }, ...actions.map((a) => el('button', { type: 'button', class: `fl-btn fl-btn-small${a.primary ? ' fl-btn-primary' : ''}`, text: a.label, onclick: a.run }))),
      );
    }
    this.element.hidden = false;
  }

  /** Hides the readout if `owner` still owns it (another tool may have taken it over). */
  hide(owner: string): void {
    if (this._owner !== owner) return;
    this._owner = null;
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
