import type { Position } from 'geojson';
import { measurePath } from '../../shared/geo/analysis/measurePath';
import { el } from '../ui/dom';
import { formatArea, formatBearing, formatKm } from './formatMeasure';

/** Segments listed one by one; earlier ones are counted, so the readout stays small over the map. */
export const SEGMENTS_LISTED = 6;

export interface PathReadoutOptions {
  /** Whether the points enclose an area (drawing an area, measuring): adds its area and perimeter. */
  area: boolean;
  /** How the area line starts ("Area", "Enclosed area"). */
  areaLabel?: string;
}

/**
 * The readout of a path of clicked points, shared by the measure tool and the drawing tools:
 * each segment's geodesic length and bearing (the last few, numbered, with a count of the
 * earlier ones), the total, and the area the points enclose with its perimeter.
 *
 * @example
 * pathReadoutLines([[20.5, 42.9], [20.9, 42.9], [20.9, 43.1]], { area: true });
 * // ['1. 32.7 km · bearing 89.9° E', '2. 22.2 km · bearing 0.0° N', <Total 54.9 km>, <Area 362.9 km² · perimeter 94.4 km>]
 */
export function pathReadoutLines(points: Position[], options: PathReadoutOptions): (string | Node)[] {
  const m = measurePath(points);
  const first = Math.max(0, m.segments.length - SEGMENTS_LISTED);
  const lines: (string | Node)[] = m.segments.slice(first).map((s, i) => `${first + i + 1}. ${formatKm(s.distance_m)} · bearing ${formatBearing(s.bearing_deg)}`);
  if (first > 0) lines.unshift(`… ${first} earlier segment${first > 1 ? 's' : ''}`);
  lines.push(el('strong', { 'data-testid': 'measure-total', text: `Total ${formatKm(m.total_m)}` }));
  if (options.area && m.area_m2 !== null) {
    lines.push(el('span', { 'data-testid': 'measure-area', text: `${options.areaLabel ?? 'Area'} ${formatArea(m.area_m2)} · perimeter ${formatKm(m.perimeter_m!)}` }));
  }
  return lines;
}
