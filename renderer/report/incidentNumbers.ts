import type { MapProjection } from '../../shared/reports/mapProjection';
import type { ReportIncident } from '../../shared/reports/reportData';
import { labelPlate, overlaps, type Box } from './mapLabels';
import { markerRadius } from './markerRadius';
import { svg, r1 } from './svg';
import { textWidth } from './textWidth';

/**
 * The table's row numbers beside the incidents on the map. Incidents at one spot (a town named
 * as the place) share one label, their numbers in runs: "1–25", "3, 7, 9–12". A label goes
 * beside its marker where there is room, else a little further out with a leader line to it;
 * a label is left out rather than printed over another.
 */

/** Sorted row numbers as runs: [1, 2, 3, 4, 6, 8, 9] → "1–4", "6", "8", "9". */
export function numberRuns(numbers: readonly number[]): string[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    // Three in a row read as well listed; from four on, a range is shorter.
    if (j - i >= 3) runs.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) runs.push(String(sorted[k]));
    i = j + 1;
  }
  return runs;
}

/** Runs joined into lines of at most `maxChars` characters (a run is never split). */
export function numberLines(numbers: readonly number[], maxChars = 22): string[] {
  const lines: string[] = [];
  for (const run of numberRuns(numbers)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 2 + run.length <= maxChars) lines[lines.length - 1] = `${last}, ${run}`;
    else lines.push(run);
  }
  // Every line but the last ends with a comma, as the list goes on.
  return lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line));
}

const FONT = 8;
const LINE = 10;

interface Spot {
  x: number;
  y: number;
  r: number;
  numbers: number[];
}

/** Candidate boxes for a label of w × h beside a marker at (x, y) of radius r, nearest first. */
function candidates(x: number, y: number, r: number, w: number, h: number): { box: Box; leader: boolean }[] {
  const out: { box: Box; leader: boolean }[] = [];
  for (const [gap, leader] of [
    [1, false],
    [8, true],
    [18, true],
  ] as const) {
    const d = r + gap;
    out.push(
      { box: { x0: x + d, y0: y - h / 2, x1: x + d + w, y1: y + h / 2 }, leader },
      { box: { x0: x - d - w, y0: y - h / 2, x1: x - d, y1: y + h / 2 }, leader },
      { box: { x0: x - w / 2, y0: y - d - h, x1: x + w / 2, y1: y - d }, leader },
      { box: { x0: x - w / 2, y0: y + d, x1: x + w / 2, y1: y + d + h }, leader },
      { box: { x0: x + d * 0.7, y0: y - d * 0.7 - h, x1: x + d * 0.7 + w, y1: y - d * 0.7 }, leader },
      { box: { x0: x - d * 0.7 - w, y0: y - d * 0.7 - h, x1: x - d * 0.7, y1: y - d * 0.7 }, leader },
      { box: { x0: x + d * 0.7, y0: y + d * 0.7, x1: x + d * 0.7 + w, y1: y + d * 0.7 + h }, leader },
      { box: { x0: x - d * 0.7 - w, y0: y + d * 0.7, x1: x - d * 0.7, y1: y + d * 0.7 + h }, leader },
    );
  }
  return out;
}

/** The point of a box nearest to (x, y): where a leader line ends. */
function nearestPoint(box: Box, x: number, y: number): [number, number] {
  return [Math.max(box.x0, Math.min(x, box.x1)), Math.max(box.y0, Math.min(y, box.y1))];
}

export function drawIncidentNumbers(incidents: readonly ReportIncident[], projection: MapProjection, placed: Box[]): SVGGElement {
  const layer = svg('g', { class: 'flr-incident-numbers' });
  const spots = new Map<string, Spot>();
  for (const incident of incidents) {
    const [x, y] = projection.project(incident.lon, incident.lat);
    const key = `${Math.round(x / 3)},${Math.round(y / 3)}`;
    const spot = spots.get(key) ?? { x, y, r: 0, numbers: [] };
    spot.r = Math.max(spot.r, markerRadius(incident));
    spot.numbers.push(incident.n);
    spots.set(key, spot);
  }
  let omitted = 0;
  for (const { x, y, r, numbers } of spots.values()) {
    const lines = numberLines(numbers);
    const w = Math.max(...lines.map((l) => textWidth(l, FONT, 700))) + 4;
    const h = lines.length * LINE;
    const inFrame = (b: Box) => b.x0 > 1 && b.y0 > 1 && b.x1 < projection.width - 1 && b.y1 < projection.height - 1;
    const found = candidates(x, y, r, w, h).find((c) => inFrame(c.box) && !placed.some((p) => overlaps(c.box, p)));
    if (!found) {
      omitted += 1;
      continue;
    }
    const { box, leader } = found;
    placed.push(box);
    if (leader) {
      const [lx, ly] = nearestPoint(box, x, y);
      layer.appendChild(svg('line', { x1: r1(x), y1: r1(y), x2: r1(lx), y2: r1(ly), stroke: '#111', 'stroke-width': 0.6, class: 'flr-leader' }));
    }
    layer.appendChild(labelPlate(box, 0.8));
    const text = svg('text', { x: r1((box.x0 + box.x1) / 2), y: r1(box.y0 + LINE / 2), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': FONT, 'font-weight': 700, fill: '#111', class: 'flr-label flr-incident-number' });
    lines.forEach((line, i) => text.appendChild(svg('tspan', { x: r1((box.x0 + box.x1) / 2), dy: i === 0 ? 0 : LINE, text: line })));
    layer.appendChild(text);
  }
  layer.dataset.omitted = String(omitted);
  return layer;
}
