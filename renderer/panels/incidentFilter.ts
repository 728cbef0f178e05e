import type { Incident } from '../../shared/domain/incident';
import { foldForSearch, foldVariants } from '../../shared/places/foldText';

/**
 * The incident list's text filter. It folds text as the place search does (case, diacritics,
 * Cyrillic), so "zvecan", "Zvečan" and "Звечан" find the same incidents, and it searches the
 * country, entity or district and municipality as well as the incident's own text. Every word
 * typed must appear somewhere: "banjska police" narrows, it does not widen.
 *
 * @example
 * incidentMatchesText(riotAtZvecan, 'zvecan kfor'); // true
 */
export function incidentMatchesText(incident: Incident, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const text = searchableText(incident);
  return words.every((word) => text.includes(word));
}

/** Folded once per incident version: the map asks for every incident on each keystroke. */
const folded = new WeakMap<Incident, string>();

function searchableText(incident: Incident): string {
  let text = folded.get(incident);
  if (text === undefined) {
    const f = incident.fields;
    const { country, admin1, admin2 } = incident.admin;
    const parts = [f.title, f.actor1, f.actor2, f.location_name, f.event_type, f.sub_event_type, f.source, country, admin1, admin2, ...f.tags];
    // Both spellings of "đ" (dj and d), as people type either.
    text = ` ${parts.flatMap((p) => (p ? foldVariants(p) : [])).join(' ')} `;
    folded.set(incident, text);
  }
  return text;
}
