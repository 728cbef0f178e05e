import type { Geometry, Position } from 'geojson';
import type { MapProjection } from '../../shared/reports/mapProjection';

/**
 * GeoJSON geometry → SVG path data in the map's pixels. Vertices closer than `tolerance`
 * pixels to the last kept one are dropped: invisible at print resolution, and they would only
 * make the PDF bigger. Rings are closed with `Z`; a ring that collapses to under three points
 * is left out.
 */
export function geometryPath(geometry: Geometry, projection: MapProjection, tolerance = 0.3): string {
  const parts: string[] = [];
  const line = (positions: Position[], close: boolean) => {
    let d = '';
    let kept = 0;
    let lastX = NaN;
    let lastY = NaN;
    for (let i = 0; i < positions.length; i++) {
      const [x, y] = projection.project(positions[i]![0]!, positions[i]![1]!);
      const last = i === positions.length - 1;
      if (kept > 0 && !last && Math.abs(x - lastX) < tolerance && Math.abs(y - lastY) < tolerance) continue;
      d += `${kept === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
      kept += 1;
      lastX = x;
      lastY = y;
    }
    if (close && kept < 3) return;
    if (!close && kept < 2) return;
    parts.push(close ? `${d}Z` : d);
  };
  const walk = (g: Geometry) => {
    switch (g.type) {
      case 'Point':
      case 'MultiPoint':
        return;
      case 'LineString':
        return line(g.coordinates, false);
      case 'MultiLineString':
        return g.coordinates.forEach((c) => line(c, false));
      case 'Polygon':
        return g.coordinates.forEach((ring) => line(ring, true));
      case 'MultiPolygon':
        return g.coordinates.forEach((polygon) => polygon.forEach((ring) => line(ring, true)));
      case 'GeometryCollection':
        return g.geometries.forEach(walk);
    }
  };
  walk(geometry);
  return parts.join('');
}

/** The [west, south, east, north] of a geometry's coordinates. */
export function geometryBBox(geometry: Geometry): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (p: Position) => {
    if (p[0]! < w) w = p[0]!;
    if (p[0]! > e) e = p[0]!;
    if (p[1]! < s) s = p[1]!;
    if (p[1]! > n) n = p[1]!;
  };
  const walk = (g: Geometry) => {
    switch (g.type) {
      case 'Point':
        return visit(g.coordinates);
      case 'MultiPoint':
      case 'LineString':
        return g.coordinates.forEach(visit);
      case 'MultiLineString':
      case 'Polygon':
        return g.coordinates.forEach((c) => c.forEach(visit));
      case 'MultiPolygon':
        return g.coordinates.forEach((p) => p.forEach((c) => c.forEach(visit)));
      case 'GeometryCollection':
        return g.geometries.forEach(walk);
    }
  };
  walk(geometry);
  return [w, s, e, n];
}

export function bboxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
}
