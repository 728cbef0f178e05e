import type { Polygon, Position } from 'geojson';
import { geodesicDestination } from './geodesicDestination';

/**
 * A circle on the ellipsoid as a polygon: `steps` points at `radius_m` from the centre
 * (counter-clockwise, closed, 7 decimals ≈ 1 cm). A circle zone is stored as this polygon plus
 * its centre and radius, so other programs see the area and Faultline edits it as a circle.
 *
 * @example
 * geodesicCircle([20.84, 42.91], 5000).coordinates[0].length; // 129
 */
export function geodesicCircle(center: Position, radius_m: number, steps = 128): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < steps; i++) {
    // Counter-clockwise from east, as GeoJSON (RFC 7946) wants exterior rings.
    const bearing = (90 - (360 * i) / steps + 360) % 360;
    const [lon, lat] = geodesicDestination(center, bearing, radius_m) as [number, number];
    ring.push([round7(lon), round7(lat)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
