import type { Feature, Geometry, LineString, Polygon, Position } from 'geojson';
import { along, booleanPointInPolygon, centerOfMass, length } from '@turf/turf';
import { geodesicArea } from './geodesicArea';

/**
 * The middle of the widest stretch inside a polygon along a few horizontal lines: a point
 * well inside even a U-shaped or crescent zone, where the centre of mass falls outside.
 */
export function widestInsidePoint(rings: Position[][]): Position {
  const ys = rings[0]!.map((p) => p[1]!);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  let best: Position = rings[0]![0]!;
  let bestWidth = -1;
  for (let k = 1; k <= 9; k++) {
    const y = minY + ((maxY - minY) * k) / 10;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((a, b) => a - b);
    // Even-odd: [xs0, xs1], [xs2, xs3], … are inside.
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (width > bestWidth) {
        bestWidth = width;
        best = [(xs[i]! + xs[i + 1]!) / 2, y];
      }
    }
  }
  return best;
}

/**
 * Where a zone's name and unit symbol go: for an area, the centre of mass of its largest part
 * when that lies inside it, else the middle of the part's widest stretch; for a line, the
 * point halfway along its longest part.
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }); // [1, 1]
 */
export function labelPoint(geometry: Geometry): Position {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const largest = parts.reduce((best, p) => (geodesicArea({ type: 'Polygon', coordinates: p }) > geodesicArea({ type: 'Polygon', coordinates: best }) ? p : best));
      const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: largest } };
      const centre = centerOfMass(part).geometry.coordinates;
      return booleanPointInPolygon(centre, part) ? centre : widestInsidePoint(largest);
    }
    case 'LineString':
    case 'MultiLineString': {
      const paths = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      const lines = paths.map((p): Feature<LineString> => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: p } }));
      const longest = lines.reduce((best, l) => (length(l) > length(best) ? l : best));
      return along(longest, length(longest) / 2).geometry.coordinates;
    }
    case 'MultiPoint':
      return geometry.coordinates[0] ?? [0, 0];
    case 'GeometryCollection':
      return geometry.geometries[0] ? labelPoint(geometry.geometries[0]) : [0, 0];
  }
}
