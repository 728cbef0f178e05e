import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fitMercator } from '../../../shared/reports/mapProjection';
import { segmentInRect, showsInFrame } from '../frameVisibility';

const projection = fitMercator([20, 42, 21, 43], 400, 400);
const ring = (coords: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...coords, coords[0]!]] });

describe('showsInFrame', () => {
  it('sees a segment crossing the frame, not one passing by its corner', () => {
    const frame = { x0: 0, y0: 0, x1: 400, y1: 400 };
    expect(segmentInRect([-10, 200], [410, 200], frame)).toEqual([10 / 420, 410 / 420]);
    expect(segmentInRect([-10, 5], [5, -10], frame)).toBeNull();
    expect(segmentInRect([-10, 30], [30, -10], frame)).not.toBeNull();
  });

  it('leaves out an outline whose box reaches into the frame but whose edges pass by it', () => {
    // The frame shows 19.82–21.18° E, 42–43° N. An L round its south and west sides: the L's
    // box covers the whole frame, its edges and its area stay outside.
    const around: Polygon = ring([[19.0, 41.0], [22.0, 41.0], [22.0, 41.9], [19.7, 41.9], [19.7, 44.0], [19.0, 44.0]]);
    expect(showsInFrame(around, projection, { filled: true })).toBe(false);
    expect(showsInFrame(around, projection, { filled: false })).toBe(false);
  });

  it('leaves out a line that shows only under the inset', () => {
    const [x, y] = projection.project(20.9, 42.1);
    const line = { type: 'LineString' as const, coordinates: [projection.unproject(x, y - 10), projection.unproject(x + 10, y)] };
    expect(showsInFrame(line, projection, { filled: false })).toBe(true);
    expect(showsInFrame(line, projection, { filled: false, covered: [{ x0: x - 20, y0: y - 20, x1: x + 20, y1: y + 20 }] })).toBe(false);
    expect(showsInFrame(line, projection, { filled: false, covered: [{ x0: x - 20, y0: y - 20, x1: x + 5, y1: y + 20 }] })).toBe(true);
  });

  it('sees an area covering the whole frame only when it is filled', () => {
    const big = ring([[18, 40], [23, 40], [23, 45], [18, 45]]);
    expect(showsInFrame(big, projection, { filled: true })).toBe(true);
    expect(showsInFrame(big, projection, { filled: false })).toBe(false);
    expect(showsInFrame({ type: 'LineString', coordinates: [[20.5, 41], [20.5, 44]] }, projection, { filled: false })).toBe(true);
  });
});
