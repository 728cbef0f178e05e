/**
 * Where map names go: a greedy pass in priority order that keeps a label only where its box
 * overlaps none placed before it. A name that stands for an area (a country, an entity, a
 * municipality) is not tied to one point: when its centre is taken, it tries a little above,
 * below and to the sides, so "BULGARIA" steps aside for Sofia instead of sitting on it. Pure, so it is
 * tested without a map.
 */

export interface LabelBox {
  /** Screen position of the label's point. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 'dot': a town's dot at the point with the text to its right; 'centre': centred on it. */
  anchor: 'dot' | 'centre';
}

export interface PlacedLabel {
  /** Index of the label in the list given. */
  index: number;
  /** Shift from its point (centred labels only). */
  dx: number;
  dy: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Places an area's name may take, nearest first: [across in thirds of its width, down in
 * label heights]. Never far: a name must stay over its area.
 */
const AREA_SHIFTS: readonly (readonly [number, number])[] = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0], [0, -2], [0, 2], [-1, -1], [1, -1], [-1, 1], [1, 1]];
/** Air between two names. */
const GAP = 2;

/**
 * `view` is the visible box in the same pixels: a name moved off its point must fit in it.
 *
 * @example
 * placeLabels([sofia, bulgaria], 400); // Sofia at its dot, BULGARIA a line above or below
 */
export function placeLabels(
  labels: readonly LabelBox[],
  maxLabels: number,
  view?: { x0: number; y0: number; x1: number; y1: number },
  /** Boxes already taken (the zones' labels): no name is placed over them. */
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const placed: Box[] = [...obstacles];
  const out: PlacedLabel[] = [];
  labels.forEach((label, index) => {
    if (out.length >= maxLabels) return;
    const shifts = label.anchor === 'centre' ? AREA_SHIFTS : AREA_SHIFTS.slice(0, 1);
    for (const [across, down] of shifts) {
      const dx = (across * label.width) / 3;
      const dy = down * (label.height + GAP);
      const box = boxOf(label, dx, dy);
      // A name moved off its point must stay whole in the view; at its point it may be cut.
      if ((dx || dy) && view && (box.x0 < view.x0 || box.y0 < view.y0 || box.x1 > view.x1 || box.y1 > view.y1)) continue;
      if (placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      out.push({ index, dx, dy });
      return;
    }
  });
  return out;
}

function boxOf(label: LabelBox, dx: number, dy: number): Box {
  const x = label.x + dx;
  const y = label.y + dy;
  const half = label.height / 2;
  return label.anchor === 'dot'
    ? { x0: x - 4, y0: y - half, x1: x + label.width, y1: y + half }
    : { x0: x - label.width / 2, y0: y - half, x1: x + label.width / 2, y1: y + half };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 + GAP && b.x0 < a.x1 + GAP && a.y0 < b.y1 + GAP && b.y0 < a.y1 + GAP;
}

/** How a zone's label is shown: symbol and name, the symbol alone, or not at all. */
export type ZoneLabelFit = 'full' | 'symbol' | 'hidden';

export interface ZoneLabelBoxes {
  /** The whole label (symbol above the name) where it stands. */
  full: Box;
  /** The unit symbol alone, or null when the zone has none. */
  symbol: Box | null;
}

/**
 * The zones' labels, in priority order (the selected zone, then active zones, then smaller
 * ones): each keeps its place at its zone's label point, never moved away from it, and shows
 * whole where it overlaps no label placed before it, else its symbol alone where that fits,
 * else nothing until the map is zoomed in. The first is always shown whole.
 */
export function placeZoneLabels(labels: readonly ZoneLabelBoxes[]): ZoneLabelFit[] {
  const placed: Box[] = [];
  return labels.map((label, index) => {
    if (index === 0 || !placed.some((b) => overlaps(b, label.full))) {
      placed.push(label.full);
      return 'full';
    }
    if (label.symbol && !placed.some((b) => overlaps(b, label.symbol!))) {
      placed.push(label.symbol);
      return 'symbol';
    }
    return 'hidden';
  });
}
