import type { Zone } from '../../shared/domain/zone';
import { MARKING_PRESETS, type ReportArea, type ReportOptionsInput } from '../../shared/reports/reportOptions';
import { EVENT_TYPES, EVENT_TYPE_STYLE, type EventType } from '../../shared/taxonomy/acled';
import { CREDIBILITY, RELIABILITY } from '../../shared/taxonomy/grading';
import type { BasemapFiles } from '../map/basemapData';
import { el } from '../ui/dom';

export interface ReportFormContext {
  caseName: string;
  author: string;
  zones: Zone[];
  basemap: BasemapFiles;
  /** The workbench map's view, [west, south, east, north]. */
  view: [number, number, number, number];
}

export interface ReportForm {
  element: HTMLElement;
  /** The options as entered (the Node side validates them and says what is wrong). */
  options(): ReportOptionsInput;
  /** What must change before a report can be made, or null. */
  problem(): string | null;
}

const COUNTRY = { XKX: 'Kosovo municipality', BIH: 'BiH canton or region', SRB: 'Serbian district' } as Record<string, string>;

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return el('label', { class: 'fl-field' }, el('span', { class: 'fl-field-label', text: label }), control, hint ? el('span', { class: 'fl-field-hint', text: hint }) : null);
}

function select(name: string, options: (HTMLOptionElement | HTMLOptGroupElement)[], value?: string): HTMLSelectElement {
  const node = el('select', { class: 'fl-input', name }, ...options);
  if (value !== undefined) node.value = value;
  return node;
}

const option = (value: string, text: string) => el('option', { value, text });

function areaOptions(ctx: ReportFormContext): (HTMLOptionElement | HTMLOptGroupElement)[] {
  const prop = (f: { properties: unknown }, key: string) => String((f.properties as Record<string, unknown> | null)?.[key] ?? '');
  const admin = ctx.basemap.admin.features
    .map((f) => ({ iso3: prop(f, 'iso3'), name: prop(f, 'name') }))
    .filter((a) => a.iso3 && a.name)
    .sort((a, b) => a.iso3.localeCompare(b.iso3) || a.name.localeCompare(b.name));
  return [
    option('all', 'Whole case'),
    option('view', 'Current map view'),
    ctx.zones.length ? el('optgroup', { label: 'Zones' }, ...ctx.zones.map((z) => option(`zone:${z.id}`, z.fields.name))) : null,
    el('optgroup', { label: 'Bosnia and Herzegovina entities' }, ...ctx.basemap.entities.features.map((f) => option(`entity:${prop(f, 'id')}`, prop(f, 'name')))),
    el('optgroup', { label: 'Municipalities, cantons, regions, districts' }, ...admin.map((a) => option(`admin:${a.iso3}:${a.name}`, `${a.name} (${COUNTRY[a.iso3] ?? a.iso3})`))),
  ].filter((o): o is HTMLOptionElement | HTMLOptGroupElement => o !== null);
}

function parseArea(value: string, view: [number, number, number, number]): ReportArea {
  if (value === 'view') return { kind: 'view', bbox: view };
  if (value.startsWith('zone:')) return { kind: 'zone', id: value.slice(5) };
  if (value.startsWith('entity:')) return { kind: 'entity', id: value.slice(7) as 'RS' };
  if (value.startsWith('admin:')) {
    const [, iso3, ...name] = value.split(':');
    return { kind: 'admin', iso3: iso3 as 'XKX', name: name.join(':') };
  }
  return { kind: 'all' };
}

/** The Report dialog's choices: what the report says, covers, and how it is printed. */
export function reportForm(ctx: ReportFormContext, onChange: () => void): ReportForm {
  const today = new Date().toISOString().slice(0, 10);
  const title = el('input', { type: 'text', class: 'fl-input', name: 'title', value: ctx.caseName, maxlength: 200 });
  const subtitle = el('input', { type: 'text', class: 'fl-input', name: 'subtitle', maxlength: 300 });
  const author = el('input', { type: 'text', class: 'fl-input', name: 'author', value: ctx.author, maxlength: 300 });
  const organisation = el('input', { type: 'text', class: 'fl-input', name: 'organisation', maxlength: 300 });
  const date = el('input', { type: 'date', class: 'fl-input', name: 'date', value: today });
  // A list of the usual markings, and any other text the analyst's rules require.
  const markings = el('datalist', { id: 'fl-report-markings' }, ...MARKING_PRESETS.map((m) => el('option', { value: m })));
  const marking = el('input', { type: 'text', class: 'fl-input', name: 'marking', value: 'UNCLASSIFIED', list: 'fl-report-markings', maxlength: 80 });
  const from = el('input', { type: 'date', class: 'fl-input', name: 'from' });
  const to = el('input', { type: 'date', class: 'fl-input', name: 'to' });
  const types = EVENT_TYPES.map((t) => el('input', { type: 'checkbox', name: 'event-type', value: t, checked: true }));
  const area = select('area', areaOptions(ctx));
  const fit = select('fit', [option('incidents', 'The reported incidents'), option('area', 'The chosen area'), option('view', 'The current map view')]);
  const reliability = select('min-reliability', [option('', 'Any'), ...Object.entries(RELIABILITY).map(([k, v]) => option(k, `${k} or better — ${v}`))]);
  const credibility = select('min-credibility', [option('', 'Any'), ...Object.entries(CREDIBILITY).map(([k, v]) => option(k, `${k} or better — ${v}`))]);
  const page = select('page', [option('A4', 'A4'), option('Letter', 'Letter')]);
  const orientation = select('orientation', [option('portrait', 'Portrait'), option('landscape', 'Landscape')]);
  const timeline = select('timeline', [option('auto', 'Automatic'), option('week', 'Per week'), option('month', 'Per month')]);
  const inset = el('input', { type: 'checkbox', name: 'inset', checked: true });

  area.addEventListener('change', () => {
    // Choosing an area usually means "show me that area".
    if (area.value !== 'all') fit.value = area.value === 'view' ? 'view' : 'area';
  });

  const element = el(
    'div',
    { class: 'fl-report-form' },
    markings,
    el('fieldset', {}, el('legend', { text: 'Title page' }), field('Title', title), field('Subtitle', subtitle), el('div', { class: 'fl-field-row' }, field('Author', author), field('Organisation', organisation)), el('div', { class: 'fl-field-row' }, field('Date', date), field('Marking (top and bottom of every page)', marking))),
    el(
      'fieldset',
      {},
      el('legend', { text: 'What it covers' }),
      el('div', { class: 'fl-field-row' }, field('From', from), field('To', to)),
      el('div', { class: 'fl-type-checks', role: 'group', 'aria-label': 'Event types' }, ...types.map((box, i) => el('label', { class: 'fl-check' }, box, el('span', { class: 'fl-legend-dot', style: `background:${EVENT_TYPE_STYLE[EVENT_TYPES[i]!].color}` }), EVENT_TYPE_STYLE[EVENT_TYPES[i]!].label))),
      field('Area', area),
      el('div', { class: 'fl-field-row' }, field('Minimum source reliability', reliability), field('Minimum credibility', credibility)),
    ),
    el(
      'fieldset',
      {},
      el('legend', { text: 'Map and paper' }),
      field('The map shows', fit),
      el('div', { class: 'fl-field-row' }, field('Paper', page), field('Orientation', orientation), field('Timeline', timeline)),
      el('label', { class: 'fl-check' }, inset, 'Locator map of the Western Balkans'),
    ),
  );
  element.addEventListener('input', onChange);
  element.addEventListener('change', onChange);

  return {
    element,
    // None ticked would be read as "all" (an empty filter): say so instead.
    problem: () => (types.some((t) => t.checked) ? null : 'Tick at least one event type.'),
    options(): ReportOptionsInput {
      const chosen = types.filter((t) => t.checked).map((t) => t.value as EventType);
      const grading = reliability.value || credibility.value ? { reliability: (reliability.value || 'F') as 'A', credibility: Number(credibility.value || 6) } : null;
      return {
        title: title.value,
        subtitle: subtitle.value,
        author: author.value,
        organisation: organisation.value,
        marking: marking.value,
        date: date.value || undefined,
        from: from.value || undefined,
        to: to.value || undefined,
        eventTypes: chosen.length === EVENT_TYPES.length ? undefined : chosen,
        area: parseArea(area.value, ctx.view),
        minGrading: grading,
        mapFit: fit.value as 'incidents',
        view: ctx.view,
        inset: inset.checked,
        timeline: timeline.value as 'auto',
        pageSize: page.value as 'A4',
        landscape: orientation.value === 'landscape',
      };
    },
  };
}
