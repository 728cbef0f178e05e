import { bbox as turfBbox, bboxPolygon, booleanIntersects, pointToLineDistance } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { ApiError } from '../../shared/api/errors';
import type { AdminProperties, AreaGeometry } from '../../shared/geo/basemapTypes';
import { areaCoverage } from '../../shared/geo/analysis/areaCoverage';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { foldForSearch } from '../../shared/places/foldText';
import type { ReportArea } from '../../shared/reports/reportOptions';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import type { CaseReader } from '../store/caseStore';

/** A report area made concrete: its name, a membership test, and its outline and extent. */
export interface ResolvedArea {
  label: string;
  contains(lon: number, lat: number): boolean;
  /** Whether a zone lies in the area, wholly or in part (touching its edge is not enough). */
  meets(zone: Geometry): boolean;
  outline: Geometry | null;
  bbox: [number, number, number, number] | null;
}

/** Incidents this close to a route count as on it (a route has no inside). */
export const ROUTE_CORRIDOR_KM = 2;

const COUNTRY_OF: Record<AdminProperties['iso3'], string> = { XKX: 'Kosovo', BIH: 'Bosnia and Herzegovina', SRB: 'Serbia' };

function extent(geometry: Geometry): [number, number, number, number] {
  return turfBbox(geometry) as [number, number, number, number];
}

/**
 * Less than this much in common is no overlap: a zone drawn along a border its area follows
 * (the Ground Safety Zone on Serbia's side of the boundary) shares an edge with the other side,
 * and the arithmetic of that shared edge leaves a sliver of a few square metres.
 */
export const MIN_OVERLAP_KM2 = 0.01;

const isArea = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

function vertices(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(vertices);
  }
}

/**
 * A zone meets an area when they overlap by more than a sliver (an area zone), or when part of
 * it runs inside the area (a route: it has no area, so crossing or lying inside is what counts).
 */
function zoneMeetsArea(area: Polygon | MultiPolygon, zone: Geometry): boolean {
  if (isArea(zone)) return areaCoverage(zone, [{ id: 'area', name: 'area', geometry: area }], MIN_OVERLAP_KM2).length > 0;
  return booleanIntersects(zone, area);
}

function polygonArea(label: string, geometry: AreaGeometry): ResolvedArea {
  const index = createPolygonIndex([{ geometry, value: true }]);
  return { label, contains: (lon, lat) => index.containing(lon, lat) !== null, meets: (zone) => zoneMeetsArea(geometry, zone), outline: geometry, bbox: extent(geometry) };
}

/** What an admin area is called in a sentence: "Zvečan municipality (Kosovo)". */
export function adminAreaLabel(p: AdminProperties): string {
  const level = p.level === 'municipality' ? 'municipality' : p.level;
  return `${p.name} ${level} (${COUNTRY_OF[p.iso3]})`;
}

export function resolveArea(area: ReportArea, sources: { basemap: () => LoadedBasemap; reader: Pick<CaseReader, 'getZone'> }): ResolvedArea {
  switch (area.kind) {
    case 'all':
      return { label: 'Whole case', contains: () => true, meets: () => true, outline: null, bbox: null };
    case 'view': {
      const [w, s, e, n] = area.bbox;
      const f = (v: number) => v.toFixed(3);
      return {
        label: `Map view ${f(s)}–${f(n)}° N, ${f(w)}–${f(e)}° E`,
        contains: (lon, lat) => lon >= w && lon <= e && lat >= s && lat <= n,
        meets: (zone) => zoneMeetsArea(bboxPolygon([w, s, e, n]).geometry, zone),
        outline: null,
        bbox: [w, s, e, n],
      };
    }
    case 'zone': {
      const zone = sources.reader.getZone(area.id);
      if (zone.provenance.deleted_at) throw new ApiError('not_found', `The zone “${zone.fields.name}” was deleted.`);
      const g = zone.fields.geometry;
      const label = `Zone “${zone.fields.name}”`;
      if (g.type === 'Polygon' || g.type === 'MultiPolygon') return polygonArea(label, g);
      const line: Feature<LineString | MultiLineString> = { type: 'Feature', properties: {}, geometry: g };
      const parts: Feature<LineString>[] =
        line.geometry.type === 'LineString' ? [line as Feature<LineString>] : line.geometry.coordinates.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }));
      const contains = (lon: number, lat: number) => parts.some((p) => pointToLineDistance([lon, lat], p, { units: 'kilometers' }) <= ROUTE_CORRIDOR_KM);
      return {
        label: `${label} (within ${ROUTE_CORRIDOR_KM} km)`,
        contains,
        // The corridor along the route: a zone the route crosses, or one with a corner in it.
        meets: (zone) => booleanIntersects(zone, g) || vertices(zone).some(([lon, lat]) => contains(lon!, lat!)),
        outline: g,
        bbox: extent(g),
      };
    }
    case 'entity': {
      const feature = sources.basemap().entities.features.find((f) => f.properties.id === area.id);
      if (!feature) throw new ApiError('not_found', `The basemap has no entity ${area.id}.`);
      return polygonArea(feature.properties.name, feature.geometry);
    }
    case 'admin': {
      const wanted = foldForSearch(area.name);
      const feature = sources.basemap().admin.features.find(
        (f) => f.properties.iso3 === area.iso3 && (foldForSearch(f.properties.name) === wanted || ('name_sq' in f.properties && foldForSearch(f.properties.name_sq) === wanted)),
      );
      if (!feature) throw new ApiError('not_found', `The basemap has no admin area “${area.name}” in ${COUNTRY_OF[area.iso3]}.`);
      return polygonArea(adminAreaLabel(feature.properties), feature.geometry);
    }
  }
}
