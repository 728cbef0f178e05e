import { createPlaceIndex, isNameMatch } from '../../shared/places/placeIndex';
import type { PlaceMatch } from '../../shared/places/placeTypes';
import type { PlaceRecord } from '../map/basemapData';
import { el, clear } from '../ui/dom';

/**
 * The place search box: offline, over the GeoNames gazetteer, accepting Latin, Albanian and
 * Cyrillic spellings. Enter flies to the best match only when it names what was typed (the
 * whole name, or the beginning of it or of one of its words); a look-alike found within a typo
 * is offered as a suggestion under "No place called …", and the arrows pick it.
 */
export class PlaceSearch {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly _results: HTMLElement;
  private _index: ReturnType<typeof createPlaceIndex> | null = null;
  private _matches: PlaceMatch[] = [];
  /** The highlighted result, or -1 when none is (no match names the place typed). */
  private _active = -1;

  constructor(private readonly _flyTo: (place: PlaceRecord) => void) {
    this.input = el('input', {
      type: 'search',
      class: 'fl-input fl-search-input',
      placeholder: 'Find a place… (Ctrl+F)',
      'aria-label': 'Find a place',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'fl-search-results',
    });
    this._results = el('ul', { class: 'fl-search-results', id: 'fl-search-results', role: 'listbox', hidden: true });
    this.element = el('div', { class: 'fl-search' }, this.input, this._results);
    this.input.addEventListener('input', () => this._update());
    this.input.addEventListener('keydown', (e) => this._onKey(e));
    this.input.addEventListener('blur', () => window.setTimeout(() => this._hide(), 150));
  }

  setPlaces(places: PlaceRecord[]): void {
    this._index = createPlaceIndex(places);
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private _update(): void {
    const q = this.input.value.trim();
    this._matches = q && this._index ? this._index.search(q, 8) : [];
    this._active = isNameMatch(this._matches[0]) ? 0 : -1;
    this._render(q);
  }

  private _render(q: string): void {
    clear(this._results);
    if (!q) return this._hide();
    if (!isNameMatch(this._matches[0])) {
      const text = this._matches.length ? `No place called “${q}”. Similar names:` : `No place called “${q}” in the gazetteer`;
      this._results.append(el('li', { class: 'fl-search-empty', role: 'status', text }));
    }
    this._matches.forEach(({ place, matchedName }, i) => {
      // The spelling that was asked for ("Leposavić"), with the gazetteer's own name
      // ("Leposaviq") beside it when they differ.
      const where = place.description ?? [place.admin1, place.country].filter(Boolean).join(', ');
      this._results.append(
        el('li', {
          class: `fl-search-result${i === this._active ? ' fl-active' : ''}`,
          role: 'option',
          'aria-selected': String(i === this._active),
          onmousedown: (e: Event) => {
            e.preventDefault();
            this._choose(i);
          },
        },
        el('span', { class: 'fl-search-name', text: matchedName }),
        el('span', { class: 'fl-search-where', text: matchedName === place.name ? where : `${place.name} · ${where}` })),
      );
    });
    this._results.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private _hide(): void {
    this._results.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = this._matches.length;
      if (!n) return;
      const from = this._active < 0 ? (e.key === 'ArrowDown' ? -1 : 0) : this._active;
      this._active = (from + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this._render(this.input.value.trim());
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Without a result that names the place (or one picked with the arrows), Enter only
      // makes sure the "No place called …" line is in view.
      if (this._active >= 0) this._choose(this._active);
      else this._render(this.input.value.trim());
    } else if (e.key === 'Escape') {
      this._hide();
      this.input.blur();
    }
  }

  private _choose(i: number): void {
    const match = this._matches[i];
    if (!match) return;
    const { place } = match;
    this.input.value = match.matchedName;
    this._hide();
    this._flyTo(place);
  }
}
