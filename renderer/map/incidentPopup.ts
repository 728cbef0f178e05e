import type { Incident } from '../../shared/domain/incident';
import { CREDIBILITY, GEO_PRECISION, RELIABILITY, TIME_PRECISION } from '../../shared/taxonomy/grading';
import { conflictNotice } from '../imports/conflictNotice';
import { el } from '../ui/dom';
import { incidentColor } from './incidentStyle';

export interface PopupActions {
  edit(incident: Incident): void;
  remove(incident: Incident): void;
  /** Who created and changed it, merges included. */
  history?(incident: Incident): void;
  /** What the map answers about the incident (distances, zones), filled in asynchronously. */
  analysis?(incident: Incident): Node;
  /** Whether the incident waits in a merge conflict (drawn with an orange dashed ring). */
  conflicted?(incident: Incident): boolean;
  /** Opens the conflicts, to settle this one. */
  resolveConflicts?(): void;
}

export function describePlace(incident: Incident): string {
  const { country, admin1, admin2 } = incident.admin;
  return [incident.fields.location_name, admin2, admin1, country].filter((s, i, all) => s && all.indexOf(s) === i).join(' · ');
}

/** The popup of an incident, built from DOM nodes: text from the case is never parsed as HTML. */
export function incidentPopup(incident: Incident, actions: PopupActions): HTMLElement {
  const f = incident.fields;
  const row = (label: string, value: string | Node) => el('tr', {}, el('th', { text: label }), el('td', {}, value));
  const casualties = `${f.fatalities} killed · ${f.injured} injured`;
  const url = /^https?:\/\//i.test(f.source_url)
    ? el('a', { href: f.source_url, target: '_blank', rel: 'noopener noreferrer', text: f.source_url })
    : null;
  return el(
    'div',
    { class: 'fl-popup', 'data-incident-id': incident.id },
    el('div', { class: 'fl-popup-type' }, el('span', { class: 'fl-swatch', style: `background:${incidentColor(f.event_type)}` }), `${f.event_type} — ${f.sub_event_type}`),
    el('h3', { class: 'fl-popup-title', text: f.title }),
    actions.conflicted?.(incident) && actions.resolveConflicts ? conflictNotice('incident', actions.resolveConflicts) : null,
    el(
      'table',
      { class: 'fl-popup-table' },
      row('Date', `${f.occurred_at} (${TIME_PRECISION[f.time_precision].toLowerCase()})`),
      row('Place', `${describePlace(incident)} — ${GEO_PRECISION[f.geo_precision].toLowerCase()}`),
      f.actor1 || f.actor2 ? row('Actors', [f.actor1, f.actor2].filter(Boolean).join(' vs ')) : null,
      row('Casualties', casualties),
      row('Grading', `${f.reliability}${f.credibility}: ${RELIABILITY[f.reliability]}; ${CREDIBILITY[f.credibility].toLowerCase()}`),
      f.source ? row('Source', f.source) : null,
      url ? row('Link', url) : null,
      f.tags.length ? row('Tags', f.tags.join(', ')) : null,
    ),
    actions.analysis?.(incident) ?? null,
    f.notes ? el('p', { class: 'fl-popup-notes', text: f.notes.length > 600 ? `${f.notes.slice(0, 600)}…` : f.notes }) : null,
    el(
      'div',
      { class: 'fl-popup-actions' },
      el('button', { type: 'button', class: 'fl-btn', text: 'Edit', onclick: () => actions.edit(incident) }),
      el('button', { type: 'button', class: 'fl-btn fl-btn-danger', text: 'Delete', onclick: () => actions.remove(incident) }),
      actions.history ? el('button', { type: 'button', class: 'fl-btn', text: 'History', onclick: () => actions.history?.(incident) }) : null,
      el('span', { class: 'fl-hint', text: 'Drag the marker to move it' }),
    ),
  );
}
