import { describe, expect, it } from 'vitest';
import { placeLabels, placeZoneLabels, type LabelBox } from '../labelPlacement';

const town = (x: number, y: number, width = 40): LabelBox => ({ x, y, width, height: 14, anchor: 'dot' });
const area = (x: number, y: number, width = 90): LabelBox => ({ x, y, width, height: 17, anchor: 'centre' });

function box(l: LabelBox, dx: number, dy: number) {
  const x = l.x + dx;
  const y = l.y + dy;
  return l.anchor === 'dot'
    ? { x0: x - 4, x1: x + l.width, y0: y - l.height / 2, y1: y + l.height / 2 }
    : { x0: x - l.width / 2, x1: x + l.width / 2, y0: y - l.height / 2, y1: y + l.height / 2 };
}

function overlapping(labels: LabelBox[], placed: ReturnType<typeof placeLabels>): number {
  const boxes = placed.map((p) => box(labels[p.index]!, p.dx, p.dy));
  let n = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) n++;
    }
  }
  return n;
}

describe('placeLabels', () => {
  it('moves a country’s name off the capital it would cover, and keeps both', () => {
    const labels = [town(500, 300), area(510, 300)]; // Sofia, then BULGARIA
    const placed = placeLabels(labels, 400);
    expect(placed.map((p) => p.index)).toEqual([0, 1]);
    expect(placed[0]).toEqual({ index: 0, dx: 0, dy: 0 });
    expect(placed[1]!.dx !== 0 || placed[1]!.dy !== 0).toBe(true);
    expect(overlapping(labels, placed)).toBe(0);
  });

  it('drops a town that would sit on a name placed before it: a dot never moves', () => {
    const placed = placeLabels([town(100, 100), town(110, 102)], 400);
    expect(placed.map((p) => p.index)).toEqual([0]);
  });

  it('drops an area’s name that fits nowhere near its point', () => {
    const blockers = [-3, -2, -1, 0, 1, 2, 3].map((row) => ({ x: 100, y: 200 + row * 19, width: 400, height: 17, anchor: 'centre' as const }));
    const placed = placeLabels([...blockers, area(100, 200, 60)], 400);
    expect(placed).toHaveLength(blockers.length);
    expect(placed.map((p) => p.index)).not.toContain(blockers.length);
  });

  it('keeps a moved name inside the view', () => {
    const view = { x0: 0, y0: 0, x1: 1000, y1: 600 };
    const labels = [town(300, 12, 60), area(300, 12)]; // at the top edge: only below is free
    const placed = placeLabels(labels, 400, view);
    expect(placed[1]!.dy).toBeGreaterThan(0);
    const b = box(labels[1]!, placed[1]!.dx, placed[1]!.dy);
    expect(b.y0).toBeGreaterThanOrEqual(0);
  });

  it('never lets two placed names overlap, and stops at the limit', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const labels = Array.from({ length: 600 }, (_, i) => (i % 3 ? town(random() * 1200, random() * 800, 20 + random() * 80) : area(random() * 1200, random() * 800, 40 + random() * 160)));
    const placed = placeLabels(labels, 1000);
    expect(placed.length).toBeGreaterThan(50);
    expect(overlapping(labels, placed)).toBe(0);
    expect(placeLabels(labels, 25)).toHaveLength(25);
  });
});

describe('placeZoneLabels', () => {
  const rect = (x0: number, y0: number, w: number, h: number) => ({ x0, y0, x1: x0 + w, y1: y0 + h });
  // A zone label: a 26 px symbol centred over a name line 14 px high.
  const label = (cx: number, cy: number, nameWidth = 160) => ({
    full: rect(cx - nameWidth / 2, cy - 20, nameWidth, 40),
    symbol: rect(cx - 18, cy - 20, 36, 26),
  });

  it('shows every label whole where none overlaps another', () => {
    expect(placeZoneLabels([label(100, 100), label(400, 100), label(100, 300)])).toEqual(['full', 'full', 'full']);
  });

  it('lets a label that would cover one before it show its symbol alone, and hides one with no room at all', () => {
    const first = label(300, 200);
    const besideIt = label(300 + 110, 200 + 30); // its name runs under the first's; its symbol is clear
    const onTop = label(305, 202);
    expect(placeZoneLabels([first, besideIt, onTop])).toEqual(['full', 'symbol', 'hidden']);
  });

  it('a zone without a symbol is hidden rather than drawn over another label', () => {
    expect(placeZoneLabels([label(100, 100), { ...label(120, 105), symbol: null }])).toEqual(['full', 'hidden']);
  });

  it('always shows the first (the selected zone) whole, whatever else is there', () => {
    expect(placeZoneLabels([label(100, 100)])).toEqual(['full']);
  });
});

describe('placeLabels with obstacles', () => {
  it('keeps names off the boxes already taken by the zones’ labels', () => {
    const obstacle = { x0: 90, y0: 90, x1: 200, y1: 130 };
    const placed = placeLabels([town(100, 100), town(400, 100)], 400, undefined, [obstacle]);
    expect(placed.map((p) => p.index)).toEqual([1]);
  });
});
