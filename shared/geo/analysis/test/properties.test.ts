import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { featureCollection, intersect } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { densifyGeodesic } from '../densifyGeodesic';
import { describeRepair } from '../describeRepair';
import { distanceToLines } from '../distanceToLines';
import { geodesicArea } from '../geodesicArea';
import { geodesicCircle } from '../geodesicCircle';
import { geodesicDestination } from '../geodesicDestination';
import { geodesicInverse } from '../geodesicInverse';
import { intersectionArea } from '../intersectionArea';
import { prepareAreaTest } from '../prepareAreaTest';
import { outlineProblem } from '../outlineProblem';
import { repairOutline } from '../repairOutline';
import { selfCrossings } from '../selfCrossings';

/** Invariants over random shapes in the region (the golden fixtures pin the exact values). */

const lon = fc.double({ min: 15.5, max: 23.5, noNaN: true });
const lat = fc.double({ min: 41, max: 46.5, noNaN: true });
const box = fc
  .tuple(lon, lat, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
  .map(([x, y, w, h]): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] }));
/** A star-shaped (never self-crossing) polygon around a centre. */
const star = fc
  .tuple(lon, lat, fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 5, maxLength: 40 }))
  .map(([x, y, radii]): Polygon => {
    const ring: Position[] = radii.map((r, i) => {
      const a = (2 * Math.PI * i) / radii.length;
      return [x + 0.3 * r * Math.cos(a), y + 0.2 * r * Math.sin(a)];
    });
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  });

describe('geodesic measures', () => {
  it('areas agree with Karney’s exact geodesic polygon areas to 0.01 %', () => {
    // The reference areas in the fixture (karney_area_m2) were computed with GeographicLib 2.2
    // (geographiclib-geodesic, PolygonArea on WGS 84), an implementation independent of ours.
    const shapes = JSON.parse(readFileSync(join(import.meta.dirname, 'in', 'geodesicArea.shapes.geojson'), 'utf8')) as FeatureCollection<Geometry, { name: string; karney_area_m2?: number }>;
    const referenced = shapes.features.filter((f) => f.properties.karney_area_m2 !== undefined);
    expect(referenced.length).toBeGreaterThanOrEqual(8);
    for (const f of referenced) expect(Math.abs(geodesicArea(f.geometry) / f.properties.karney_area_m2! - 1), f.properties.name).toBeLessThan(1e-4);
  });

  it('destination and inverse agree: going d metres at a bearing lands d metres away', () => {
    fc.assert(
      fc.property(lon, lat, fc.double({ min: 0, max: 359.9, noNaN: true }), fc.double({ min: 10, max: 300_000, noNaN: true }), (x, y, bearing, d) => {
        const to = geodesicDestination([x, y], bearing, d);
        const back = geodesicInverse([x, y], to);
        expect(Math.abs(back.distance_m - d)).toBeLessThan(1e-3);
        if (d > 100) expect(Math.abs(((back.bearing_deg - bearing + 540) % 360) - 180)).toBeLessThan(1e-6);
      }),
    );
  });

  it('a circle’s area is close to π r² (a small circle on the ellipsoid)', () => {
    for (const r of [1_000, 5_000, 20_000]) {
      const a = geodesicArea(geodesicCircle([20.84, 42.91], r, 512));
      expect(Math.abs(a / (Math.PI * r * r) - 1)).toBeLessThan(1e-3);
    }
  });
});

describe('intersectionArea', () => {
  it('of a shape with itself is its area, and it is symmetric and never larger than either', () => {
    fc.assert(
      fc.property(star, star, (a, b) => {
        const area = geodesicArea(a);
        expect(Math.abs(intersectionArea(a, a) / area - 1)).toBeLessThan(1e-9);
        const ab = intersectionArea(a, b);
        expect(Math.abs(ab - intersectionArea(b, a))).toBeLessThanOrEqual(Math.max(1, ab * 1e-9));
        expect(ab).toBeLessThanOrEqual(Math.min(area, geodesicArea(b)) * (1 + 1e-9) + 1);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with a polygon clipper followed by geodesicArea', () => {
    fc.assert(
      fc.property(star, box, (a, b) => {
        // The clipper gets the same geodesic pieces that intersectionArea cuts the edges into.
        const pieces = [a, b].map((g): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: densifyGeodesic(g) }));
        const clipped = intersect(featureCollection(pieces));
        const expected = clipped ? geodesicArea(clipped.geometry) : 0;
        const got = intersectionArea(a, b);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(Math.max(1, expected * 1e-6));
      }),
      { numRuns: 60 },
    );
  });
});

describe('distanceToLines', () => {
  it('matches the distance to a densely sampled line (brute force on the ellipsoid)', () => {
    fc.assert(
      fc.property(lon, lat, fc.array(fc.tuple(lon, lat), { minLength: 2, maxLength: 6 }), (x, y, points) => {
        const line = { type: 'LineString' as const, coordinates: points };
        const d = distanceToLines({ type: 'Point', coordinates: [x, y] }, [line])!.distance_m;
        let brute = Infinity;
        for (let i = 0; i + 1 < points.length; i++) {
          const [a, b] = [points[i]!, points[i + 1]!];
          for (let k = 0; k <= 2000; k++) {
            const t = k / 2000;
            brute = Math.min(brute, geodesicInverse([x, y], [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]).distance_m);
          }
        }
        // Sampling overestimates by at most half a sampling step.
        expect(d).toBeLessThanOrEqual(brute * (1 + 1e-9) + 1e-6);
        expect(d).toBeGreaterThanOrEqual(brute * 0.99 - 600);
      }),
      { numRuns: 40 },
    );
  });

  it('is 0 for a zone that contains or crosses the line, and null without lines', () => {
    const zone: Polygon = { type: 'Polygon', coordinates: [[[20, 42], [21, 42], [21, 43], [20, 43], [20, 42]]] };
    expect(distanceToLines(zone, [{ type: 'LineString', coordinates: [[20.2, 42.2], [20.3, 42.3]] }])!.distance_m).toBe(0);
    expect(distanceToLines(zone, [{ type: 'LineString', coordinates: [[19, 42.5], [22, 42.5]] }])!.distance_m).toBe(0);
    expect(distanceToLines(zone, [])).toBeNull();
  });
});

describe('self-crossing outlines', () => {
  it('a star-shaped outline never crosses itself', () => {
    fc.assert(
      fc.property(star, (p) => {
        expect(selfCrossings(p)).toEqual([]);
      }),
    );
  });

  it('repair always ends in a valid area or a clear refusal, never a broken shape', () => {
    // On a coarse grid, so that points repeat and touch as snapping makes them.
    const grid = fc.integer({ min: 0, max: 20 });
    const scribble = fc.array(fc.tuple(grid, grid).map(([x, y]) => [20 + x / 100, 42 + y / 100] as [number, number]), { minLength: 3, maxLength: 12 });
    fc.assert(
      fc.property(scribble, (points) => {
        const ring = [...points, points[0]!];
        const result = repairOutline({ type: 'Polygon', coordinates: [ring] });
        if (result.ok) expect(outlineProblem(result.geometry)).toBeNull();
        else expect(result.message).toMatch(/crosses itself|could not be repaired/);
      }),
      { numRuns: 500 },
    );
  });

  it('parts that overlap are merged: a valid area that counts their common ground once', () => {
    const parts = fc.array(box, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(parts, (boxes) => {
        const result = repairOutline({ type: 'MultiPolygon', coordinates: boxes.map((b) => b.coordinates) });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(outlineProblem(result.geometry)).toBeNull();
        const sum = boxes.reduce((s, b) => s + geodesicArea(b), 0);
        const largest = Math.max(...boxes.map((b) => geodesicArea(b)));
        const area = geodesicArea(result.geometry);
        expect(area).toBeLessThanOrEqual(sum * (1 + 1e-9));
        expect(area).toBeGreaterThanOrEqual(largest * (1 - 1e-9));
        if (outlineProblem({ type: 'MultiPolygon', coordinates: boxes.map((b) => b.coordinates) })) expect(result.problem?.kind).toBe('parts-overlap');
        else expect(area).toBeCloseTo(sum, -2);
      }),
      { numRuns: 150 },
    );
  });

  it('tells the analyst what the repair did', () => {
    expect(describeRepair({ crossings: [], parts: 1 })).toBe('');
    expect(describeRepair({ crossings: [[20.84, 42.91]], parts: 2 })).toBe(
      'The outline crossed itself once, near 42.9100° N, 20.8400° E; it was split there into 2 areas. Undo or redraw if that is not what you meant.',
    );
    const at = [20.84, 42.91];
    expect(describeRepair({ crossings: [], parts: 1, problem: { kind: 'parts-overlap', at, message: '' } })).toBe(
      'Parts of the area overlapped near 42.9100° N, 20.8400° E; they were merged into 1 area, so no ground counts twice. Undo or redraw if that is not what you meant.',
    );
    expect(describeRepair({ crossings: [], parts: 1, problem: { kind: 'hole-outside', at, message: '' } })).toMatch(/^A hole lay outside the area’s outline near 42\.9100° N/);
  });
});

describe('prepareAreaTest', () => {
  it('agrees with plain ray casting over every ring (bands change the speed, not the answer)', () => {
    const plain = (rings: Position[][], x: number, y: number) => {
      let inside = false;
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i] as [number, number];
          const [xj, yj] = ring[j] as [number, number];
          if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
      return inside;
    };
    fc.assert(
      fc.property(star, fc.array(fc.tuple(fc.double({ min: -0.1, max: 1.1, noNaN: true }), fc.double({ min: -0.1, max: 1.1, noNaN: true })), { minLength: 20, maxLength: 60 }), (outline, unit) => {
        // A hole in the middle of the star, and points spread over (and just beyond) its box.
        const xs = outline.coordinates[0]!.map((p) => p[0]!);
        const ys = outline.coordinates[0]!.map((p) => p[1]!);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        const hole: Position[] = [[cx - 0.01, cy - 0.01], [cx + 0.01, cy - 0.01], [cx + 0.01, cy + 0.01], [cx - 0.01, cy + 0.01], [cx - 0.01, cy - 0.01]];
        const rings = [outline.coordinates[0]!, hole];
        const test = prepareAreaTest({ type: 'Polygon', coordinates: rings });
        for (const [u, v] of unit) {
          const x = x0 + u * (x1 - x0);
          const y = y0 + v * (y1 - y0);
          expect(test.contains(x, y)).toBe(plain(rings, x, y));
        }
      }),
      { numRuns: 80 },
    );
  });
});
