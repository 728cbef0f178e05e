import { bbox as turfBbox, pointToLineDistance } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiLineString } from 'geojson';
import { ApiError } from '../../shared/api/errors';
import type { AdminProperties, AreaGeometry } from '../../shared/geo/basemapTypes';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { foldForSearch } from '../../shared/places/foldText';
import type { ReportArea } from '../../shared/reports/reportOptions';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import type { CaseReader } from '../store/caseStore';

/** A report area made concrete: its name, a membership test, and its outline and extent. */
export interface ResolvedArea {
  label: string;
  contains(lon: number, lat: number): boolean;
  outline: Geometry | null;
  bbox: [number, number, number, number] | null;
}

/** Incidents this close to a route count as on it (a route has no inside). */
export const ROUTE_CORRIDOR_KM = 2;

const COUNTRY_OF: Record<AdminProperties['iso3'], string> = { XKX: 'Kosovo', BIH: 'Bosnia and Herzegovina', SRB: 'Serbia' };

function extent(geometry: Geometry): [number, number, number, number] {
  return turfBbox(geometry) as [number, number, number, number];
}

function polygonArea(label: string, geometry: AreaGeometry): ResolvedArea {
  const index = createPolygonIndex([{ geometry, value: true }]);
  return { label, contains: (lon, lat) => index.containing(lon, lat) !== null, outline: geometry, bbox: extent(geometry) };
}

/** What an admin area is called in a sentence: "Zvečan municipality (Kosovo)". */
export function adminAreaLabel(p: AdminProperties): string {
  const level = p.level === 'municipality' ? 'municipality' : p.level;
  return `${p.name} ${level} (${COUNTRY_OF[p.iso3]})`;
}

export function resolveArea(area: ReportArea, sources: { basemap: () => LoadedBasemap; reader: Pick<CaseReader, 'getZone'> }): ResolvedArea {
  switch (area.kind) {
    case 'all':
      return { label: 'Whole case', contains: () => true, outline: null, bbox: null };
    case 'view': {
      const [w, s, e, n] = area.bbox;
      const f = (v: number) => v.toFixed(3);
      return {
        label: `Map view ${f(s)}–${f(n)}° N, ${f(w)}–${f(e)}° E`,
        contains: (lon, lat) => lon >= w && lon <= e && lat >= s && lat <= n,
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
      return {
        label: `${label} (within ${ROUTE_CORRIDOR_KM} km)`,
        contains: (lon, lat) => parts.some((p) => pointToLineDistance([lon, lat], p, { units: 'kilometers' }) <= ROUTE_CORRIDOR_KM),
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
