import L from 'leaflet';
import { EVENT_TYPES, EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { el } from '../ui/dom';

/**
 * The map legend: incident colours by event type, the zones' symbols, then the basemap's lines
 * and areas.
 *
 * It shares the left edge with the zoom buttons and the drawing toolbar, and must never cover
 * them, whatever the window size and however many zone symbols it lists. So it lives in the
 * same (top-left) corner, which the stylesheet makes a full-height column: the legend is its
 * last item, pushed to the bottom, and shrinks to the room left under the tools, scrolling
 * its own rows. A legend that cannot show all its rows starts folded, so a small window opens
 * on the map rather than on a scroll box.
 */
export class LegendControl extends L.Control {
  /** Filled by the zones (their symbols and colours); empty while the case has no zones. */
  readonly zoneSection = el('div', { class: 'fl-legend-zones' });
  /** Shown while rows of the case wait in a merge conflict (see showConflicts). */
  private readonly _conflictRow = el(
    'div',
    { class: 'fl-legend-row', hidden: true, 'data-testid': 'legend-conflict' },
    el('span', { class: 'fl-legend-dot fl-legend-conflict' }),
    'Waiting in a merge conflict',
  );

  /** Explains the conflict ring and outline while the case has conflicts waiting. */
  showConflicts(waiting: boolean): void {
    this._conflictRow.hidden = !waiting;
  }

  constructor() {
    super({ position: 'topleft' });
  }

  override onAdd(): HTMLElement {
    const swatch = (color: string) => el('span', { class: 'fl-legend-dot', style: `background:${color}` });
    const line = (style: string) => el('span', { class: 'fl-legend-line', style });
    const area = (color: string) => el('span', { class: 'fl-legend-area', style: `background:${color}` });
    const details = el('details', { open: true },
      el('summary', { text: 'Legend' }),
      el('div', { class: 'fl-legend-section', text: 'Incidents (size: casualties)' }),
      ...EVENT_TYPES.map((t) => el('div', { class: 'fl-legend-row' }, swatch(EVENT_TYPE_STYLE[t].color), EVENT_TYPE_STYLE[t].label)),
      this._conflictRow,
      this.zoneSection,
      el('div', { class: 'fl-legend-section', text: 'Boundaries' }),
      el('div', { class: 'fl-legend-row' }, line('border-top:3px solid #8c1c13'), 'Kosovo–Serbia boundary'),
      el('div', { class: 'fl-legend-row' }, line('border-top:2px solid #4a4a4a'), 'International border'),
      el('div', { class: 'fl-legend-row' }, line('border-top:2px dashed #5b2a86'), 'Inter-Entity Boundary Line'),
      el('div', { class: 'fl-legend-row' }, line('border-top:1px solid #6b6b6b'), 'Kosovo municipality'),
      el('div', { class: 'fl-legend-section', text: 'Bosnia and Herzegovina' }),
      el('div', { class: 'fl-legend-row' }, area('rgba(159,197,168,.8)'), 'Federation of BiH'),
      el('div', { class: 'fl-legend-row' }, area('rgba(227,167,160,.8)'), 'Republika Srpska'),
      el('div', { class: 'fl-legend-row' }, area('rgba(183,166,217,.8)'), 'Brčko District'),
    );
    const container = el('div', { class: 'fl-legend leaflet-bar', 'aria-label': 'Legend' }, details);
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    // Measured once laid out, after the drawing toolbar has joined the corner.
    requestAnimationFrame(() => {
      if (container.scrollHeight > container.clientHeight + 1) details.open = false;
    });
    return container;
  }
}
