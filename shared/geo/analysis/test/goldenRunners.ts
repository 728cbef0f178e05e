import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { areaCoverage } from '../areaCoverage';
import { bufferGeometry } from '../bufferGeometry';
import { clipToBox } from '../clipToBox';
import { densifyGeodesic } from '../densifyGeodesic';
import { distanceToLines } from '../distanceToLines';
import { geodesicArea } from '../geodesicArea';
import { geodesicCircle } from '../geodesicCircle';
import { geodesicDestination } from '../geodesicDestination';
import { geodesicLength } from '../geodesicLength';
import { intersectionArea } from '../intersectionArea';
import { labelPoint } from '../labelPoint';
import { measurePath } from '../measurePath';
import { outlineProblem } from '../outlineProblem';
import { pointsInArea } from '../pointsInArea';
import { rangeRings } from '../rangeRings';
import { repairOutline } from '../repairOutline';
import { selfCrossings } from '../selfCrossings';
import { zonesAtPoint } from '../zonesAtPoint';

/**
 * How each analysis function turns an input fixture (`test/in/<function>.<case>.geojson`)
 * into its output (`test/out/…`): features with a `role` property are the function's inputs;
 * the results are written as properties and extra features, rounded so the files stay
 * readable and stable (coordinates to 1e-7°, lengths to the millimetre, areas to the m²).
 */

type Props = Record<string, unknown>;
type AnyFeature = Feature<Geometry, Props>;
type Collection = FeatureCollection<Geometry, Props>;

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const metres = (v: number) => round(v, 3);
const squareMetres = (v: number) => Math.round(v);

function roundCoords<T>(value: T): T {
  if (typeof value === 'number') return round(value, 7) as T;
  if (Array.isArray(value)) return value.map(roundCoords) as T;
  return value;
}

function withGeometry(geometry: Geometry, properties: Props = {}): AnyFeature {
  return { type: 'Feature', properties, geometry: { ...geometry, coordinates: roundCoords((geometry as Polygon).coordinates) } as Geometry };
}

const role = (fc: Collection, r: string) => fc.features.filter((f) => f.properties?.role === r);
const out = (features: AnyFeature[]): Collection => ({ type: 'FeatureCollection', features });
const point = (p: Position, properties: Props = {}): AnyFeature => withGeometry({ type: 'Point', coordinates: p }, properties);

export const GOLDEN_RUNNERS: Record<string, (input: Collection) => Collection> = {
  geodesicArea: (fc) => out(fc.features.map((f) => ({ ...f, properties: { ...f.properties, area_m2: squareMetres(geodesicArea(f.geometry)) } }))),

  densifyGeodesic: (fc) =>
    out(
      fc.features.flatMap((f) => {
        const dense = densifyGeodesic(f.geometry, f.properties.step_m as number);
        return [f, withGeometry(dense, { densified: f.properties.name, length_m: metres(geodesicLength(dense)), area_m2: squareMetres(geodesicArea(dense)) })];
      }),
    ),

  geodesicLength: (fc) => out(fc.features.map((f) => ({ ...f, properties: { ...f.properties, length_m: metres(geodesicLength(f.geometry)) } }))),

  measurePath: (fc) =>
    out(
      fc.features.map((f) => {
        const m = measurePath((f.geometry as LineString).coordinates);
        return {
          ...f,
          properties: {
            ...f.properties,
            segments: m.segments.map((s) => ({ distance_m: metres(s.distance_m), bearing_deg: round(s.bearing_deg, 4) })),
            total_m: metres(m.total_m),
            area_m2: m.area_m2 === null ? null : squareMetres(m.area_m2),
            perimeter_m: m.perimeter_m === null ? null : metres(m.perimeter_m),
          },
        };
      }),
    ),

  geodesicDestination: (fc) =>
    out(
      fc.features.flatMap((f) => {
        const p = f.properties as { bearing_deg: number; distance_m: number };
        return [f, point(geodesicDestination((f.geometry as Point).coordinates, p.bearing_deg, p.distance_m), { from: (f.geometry as Point).coordinates, ...p })];
      }),
    ),

  geodesicCircle: (fc) =>
    out(
      fc.features.flatMap((f) => {
        const p = f.properties as { radius_m: number; steps: number };
        const circle = geodesicCircle((f.geometry as Point).coordinates, p.radius_m, p.steps);
        return [f, withGeometry(circle, { ...p, area_m2: squareMetres(geodesicArea(circle)) })];
      }),
    ),

  rangeRings: (fc) =>
    out(
      fc.features.flatMap((f) => {
        const p = f.properties as { radii_km: number[]; steps: number };
        return [f, ...rangeRings((f.geometry as Point).coordinates, p.radii_km, p.steps).features.map((r) => withGeometry(r.geometry, { ...r.properties }))];
      }),
    ),

  bufferGeometry: (fc) => {
    const [subject] = role(fc, 'subject');
    const clip = role(fc, 'clip')[0]?.geometry as Polygon | MultiPolygon | undefined;
    const km = subject!.properties.km as number;
    const result = bufferGeometry(subject!.geometry, km, clip ?? null);
    if (!result.ok) return out([...fc.features, point([0, 0], { message: result.message })]);
    return out([...fc.features, withGeometry(result.geometry, { role: 'buffer', km, area_m2: squareMetres(geodesicArea(result.geometry)) })]);
  },

  areaCoverage: (fc) => {
    const [zone] = role(fc, 'zone');
    const areas = role(fc, 'area').map((f) => ({ id: String(f.properties.id), name: String(f.properties.name), geometry: f.geometry as Polygon | MultiPolygon }));
    const shares = areaCoverage(zone!.geometry, areas).map((s) => ({ id: s.id, name: s.name, km2: round(s.km2, 4), percent: round(s.percent, 3) }));
    return out(fc.features.map((f) => (f === zone ? { ...f, properties: { ...f.properties, area_m2: squareMetres(geodesicArea(f.geometry)), coverage: shares } } : f)));
  },

  distanceToLines: (fc) => {
    const lines = role(fc, 'line').map((f) => f.geometry);
    return out([
      ...fc.features,
      ...role(fc, 'subject').map((f) => {
        const d = distanceToLines(f.geometry, lines)!;
        return withGeometry({ type: 'LineString', coordinates: [d.from, d.to] }, { role: 'nearest', to: f.properties.name, distance_m: metres(d.distance_m) });
      }),
    ]);
  },

  pointsInArea: (fc) => {
    const [zone] = role(fc, 'zone');
    const points = role(fc, 'point').map((f) => ({ id: String(f.properties.id), lon: (f.geometry as Point).coordinates[0]!, lat: (f.geometry as Point).coordinates[1]! }));
    const inside = new Set(pointsInArea(zone!.geometry, points));
    return out(fc.features.map((f) => (f.properties.role === 'point' ? { ...f, properties: { ...f.properties, inside: inside.has(String(f.properties.id)) } } : f)));
  },

  zonesAtPoint: (fc) => {
    const zones = role(fc, 'zone').map((f) => ({ id: String(f.properties.id), geometry: f.geometry }));
    return out(fc.features.map((f) => (f.properties.role === 'point' ? { ...f, properties: { ...f.properties, zones: zonesAtPoint((f.geometry as Point).coordinates as [number, number], zones) } } : f)));
  },

  selfCrossings: (fc) =>
    out(fc.features.flatMap((f) => [f, ...selfCrossings(f.geometry).map((p) => point(p, { crossing_of: f.properties.name }))])),

  repairOutline: (fc) =>
    out(
      fc.features.map((f) => {
        const r = repairOutline(f.geometry as Polygon);
        return r.ok
          ? withGeometry(r.geometry, { name: f.properties.name, ok: true, parts: r.parts, crossings: roundCoords(r.crossings), repaired: r.problem?.kind ?? null, valid: outlineProblem(r.geometry) === null })
          : { ...f, properties: { name: f.properties.name, ok: false, message: r.message } };
      }),
    ),

  outlineProblem: (fc) =>
    out(
      fc.features.flatMap((f) => {
        const problem = outlineProblem(f.geometry);
        return [{ ...f, properties: { ...f.properties, valid: problem === null } }, ...(problem ? [point(problem.at, { problem_of: f.properties.name, kind: problem.kind, message: problem.message })] : [])];
      }),
    ),

  labelPoint: (fc) => out(fc.features.flatMap((f) => [f, point(labelPoint(f.geometry), { label_of: f.properties.name })])),

  intersectionArea: (fc) => {
    const pairs = [...new Set(fc.features.map((f) => String(f.properties.pair)))];
    return out([
      ...fc.features,
      ...pairs.map((pair) => {
        const a = fc.features.find((f) => f.properties.pair === pair && f.properties.role === 'a')!;
        const b = fc.features.find((f) => f.properties.pair === pair && f.properties.role === 'b')!;
        return point([0, 0], { pair, intersection_m2: squareMetres(intersectionArea(a.geometry as Polygon, b.geometry as Polygon)) });
      }),
    ]);
  },

  clipToBox: (fc) => {
    const [subject] = role(fc, 'subject');
    const clipped = clipToBox(subject!.geometry as Polygon, subject!.properties.bbox as [number, number, number, number]);
    return out([...fc.features, ...(clipped ? [withGeometry(clipped.geometry, { role: 'clipped' })] : [])]);
  },
};
