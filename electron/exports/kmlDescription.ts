import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';
import { AFFILIATIONS, ZONE_KINDS, ZONE_STATUSES } from '../../shared/domain/zone';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { escapeHtml } from '../../shared/text/escapeHtml';

/**
 * The balloon text of a placemark. Google Earth renders a description as HTML, so every value
 * is HTML-escaped here (a title `<img src=x onerror=…>` shows as those characters and never
 * runs); the XML writer then escapes the whole string once more for the file. Only our own
 * table markup is HTML.
 */
function table(rows: [string, string][]): string {
  const body = rows
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value).replace(/\n/g, '<br>')}</td></tr>`)
    .join('');
  return `<table>${body}</table>`;
}

export function incidentDescription(incident: Incident): string {
  const f = incident.fields;
  return table([
    ['Date', f.occurred_at],
    ['Type', `${EVENT_TYPE_STYLE[f.event_type].label} — ${f.sub_event_type}`],
    ['Actors', [f.actor1, f.actor2].filter(Boolean).join(' vs ')],
    ['Fatalities', String(f.fatalities)],
    ['Injured', String(f.injured)],
    ['Place', [f.location_name, incident.admin.admin2, incident.admin.country].filter(Boolean).join(', ')],
    ['Grading', `${f.reliability}${f.credibility}`],
    ['Source', f.source],
    ['Source URL', f.source_url],
    ['Notes', f.notes],
    ['Tags', f.tags.join('; ')],
  ]);
}

export function zoneDescription(zone: Zone): string {
  const f = zone.fields;
  return table([
    ['Kind', ZONE_KINDS[f.kind]],
    ['Force', [f.force, f.unit].filter(Boolean).join(' · ')],
    ['Affiliation', AFFILIATIONS[f.affiliation]],
    ['Status', ZONE_STATUSES[f.status]],
    ['Valid', f.valid_from || f.valid_to ? `${f.valid_from || '…'} to ${f.valid_to || '…'}` : ''],
    ['Strength', f.strength],
    ['Symbol code', f.sidc],
    ['Grading', `${f.reliability}${f.credibility}`],
    ['Source', f.source],
    ['Source URL', f.source_url],
    ['Notes', f.notes],
  ]);
}
