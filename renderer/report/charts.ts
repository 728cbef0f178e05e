import { PX_PER_MM } from '../../shared/reports/pageGeometry';
import type { ReportSummary } from '../../shared/reports/reportData';
import { EVENT_TYPES, EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { el } from '../ui/dom';
import { formatCount } from './format';
import { svg, r1 } from './svg';

/** Charts of the summary page, as vector SVG sized in paper millimetres. */

export interface BarRow {
  label: string;
  value: number;
  color?: string;
  /** Printed after the value, e.g. "4 killed, 93 injured". */
  note?: string;
}

/** A round upper bound for an axis: 1, 2, 5 × 10ⁿ. */
function niceMax(value: number): number {
  if (value <= 5) return Math.max(value, 1);
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

/** Horizontal bars with their labels and values written out (the numbers are the data). */
export function barChart(rows: readonly BarRow[], widthMm: number, title: string): SVGSVGElement {
  const width = widthMm * PX_PER_MM;
  const rowHeight = 15;
  const labelWidth = Math.min(width * 0.42, 190);
  const valueText = (row: BarRow) => formatCount(row.value) + (row.note ? `  ${row.note}` : '');
  // The longest value text must fit after the longest bar (widths estimated from the length).
  const valueSpace = Math.max(30, ...rows.map((r) => valueText(r).length * 8.5 * 0.58 + 8));
  const height = Math.max(rows.length, 1) * rowHeight + 6;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barSpace = Math.max(20, width - labelWidth - valueSpace);
  const chart = svg('svg', { class: 'flr-chart', viewBox: `0 0 ${r1(width)} ${height}`, width: `${widthMm}mm`, height: `${r1(height / PX_PER_MM)}mm`, role: 'img', 'aria-label': title });
  rows.forEach((row, i) => {
    const y = 3 + i * rowHeight;
    const w = (row.value / max) * barSpace;
    chart.append(
      svg('text', { x: r1(labelWidth - 6), y: y + rowHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': 8.5, fill: '#222', text: row.label }),
      svg('rect', { x: r1(labelWidth), y: y + 2, width: r1(Math.max(w, row.value > 0 ? 1.5 : 0)), height: rowHeight - 4, fill: row.color ?? '#5b6f82' }),
      svg('text', { x: r1(labelWidth + w + 4), y: y + rowHeight / 2, 'dominant-baseline': 'central', 'font-size': 8.5, 'font-weight': 700, fill: '#222', text: valueText(row) }),
    );
  });
  if (!rows.length) chart.append(svg('text', { x: 4, y: 12, 'font-size': 8.5, fill: '#666', text: 'No incidents' }));
  return chart;
}

/** Incidents per week or month, stacked by event type, empty periods kept. */
export function timelineChart(timeline: ReportSummary['timeline'], widthMm: number, heightMm: number): SVGSVGElement {
  const width = widthMm * PX_PER_MM;
  const height = heightMm * PX_PER_MM;
  const pad = { left: 30, right: 8, top: 8, bottom: 30 };
  const chart = svg('svg', { class: 'flr-chart flr-timeline', viewBox: `0 0 ${r1(width)} ${r1(height)}`, width: `${widthMm}mm`, height: `${heightMm}mm`, role: 'img', 'aria-label': `Incidents per ${timeline.unit}` });
  const bins = timeline.bins;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...bins.map((b) => b.total)));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  // Axis: 0, half and max, with light grid lines.
  for (const tick of [0, max / 2, max]) {
    if (tick !== Math.round(tick)) continue;
    chart.append(
      svg('line', { x1: pad.left, x2: r1(width - pad.right), y1: r1(y(tick)), y2: r1(y(tick)), stroke: tick === 0 ? '#444' : '#d0d0d0', 'stroke-width': tick === 0 ? 0.8 : 0.5 }),
      svg('text', { x: pad.left - 4, y: r1(y(tick)), 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': 7.5, fill: '#444', text: formatCount(tick) }),
    );
  }
  if (!bins.length) {
    chart.append(svg('text', { x: pad.left + 6, y: pad.top + plotH / 2, 'font-size': 8.5, fill: '#666', text: 'No incidents in the period' }));
    return chart;
  }
  const step = plotW / bins.length;
  const barW = Math.max(1, Math.min(step * 0.8, 28));
  // Label every k-th bin so the labels never collide.
  const every = Math.max(1, Math.ceil(bins.length / Math.max(1, Math.floor(plotW / 46))));
  bins.forEach((bin, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    let top = y(0);
    for (const type of EVENT_TYPES) {
      const n = bin.byType[type] ?? 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      top -= h;
      chart.append(svg('rect', { x: r1(x), y: r1(top), width: r1(barW), height: r1(h), fill: EVENT_TYPE_STYLE[type].color }));
    }
    if (i % every === 0) {
      const cx = pad.left + i * step + step / 2;
      chart.append(
        svg('line', { x1: r1(cx), x2: r1(cx), y1: r1(y(0)), y2: r1(y(0) + 3), stroke: '#444', 'stroke-width': 0.6 }),
        svg('text', { x: r1(cx), y: r1(y(0) + 12), 'text-anchor': 'middle', 'font-size': 7.5, fill: '#333', text: bin.label }),
      );
    }
  });
  chart.append(svg('text', { x: r1(pad.left + plotW / 2), y: r1(height - 4), 'text-anchor': 'middle', 'font-size': 7.5, fill: '#555', text: timeline.unit === 'week' ? 'Week beginning (Monday)' : 'Month' }));
  return chart;
}

/** The colours of the timeline's stacked bars: the event types that appear in it, in stacking order. */
export function timelineKey(timeline: ReportSummary['timeline']): HTMLElement | null {
  const types = EVENT_TYPES.filter((type) => timeline.bins.some((b) => (b.byType[type] ?? 0) > 0));
  if (!types.length) return null;
  return el(
    'div',
    { class: 'flr-chart-key', 'aria-label': 'Colours of the timeline' },
    ...types.map((type) =>
      el(
        'span',
        { class: 'flr-chart-key-item' },
        svg('svg', { width: 10, height: 10, viewBox: '0 0 10 10', class: 'flr-swatch' }, svg('rect', { x: 0.5, y: 0.5, width: 9, height: 9, fill: EVENT_TYPE_STYLE[type].color })),
        el('span', { text: EVENT_TYPE_STYLE[type].label }),
      ),
    ),
  );
}
