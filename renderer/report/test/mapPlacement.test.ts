import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fitMercator } from '../../../shared/reports/mapProjection';
import { numberLines, numberRuns } from '../incidentNumbers';
import { insetCorner } from '../insetPlacement';
import { overlaps, type Box } from '../mapLabels';
import { placeZoneLabel } from '../zoneLabels';

describe('incident numbers at one spot', () => {
  it('are written as runs, four or more in a row as a range', () => {
    expect(numberRuns([5, 1, 2])).toEqual(['1', '2', '5']);
    expect(numberRuns(Array.from({ length: 25 }, (_, i) => i + 1))).toEqual(['1–25']);
    expect(numberRuns([1, 2, 3, 9, 10, 11, 12, 20])).toEqual(['1', '2', '3', '9–12', '20']);
  });

  it('wrap into short lines without splitting a run', () => {
    const lines = numberLines([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 100, 101, 102, 103]);
    expect(lines.join(' ')).toBe('1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 100–103');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(23);
    expect(lines.length).toBeGreaterThan(1);
  });
});

describe('zone labels', () => {
  const size = { symbolW: 30, symbolH: 20, nameW: 120, nameH: 12 };
  const frame = { width: 600, height: 400 };

  it('go at the label point when it is free, and move to a free place when it is not', () => {
    const free = placeZoneLabel(300, 200, size, [], frame)!;
    expect(free.moved).toBe(false);
    expect(free.symbolBox).not.toBeNull();
    const taken: Box[] = [free.nameBox, free.symbolBox!];
    const second = placeZoneLabel(300, 200, size, taken, frame)!;
    expect(second.moved).toBe(true);
    for (const box of [second.nameBox, second.symbolBox!]) for (const t of taken) expect(overlaps(box, t)).toBe(false);
  });

  it('are left out rather than printed over what is there', () => {
    const everything: Box[] = [{ x0: 0, y0: 0, x1: 600, y1: 400 }];
    expect(placeZoneLabel(300, 200, size, everything, frame)).toBeNull();
    // Room for the name only: the symbol is dropped, not the name.
    const strip: Box[] = [{ x0: 0, y0: 0, x1: 600, y1: 190 }, { x0: 0, y0: 210, x1: 600, y1: 400 }];
    const nameOnly = placeZoneLabel(300, 200, size, strip, frame)!;
    expect(nameOnly.symbolBox).toBeNull();
    expect(strip.some((b) => overlaps(b, nameOnly.nameBox))).toBe(false);
  });
});

describe('inset corner', () => {
  const projection = fitMercator([20, 42, 21, 43], 600, 600);

  it('keeps clear of zone shapes, not only of points', () => {
    // A zone filling the bottom-right quarter of the map, with its label point elsewhere.
    const [w, s] = projection.unproject(300, 600);
    const [e, n] = projection.unproject(600, 300);
    const zone: Polygon = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    expect(insetCorner(projection, 120, 100, [], [])).toEqual({ x0: 600 - 128, y0: 600 - 116 });
    const chosen = insetCorner(projection, 120, 100, [], [zone]);
    expect(chosen.x0 + 120 <= 300 || chosen.y0 + 100 <= 300).toBe(true);
  });

  it('hides a zone rather than an incident', () => {
    const [w, s] = projection.unproject(0, 600);
    const [e, n] = projection.unproject(600, 0);
    const everywhere: Polygon = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    const points: [number, number][] = [[540, 540], [60, 500], [540, 100]];
    expect(insetCorner(projection, 120, 100, points, [everywhere])).toEqual({ x0: 8, y0: 32 });
  });
});
