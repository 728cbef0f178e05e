import type { Incident } from '../../shared/domain/incident';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import type { IncidentState } from '../state/incidentState';
import { conflictTag } from '../imports/conflictNotice';
import { el } from '../ui/dom';
import { describePlace } from '../map/incidentPopup';
import { incidentMatchesText } from './incidentFilter';
import { VirtualList } from './virtualList';

export interface IncidentFilter {
  text: string;
  from: string;
  to: string;
}

/**
 * The side panel listing the case's incidents by date (newest first by default), with a text
 * filter and a date range that also filter the map. Clicking a row flies to the incident.
 */
export class IncidentPanel {
  readonly element: HTMLElement;
  private readonly _list: VirtualList<Incident>;
  private readonly _count: HTMLElement;
  private _rows: Incident[] = [];
  private _newestFirst = true;
  private _selectedId: string | null = null;
  readonly filter: IncidentFilter = { text: '', from: '', to: '' };

  /** Whether an incident waits in a merge conflict (its row says so). */
  conflicted: (id: string) => boolean = () => false;

  constructor(
    private readonly _state: IncidentState,
    private readonly _onSelect: (incident: Incident) => void,
    private readonly _onFilterChange: () => void,
  ) {
    this._list = new VirtualList<Incident>(58, (incident) => this._row(incident));
    this._count = el('span', { class: 'fl-panel-count', 'data-testid': 'incident-count' });
    const sort = el('button', {
      type: 'button',
      class: 'fl-btn fl-btn-small',
      title: 'Sort order',
      text: 'Newest first',
      onclick: () => {
        this._newestFirst = !this._newestFirst;
        sort.textContent = this._newestFirst ? 'Newest first' : 'Oldest first';
        this.refresh();
      },
    });
    const text = el('input', {
      type: 'search',
      class: 'fl-input',
      placeholder: 'Filter by title, actor, place, area, tag…',
      'aria-label': 'Filter incidents',
      oninput: () => {
        this.filter.text = text.value;
        this._changed();
      },
    });
    const dateInput = (label: string, key: 'from' | 'to') => {
      const input = el('input', {
        type: 'text',
        class: 'fl-input fl-input-date',
        placeholder: 'YYYY-MM-DD',
        'aria-label': label,
        title: label,
        onchange: () => {
          this.filter[key] = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : '';
          input.classList.toggle('fl-invalid', input.value !== '' && this.filter[key] === '');
          this._changed();
        },
      });
      return input;
    };
    this.element = el(
      'section',
      { class: 'fl-panel', 'aria-label': 'Incidents' },
      el('header', { class: 'fl-panel-header' }, el('h2', { text: 'Incidents' }), this._count, sort),
      el('div', { class: 'fl-panel-filters' }, text, el('div', { class: 'fl-date-range' }, dateInput('From date', 'from'), el('span', { text: '–' }), dateInput('To date', 'to'))),
      this._list.element,
    );
    _state.onChange(() => this.refresh());
  }

  /** Whether an incident passes the panel's filters (the map uses the same test). */
  matches(incident: Incident): boolean {
    const f = incident.fields;
    const day = f.occurred_at.slice(0, 10);
    if (this.filter.from && day < this.filter.from) return false;
    if (this.filter.to && day > this.filter.to) return false;
    return incidentMatchesText(incident, this.filter.text);
  }

  select(id: string | null): void {
    this._selectedId = id;
    const index = id ? this._rows.findIndex((r) => r.id === id) : -1;
    if (index >= 0) this._list.scrollToIndex(index);
    else this._list.refresh();
  }

  refresh(): void {
    const rows = this._state.all().filter((i) => this.matches(i));
    rows.sort((a, b) => {
      const c = a.fields.occurred_at.localeCompare(b.fields.occurred_at) || a.fields.title.localeCompare(b.fields.title);
      return this._newestFirst ? -c : c;
    });
    this._rows = rows;
    const total = this._state.size;
    this._count.textContent = rows.length === total ? `${total}` : `${rows.length} of ${total}`;
    this._list.setItems(rows);
  }

  private _changed(): void {
    this.refresh();
    this._onFilterChange();
  }

  private _row(incident: Incident): HTMLElement {
    const f = incident.fields;
    const row = el(
      'div',
      {
        class: `fl-row${incident.id === this._selectedId ? ' fl-row-selected' : ''}`,
        role: 'listitem',
        tabindex: 0,
        'data-incident-id': incident.id,
        onclick: () => this._onSelect(incident),
        onkeydown: (e: Event) => {
          if ((e as KeyboardEvent).key === 'Enter') this._onSelect(incident);
        },
      },
      el('span', { class: 'fl-row-swatch', style: `background:${EVENT_TYPE_STYLE[f.event_type].color}`, title: f.event_type }),
      el(
        'div',
        { class: 'fl-row-body' },
        el('div', { class: 'fl-row-title', text: f.title }),
        el('div', { class: 'fl-row-meta', text: `${f.occurred_at} · ${describePlace(incident)}` }),
      ),
      // Words, not a symbol: the usual mark for the dead is a Christian cross, which takes a
      // side in this region.
      f.fatalities > 0 ? el('span', { class: 'fl-row-toll', title: `Fatalities: ${f.fatalities}`, text: `${f.fatalities.toLocaleString('en')} killed` }) : null,
      this.conflicted(incident.id) ? conflictTag() : null,
    );
    return row;
  }
}
