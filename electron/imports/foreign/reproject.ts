import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

/**
 * Coordinates of foreign data in a projected system, brought to longitude/latitude (WGS 84),
 * for the systems colleagues in the region actually send: Web Mercator (EPSG:3857, what web
 * maps and many QGIS projects use), UTM on WGS 84 (EPSG:326zz north, 327zz south; Kosovo and
 * Serbia lie in zone 34N, Bosnia in 33N and 34N) and on ETRS89 (EPSG:258zz), and ETRS89's
 * longitude/latitude (EPSG:4258, within a metre of WGS 84 here). The definitions are fixed
 * here, never read from the file: a file names its system by code and the code picks one of
 * these, so nothing a file says is parsed as a projection. Anything else (the Balkans zones of
 * MGI 1901, whose datum shift differs from country to country, local grids) is left out with a
 * message, as before.
 */

export interface Reprojection {
  /** "EPSG:32634" */
  code: string;
  /** "WGS 84 / UTM zone 34N" */
  name: string;
  /** Longitude/latitude of a point, or null when it has none (outside the projection's range). */
  toLonLat(x: number, y: number): [number, number] | null;
}

function fromProj(code: string, name: string, definition: string): Reprojection {
  const converter = proj4(definition, 'EPSG:4326');
  return {
    code,
    name,
    toLonLat(x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
      const [lon, lat] = converter.forward([x, y]) as [number, number];
      return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null;
    },
  };
}

/** The conversion for an EPSG code, or null when Faultline does not convert from it. */
export function reprojectionFor(epsg: number): Reprojection | null {
  if (!Number.isInteger(epsg)) return null;
  if (epsg === 3857 || epsg === 900913) return fromProj(`EPSG:${epsg}`, 'WGS 84 / Pseudo-Mercator', 'EPSG:3857');
  if (epsg === 4258) return fromProj('EPSG:4258', 'ETRS89', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs');
  const zone = epsg % 100;
  if (epsg >= 32601 && epsg <= 32660) return fromProj(`EPSG:${epsg}`, `WGS 84 / UTM zone ${zone}N`, `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`);
  if (epsg >= 32701 && epsg <= 32760) return fromProj(`EPSG:${epsg}`, `WGS 84 / UTM zone ${zone}S`, `+proj=utm +zone=${zone} +south +datum=WGS84 +units=m +no_defs`);
  if (epsg >= 25828 && epsg <= 25838) return fromProj(`EPSG:${epsg}`, `ETRS89 / UTM zone ${zone}N`, `+proj=utm +zone=${zone} +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`);
  return null;
}

/** The EPSG code in a CRS name as GeoJSON files write it ("EPSG:3857", "urn:ogc:def:crs:EPSG::3857"). */
export function epsgOfName(name: string): number | null {
  const m = /^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:)(\d{4,6})$/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The geometry in longitude/latitude, or null when any of its points has none or it is not
 * a well-formed geometry (a file from elsewhere may hold anything; the import then reports
 * the feature as having no location). Heights and measures are kept. Works on a copy.
 */
export function reprojectGeometry(geometry: Geometry, r: Reprojection): Geometry | null {
  let ok = true;
  const point = (p: Position): Position => {
    const to = r.toLonLat(Number(p[0]), Number(p[1]));
    if (!to) {
      ok = false;
      return p;
    }
    return [...to, ...p.slice(2)];
  };
  const walk = (g: Geometry): Geometry => {
    switch (g.type) {
      case 'Point':
        return { type: 'Point', coordinates: point(g.coordinates) };
      case 'MultiPoint':
      case 'LineString':
        return { type: g.type, coordinates: g.coordinates.map(point) } as Geometry;
      case 'MultiLineString':
      case 'Polygon':
        return { type: g.type, coordinates: g.coordinates.map((line) => line.map(point)) } as Geometry;
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(point))) };
      case 'GeometryCollection':
        return { type: 'GeometryCollection', geometries: g.geometries.map(walk) };
    }
  };
  try {
    const out = walk(geometry);
    return ok ? out : null;
  } catch {
    return null;
  }
}
