import { ZONE_KINDS, ZONE_STATUSES, type Zone } from '../../shared/domain/zone';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import type { ZoneState } from '../state/zoneState';
import { conflictTag } from '../imports/conflictNotice';
import { el } from '../ui/dom';
import { unitSymbolImage } from '../zones/unitSymbol';
import { setOptions } from '../forms/fieldProblems';
import { zoneMatchesFilter, type ZoneFilter } from './zoneFilter';

/**
 * The zones panel beside the incidents panel: the case's zones with a filter by force (text
 * found anywhere in the force, see `zoneMatchesFilter`) and by status (which also filters the map), each row with its unit symbol; clicking a row selects
 * the zone and flies to it. While a zone is selected its details (`detailsHost`) replace the
 * list, with a way back.
 */
export class ZonePanel {
  readonly element: HTMLElement;
  readonly filter: ZoneFilter = { force: '', status: '' };
  private readonly _list = el('div', { class: 'fl-zone-list', role: 'list', 'aria-label': 'Zones' });
  private readonly _count = el('span', { class: 'fl-panel-count', 'data-testid': 'zone-count' });
  private readonly _forces = el('datalist', { id: 'fl-zone-forces' });
  private readonly _force = el('input', { type: 'search', class: 'fl-input', placeholder: 'Force, e.g. KFOR', autocomplete: 'off', list: 'fl-zone-forces', 'aria-label': 'Filter zones by force' });
  private readonly _status = el('select', { class: 'fl-input', 'aria-label': 'Filter zones by status' });
  private readonly _listView: HTMLElement;
  private _selectedId: string | null = null;

  /** Whether a zone waits in a merge conflict (its row says so). */
  conflicted: (id: string) => boolean = () => false;

  constructor(
    private readonly _state: ZoneState,
    private readonly _onSelect: (zone: Zone) => void,
    private readonly _onFilterChange: () => void,
    readonly detailsHost: HTMLElement,
  ) {
    setOptions(this._status, [['', 'All statuses'], ...Object.entries(ZONE_STATUSES)], '');
    this._force.addEventListener('input', () => this._changed());
    this._status.addEventListener('change', () => this._changed());
    this._listView = el(
      'div',
      { class: 'fl-zone-list-view' },
      el('div', { class: 'fl-panel-filters fl-zone-filters' }, this._force, this._forces, this._status),
      this._list,
      el('p', { class: 'fl-hint fl-zone-help', text: 'Draw a zone with the tools at the top left of the map: area, rectangle, circle or line. Snapping follows existing zones and the borders (hold Alt to place freely).' }),
    );
    this.detailsHost.classList.add('fl-zone-details-host');
    this.detailsHost.hidden = true;
    this.element = el(
      'section',
      { class: 'fl-panel fl-zone-panel', 'aria-label': 'Zones' },
      el('header', { class: 'fl-panel-header' }, el('h2', { text: 'Zones' }), this._count),
      this._listView,
      this.detailsHost,
    );
    _state.onChange(() => this.refresh());
  }

  /** Whether a zone passes the panel's filters (the map uses the same test). */
  matches(zone: Zone): boolean {
    return zoneMatchesFilter(zone, this.filter);
  }

  /** Shows the details of a zone (null: back to the list). */
  showDetails(id: string | null): void {
    this._selectedId = id;
    this.detailsHost.hidden = id === null;
    this._listView.hidden = id !== null;
    this.refresh();
  }

  refresh(): void {
    const all = this._state.all();
    // The case's forces as suggestions; the filter itself finds the typed text in any of them.
    const forces = [...new Set(all.map((z) => z.fields.force).filter(Boolean))].sort((a, b) => a.localeCompare(b));
    this._forces.replaceChildren(...forces.map((f) => el('option', { value: f })));
    const rows = all.filter((z) => this.matches(z));
    this._count.textContent = rows.length === all.length ? `${all.length}` : `${rows.length} of ${all.length}`;
    this._list.replaceChildren(...(rows.length ? rows.map((z) => this._row(z)) : [el('p', { class: 'fl-hint fl-zone-empty', text: all.length ? 'No zone matches the filters.' : 'No zones yet.' })]));
  }

  private _changed(): void {
    this.filter.force = this._force.value.trim();
    this.filter.status = this._status.value as ZoneFilter['status'];
    this.refresh();
    this._onFilterChange();
  }

  private _row(zone: Zone): HTMLElement {
    const f = zone.fields;
    const symbol = unitSymbolImage(f.sidc, 20, '') ?? el('span', { class: 'fl-zone-swatch', style: `background:${AFFILIATION_STYLE[f.affiliation].fill};border-color:${AFFILIATION_STYLE[f.affiliation].stroke}` });
    const meta = [ZONE_KINDS[f.kind], f.force, ZONE_STATUSES[f.status].toLowerCase(), f.valid_from && `from ${f.valid_from}`].filter(Boolean).join(' · ');
    return el(
      'div',
      {
        class: `fl-row fl-zone-row${zone.id === this._selectedId ? ' fl-row-selected' : ''}`,
        role: 'listitem',
        tabindex: 0,
        'data-zone-id': zone.id,
        onclick: () => this._onSelect(zone),
        onkeydown: (e: Event) => {
          if ((e as KeyboardEvent).key === 'Enter') this._onSelect(zone);
        },
      },
      el('span', { class: 'fl-zone-row-symbol' }, symbol),
      el('div', { class: 'fl-row-body' }, el('div', { class: 'fl-row-title', text: f.name }), el('div', { class: 'fl-row-meta', text: meta })),
      this.conflicted(zone.id) ? conflictTag() : null,
    );
  }
}
