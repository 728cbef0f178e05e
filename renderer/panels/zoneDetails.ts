import type { FaultlineApi } from '../../shared/api/contract';
import type { Incident } from '../../shared/domain/incident';
import { AFFILIATIONS, ZONE_KINDS, ZONE_STATUSES, type Zone } from '../../shared/domain/zone';
import type { AreaShare, ZoneAnalysis } from '../../shared/domain/zoneAnalysis';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { CREDIBILITY, RELIABILITY } from '../../shared/taxonomy/grading';
import type { IncidentState } from '../state/incidentState';
import { conflictNotice } from '../imports/conflictNotice';
import { el } from '../ui/dom';
import { errorMessage } from '../ui/toast';
import { describeShape } from '../zones/describeShape';
import { formatArea, formatKm } from '../zones/formatMeasure';
import { unitSymbolImage } from '../zones/unitSymbol';

export interface ZoneDetailsActions {
  edit(zone: Zone): void;
  remove(zone: Zone): void;
  zoomTo(zone: Zone): void;
  buffer(zone: Zone): void;
  back(): void;
  focusIncident(incident: Incident): void;
  /** The analysis arrived: the map draws the connectors to the nearest boundary points. */
  analysed(zone: Zone, analysis: ZoneAnalysis | null): void;
  /** Whether the zone waits in a merge conflict. */
  conflicted?(zone: Zone): boolean;
  /** Opens the conflicts, to settle this one. */
  resolveConflicts?(): void;
}

/** Incidents listed by name under a zone; the count is always complete. */
const LISTED = 50;

/**
 * A selected zone: what the analyst entered, and what the map answers about it (area and
 * perimeter, coverage by countries, entities and municipalities, incidents inside, distances to
 * the Kosovo–Serbia boundary and the IEBL). The answers come from the Node side and are asked
 * again whenever the zone or the case's incidents change, a moment after the last change.
 */
export class ZoneDetails {
  readonly element = el('div', { class: 'fl-zone-details', 'data-testid': 'zone-details' });
  private _zone: Zone | null = null;
  private _timer = 0;
  private _sequence = 0;
  private readonly _analysis = el('div', { class: 'fl-zone-analysis', 'data-testid': 'zone-analysis', 'aria-live': 'polite' });

  constructor(
    private readonly _api: FaultlineApi,
    private readonly _incidents: IncidentState,
    private readonly _actions: ZoneDetailsActions,
  ) {
    _incidents.onChange(() => this._scheduleAnalysis());
  }

  get zoneId(): string | null {
    return this._zone?.id ?? null;
  }

  show(zone: Zone | null): void {
    const changedShape = !zone || !this._zone || zone.id !== this._zone.id || JSON.stringify(zone.fields.geometry) !== JSON.stringify(this._zone.fields.geometry);
    this._zone = zone;
    if (!zone) {
      this.element.replaceChildren();
      return;
    }
    this.element.replaceChildren(this._header(zone), this._facts(zone), this._analysis);
    if (changedShape) {
      this._analysis.replaceChildren(el('p', { class: 'fl-hint', text: 'Measuring…' }));
      this._analysis.dataset.state = 'pending';
      this._scheduleAnalysis(0);
    }
  }

  private _scheduleAnalysis(delay = 250): void {
    window.clearTimeout(this._timer);
    if (!this._zone) return;
    this._timer = window.setTimeout(() => void this._analyse(), delay);
  }

  private async _analyse(): Promise<void> {
    const zone = this._zone;
    if (!zone) return;
    const sequence = ++this._sequence;
    this._analysis.dataset.state = 'pending';
    try {
      const result = await this._api.analysis.zone({ geometry: zone.fields.geometry });
      if (sequence !== this._sequence || this._zone?.id !== zone.id) return;
      this._analysis.replaceChildren(...this._results(result));
      this._analysis.dataset.state = 'ready';
      this._actions.analysed(zone, result);
    } catch (err) {
      if (sequence !== this._sequence) return;
      this._analysis.replaceChildren(el('p', { class: 'fl-field-error', text: `Could not analyse the zone: ${errorMessage(err)}` }));
      this._analysis.dataset.state = 'error';
      this._actions.analysed(zone, null);
    }
  }

  private _header(zone: Zone): HTMLElement {
    const f = zone.fields;
    const a = this._actions;
    return el(
      'div',
      { class: 'fl-zone-details-header' },
      el('button', { type: 'button', class: 'fl-link-btn', text: '← All zones', onclick: () => a.back() }),
      el('div', { class: 'fl-zone-title-row' },
        unitSymbolImage(f.sidc, 30, `Unit symbol of ${f.name}`),
        el('h3', { class: 'fl-zone-title', 'data-testid': 'zone-title', text: f.name })),
      el('div', { class: 'fl-zone-chips' },
        el('span', { class: 'fl-chip', style: `background:${AFFILIATION_STYLE[f.affiliation].fill};border-color:${AFFILIATION_STYLE[f.affiliation].stroke}`, text: AFFILIATIONS[f.affiliation] }),
        el('span', { class: 'fl-chip', text: ZONE_KINDS[f.kind] }),
        el('span', { class: `fl-chip fl-chip-${f.status}`, text: ZONE_STATUSES[f.status] })),
      a.conflicted?.(zone) && a.resolveConflicts ? conflictNotice('zone', a.resolveConflicts) : null,
      el('div', { class: 'fl-zone-actions' },
        el('button', { type: 'button', class: 'fl-btn fl-btn-small', text: 'Edit', onclick: () => a.edit(zone) }),
        el('button', { type: 'button', class: 'fl-btn fl-btn-small', text: 'Zoom to', onclick: () => a.zoomTo(zone) }),
        el('button', { type: 'button', class: 'fl-btn fl-btn-small', text: 'Buffer…', title: 'Make a zone N km around this one', onclick: () => a.buffer(zone) }),
        el('button', { type: 'button', class: 'fl-btn fl-btn-small fl-btn-danger', text: 'Delete', onclick: () => a.remove(zone) })),
    );
  }

  private _facts(zone: Zone): HTMLElement {
    const f = zone.fields;
    const row = (label: string, value: string | Node | null) => (value ? el('tr', {}, el('th', { text: label }), el('td', {}, value)) : null);
    const url = /^https?:\/\//i.test(f.source_url) ? el('a', { href: f.source_url, target: '_blank', rel: 'noopener noreferrer', text: f.source_url }) : null;
    const valid = f.valid_from || f.valid_to ? `${f.valid_from || '…'} – ${f.valid_to || '…'}` : '';
    return el(
      'div',
      { class: 'fl-zone-facts' },
      el('table', { class: 'fl-popup-table' },
        row('Shape', describeShape(f.geometry, f.circle)),
        row('Force', f.force),
        row('Unit', f.unit),
        row('Strength', f.strength),
        row('Valid', valid),
        row('Source', f.source),
        row('Link', url),
        row('Grading', `${f.reliability}${f.credibility}: ${RELIABILITY[f.reliability]}; ${CREDIBILITY[f.credibility].toLowerCase()}`)),
      f.notes ? el('p', { class: 'fl-popup-notes', text: f.notes }) : null,
    );
  }

  private _results(r: ZoneAnalysis): Node[] {
    const isLine = r.length_km > 0;
    const distance = (d: ZoneAnalysis['distances']['kosovo_serbia']) => (d ? (d.km === 0 ? 'touches or crosses it' : formatKm(d.km * 1000)) : 'not on the map');
    const measures = el('table', { class: 'fl-popup-table fl-zone-measures' },
      isLine
        ? el('tr', {}, el('th', { text: 'Length' }), el('td', { 'data-testid': 'zone-length', text: formatKm(r.length_km * 1000) }))
        : el('tr', {}, el('th', { text: 'Area' }), el('td', { 'data-testid': 'zone-area', text: formatArea(r.area_km2 * 1e6) })),
      isLine ? null : el('tr', {}, el('th', { text: 'Perimeter' }), el('td', { text: formatKm(r.perimeter_km * 1000) })),
      el('tr', {}, el('th', { text: 'To Kosovo–Serbia boundary' }), el('td', { 'data-testid': 'zone-distance-ks', text: distance(r.distances.kosovo_serbia) })),
      el('tr', {}, el('th', { text: 'To Inter-Entity Boundary Line' }), el('td', { 'data-testid': 'zone-distance-iebl', text: distance(r.distances.iebl) })),
    );
    const nodes: Node[] = [el('h4', { text: 'Measures (geodesic, WGS 84)' }), measures];
    if (!isLine) {
      nodes.push(this._coverage('Countries', r.coverage.countries), this._coverage('Entities (Bosnia and Herzegovina)', r.coverage.entities), this._coverage('Municipalities and districts', r.coverage.municipalities));
      nodes.push(this._incidentList(r));
    }
    return nodes;
  }

  private _coverage(title: string, shares: AreaShare[]): HTMLElement {
    if (!shares.length) return el('div', { class: 'fl-coverage' });
    return el(
      'div',
      { class: 'fl-coverage' },
      el('h4', { text: title }),
      el('table', { class: 'fl-coverage-table' },
        ...shares.map((s) =>
          el('tr', {},
            el('td', { class: 'fl-coverage-name', text: s.level === 'country' || s.level === 'entity' ? s.name : `${s.name} (${s.level})` }),
            el('td', { class: 'fl-num', text: `${s.km2.toLocaleString('en', { maximumFractionDigits: s.km2 < 10 ? 2 : 1 })} km²` }),
            el('td', { class: 'fl-num', text: `${s.percent.toLocaleString('en', { maximumFractionDigits: 1 })} %` }),
            el('td', { class: 'fl-coverage-bar' }, el('span', { style: `width:${Math.max(1, Math.round(s.percent))}%` }))))),
    );
  }

  private _incidentList(r: ZoneAnalysis): HTMLElement {
    const incidents = r.incidents.ids.map((id) => this._incidents.get(id)).filter((i): i is Incident => Boolean(i));
    incidents.sort((a, b) => b.fields.occurred_at.localeCompare(a.fields.occurred_at));
    const shown = incidents.slice(0, LISTED);
    return el(
      'div',
      { class: 'fl-zone-incidents' },
      el('h4', {}, 'Incidents inside: ', el('span', { 'data-testid': 'zone-incident-count', text: String(r.incidents.count) })),
      el('ul', { class: 'fl-zone-incident-list' },
        ...shown.map((i) =>
          el('li', {}, el('button', { type: 'button', class: 'fl-link-btn', text: `${i.fields.occurred_at.slice(0, 10)} · ${i.fields.title}`, onclick: () => this._actions.focusIncident(i) })))),
      r.incidents.count > shown.length ? el('p', { class: 'fl-hint', text: `and ${(r.incidents.count - shown.length).toLocaleString('en')} more` }) : null,
    );
  }
}
