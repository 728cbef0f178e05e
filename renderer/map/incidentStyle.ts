import { EVENT_TYPE_STYLE, type EventType } from '../../shared/taxonomy/acled';
import type { Incident } from '../../shared/domain/incident';

export function incidentColor(eventType: EventType): string {
  return EVENT_TYPE_STYLE[eventType]?.color ?? '#555555';
}

/** Marker radius in pixels: grows with casualties so the worst events stand out. */
export function incidentRadius(incident: Incident): number {
  const toll = incident.fields.fatalities + incident.fields.injured / 3;
  return 6 + Math.min(7, Math.log2(1 + toll) * 1.6);
}

/** The colour that marks a row waiting in a merge conflict: an incident's ring, a zone's outline. */
export const CONFLICT_COLOR = '#e8590c';
