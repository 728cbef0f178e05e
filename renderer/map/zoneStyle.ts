import type L from 'leaflet';
import type { Zone } from '../../shared/domain/zone';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { CONFLICT_COLOR } from './incidentStyle';

/**
 * How a zone is drawn: APP-6 colours by affiliation (light fill, dark frame); a planned zone
 * dashed, as APP-6 draws planned positions; a withdrawn one faint and dotted, so history stays
 * visible without competing with what is there now. Lines are drawn thicker than outlines.
 * A zone waiting in a merge conflict is outlined in the conflict colour, dashed, as an
 * incident in conflict is ringed, until the analyst settles it.
 */
export function zoneStyle(zone: Zone, selected: boolean, conflicted = false): L.PathOptions {
  const { fill, stroke } = AFFILIATION_STYLE[zone.fields.affiliation];
  const isLine = zone.fields.geometry.type === 'LineString' || zone.fields.geometry.type === 'MultiLineString';
  const status = zone.fields.status;
  return {
    color: conflicted ? CONFLICT_COLOR : stroke,
    weight: (isLine ? 4 : 2.2) + (selected ? 1.8 : 0) + (conflicted ? 1 : 0),
    opacity: status === 'withdrawn' && !conflicted ? 0.75 : 0.95,
    dashArray: conflicted ? '6 4' : status === 'planned' ? '10 7' : status === 'withdrawn' ? '3 6' : undefined,
    fill: !isLine,
    fillColor: fill,
    fillOpacity: status === 'withdrawn' ? 0.1 : selected ? 0.42 : 0.28,
    lineCap: 'round',
    lineJoin: 'round',
  };
}
