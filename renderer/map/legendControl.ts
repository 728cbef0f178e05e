import L from 'leaflet';
import { EVENT_TYPES, EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { el } from '../ui/dom';

/** The map legend: incident colours by event type, the zones' symbols, then the basemap's lines and areas. */
export class LegendControl extends L.Control {
  /** Filled by the zones (their symbols and colours); empty while the case has no zones. */
  readonly zoneSection = el('div', { class: 'fl-legend-zones' });

  constructor() {
    super({ position: 'bottomleft' });
  }

  override onAdd(): HTMLElement {
    const swatch = (color: string) => el('span', { class: 'fl-legend-dot', style: `background:${color}` });
    const line = (style: string) => el('span', { class: 'fl-legend-line', style });
    const area = (color: string) => el('span', { class: 'fl-legend-area', style: `background:${color}` });
    const container = el(
      'div',
      { class: 'fl-legend leaflet-bar', 'aria-label': 'Legend' },
      el('details', { open: true },
        el('summary', { text: 'Legend' }),
        el('div', { class: 'fl-legend-section', text: 'Incidents (size: casualties)' }),
        ...EVENT_TYPES.map((t) => el('div', { class: 'fl-legend-row' }, swatch(EVENT_TYPE_STYLE[t].color), EVENT_TYPE_STYLE[t].label)),
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
      ),
    );
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    return container;
  }
}
