import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { geodesicCircle } from './geodesicCircle';

export interface RangeRingProperties {
  radius_km: number;
  label: string;
}

/**
 * Range rings: one geodesic circle line per radius around a point (a weapon's or a unit's
 * reach), smallest first, each labelled with its radius. Radii that are not positive finite
 * numbers are left out; duplicates are drawn once.
 *
 * @example
 * rangeRings([20.84, 42.91], [5, 10, 20]).features.map((f) => f.properties.label); // ['5 km', '10 km', '20 km']
 */
export function rangeRings(center: Position, radii_km: number[], steps = 128): FeatureCollection<LineString, RangeRingProperties> {
  const radii = [...new Set(radii_km.filter((r) => Number.isFinite(r) && r > 0))].sort((x, y) => x - y);
  const features: Feature<LineString, RangeRingProperties>[] = radii.map((radius_km) => ({
    type: 'Feature',
    properties: { radius_km, label: `${radius_km.toLocaleString('en', { maximumFractionDigits: 3 })} km` },
    geometry: { type: 'LineString', coordinates: geodesicCircle(center, radius_km * 1000, steps).coordinates[0]! },
  }));
  return { type: 'FeatureCollection', features };
}
