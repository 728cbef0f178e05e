import type { Circle, ZoneGeometry } from '../../shared/domain/zone';
import { geodesicArea } from '../../shared/geo/analysis/geodesicArea';
import { geodesicLength } from '../../shared/geo/analysis/geodesicLength';
import { formatArea, formatKm } from './formatMeasure';

/** One line saying what a zone's shape is and how big: shown in the form and the details. */
export function describeShape(geometry: ZoneGeometry, circle: Circle | null): string {
  if (circle) return `Circle · radius ${formatKm(circle.radius_m)} · ${formatArea(geodesicArea(geometry))}`;
  switch (geometry.type) {
    case 'LineString':
      return `Line · ${geometry.coordinates.length} points · ${formatKm(geodesicLength(geometry))}`;
    case 'MultiLineString':
      return `Line in ${geometry.coordinates.length} parts · ${formatKm(geodesicLength(geometry))}`;
    case 'Polygon':
      return `Area${geometry.coordinates.length > 1 ? ` with ${geometry.coordinates.length - 1} hole${geometry.coordinates.length > 2 ? 's' : ''}` : ''} · ${formatArea(geodesicArea(geometry))} · perimeter ${formatKm(geodesicLength(geometry))}`;
    case 'MultiPolygon':
      return `Area in ${geometry.coordinates.length} parts · ${formatArea(geodesicArea(geometry))} · perimeter ${formatKm(geodesicLength(geometry))}`;
  }
}
