import type { Affiliation } from '../domain/zone';

/**
 * APP-6 / MIL-STD-2525 standard-identity colours, used for zone fills and outlines on the map,
 * in the legend and in reports, so a zone looks the same everywhere. `fill` is the standard's
 * light tone (drawn translucent over the basemap), `stroke` its darker frame colour.
 */
export const AFFILIATION_STYLE: Record<Affiliation, { fill: string; stroke: string; label: string; sidcIdentity: string }> = {
  friend: { fill: '#80E0FF', stroke: '#0079A8', label: 'Friend', sidcIdentity: 'F' },
  hostile: { fill: '#FF8080', stroke: '#C8102E', label: 'Hostile', sidcIdentity: 'H' },
  neutral: { fill: '#AAFFAA', stroke: '#00A000', label: 'Neutral', sidcIdentity: 'N' },
  unknown: { fill: '#FFFF80', stroke: '#B8A000', label: 'Unknown', sidcIdentity: 'U' },
};
