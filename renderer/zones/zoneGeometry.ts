import L from 'leaflet';
import type { Feature, Geometry } from 'geojson';
import type { Circle, ZoneGeometry } from '../../shared/domain/zone';
import { geodesicCircle } from '../../shared/geo/analysis/geodesicCircle';

/** Converts between a zone's stored shape and the Leaflet layer that draws and edits it. */

/** Enough points that a 50 km circle's polygon is within a few metres of the true circle. */
export const CIRCLE_STEPS = 128;

export function zoneToLayer(geometry: ZoneGeometry, circle: Circle | null, options: L.PathOptions): L.Path {
  if (circle) return L.circle([circle.center[1], circle.center[0]], { ...options, radius: circle.radius_m });
  switch (geometry.type) {
    case 'Polygon':
      return L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1) as L.LatLng[][], options);
    case 'MultiPolygon':
      return L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 2) as L.LatLng[][][], options);
    case 'LineString':
      return L.polyline(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 0) as L.LatLng[], options);
    case 'MultiLineString':
      return L.polyline(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1) as L.LatLng[][], options);
  }
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * A drawn or edited layer as a zone shape: a circle becomes its geodesic polygon plus its
 * centre and radius; a rectangle a polygon. Null for anything else (a marker).
 */
export function layerToZone(layer: L.Layer): { geometry: Geometry; circle: Circle | null } | null {
  if (layer instanceof L.Circle) {
    const c = layer.getLatLng();
    const center: [number, number] = [round7(c.lng), round7(c.lat)];
    const radius_m = Math.round(layer.getRadius() * 100) / 100;
    return { geometry: geodesicCircle(center, radius_m, CIRCLE_STEPS), circle: { center, radius_m } };
  }
  if (layer instanceof L.Polyline) {
    const feature = layer.toGeoJSON(7) as Feature;
    return { geometry: feature.geometry, circle: null };
  }
  if (layer instanceof L.LayerGroup) {
    // A cut can leave a zone in several pieces, which Geoman returns as a group.
    const parts = layer.getLayers().map(layerToZone).filter((p): p is NonNullable<typeof p> => p !== null).map((p) => p.geometry);
    const polygons = parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []));
    const lines = parts.flatMap((g) => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []));
    if (polygons.length) return { geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }, circle: null };
    if (lines.length) return { geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines }, circle: null };
  }
  return null;
}
