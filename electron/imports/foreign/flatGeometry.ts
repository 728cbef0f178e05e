import type { Geometry, Position } from 'geojson';
import { countVertices } from '../../../shared/domain/zone';

/**
 * Geometry from another tool as Faultline keeps it: two dimensions (KML and GPX carry
 * altitudes, which Faultline does not use), longitude −180..180 and latitude −90..90, finite
 * numbers only, and only the simple types (no GeometryCollection).
 */
export type FlatResult = { ok: true; geometry: Geometry; vertices: number } | { ok: false; reason: string };

function position(p: unknown): Position | string {
  if (!Array.isArray(p) || p.length < 2) return 'a coordinate is not a [longitude, latitude] pair';
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return 'a coordinate is not a finite number';
  if (x < -180 || x > 180) return `longitude ${x} is outside ±180`;
  if (y < -90 || y > 90) return `latitude ${y} is outside ±90`;
  return [x, y];
}

function positions(list: unknown, min: number, what: string): Position[] | string {
  if (!Array.isArray(list) || list.length < min) return `a ${what} needs at least ${min} points`;
  const out: Position[] = [];
  for (const p of list) {
    const q = position(p);
    if (typeof q === 'string') return q;
    out.push(q);
  }
  return out;
}

function nested<T>(list: unknown, each: (x: unknown) => T | string): T[] | string {
  if (!Array.isArray(list) || list.length === 0) return 'the geometry is empty';
  const out: T[] = [];
  for (const x of list) {
    const r = each(x);
    if (typeof r === 'string') return r;
    out.push(r);
  }
  return out;
}

const ring = (r: unknown) => positions(r, 4, 'ring');
const line = (l: unknown) => positions(l, 2, 'line');
const polygon = (p: unknown) => nested(p, ring);

export function flatGeometry(g: Geometry | null): FlatResult {
  if (!g) return { ok: false, reason: 'it has no location' };
  let result: Geometry | string;
  switch (g.type) {
    case 'Point': {
      const p = position(g.coordinates);
      result = typeof p === 'string' ? p : { type: 'Point', coordinates: p };
      break;
    }
    case 'MultiPoint': {
      const ps = positions(g.coordinates, 1, 'multipoint');
      result = typeof ps === 'string' ? ps : { type: 'MultiPoint', coordinates: ps };
      break;
    }
    case 'LineString': {
      const ps = line(g.coordinates);
      result = typeof ps === 'string' ? ps : { type: 'LineString', coordinates: ps };
      break;
    }
    case 'MultiLineString': {
      const ls = nested(g.coordinates, line);
      result = typeof ls === 'string' ? ls : { type: 'MultiLineString', coordinates: ls };
      break;
    }
    case 'Polygon': {
      const rs = polygon(g.coordinates);
      result = typeof rs === 'string' ? rs : { type: 'Polygon', coordinates: rs };
      break;
    }
    case 'MultiPolygon': {
      const ps = nested(g.coordinates, polygon);
      result = typeof ps === 'string' ? ps : { type: 'MultiPolygon', coordinates: ps };
      break;
    }
    default:
      return { ok: false, reason: `a ${String((g as { type?: unknown }).type).slice(0, 40)} cannot be imported` };
  }
  if (typeof result === 'string') return { ok: false, reason: result };
  return { ok: true, geometry: result, vertices: countVertices(result) };
}
