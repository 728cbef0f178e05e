import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../text/escapeHtml';
import { meetsMinimumGrading } from '../grading';
import { fitMercator, padBBox, scaleBar } from '../mapProjection';
import { timeline, weekStart } from '../summaries';

describe('report helpers', () => {
  it('escapes every character that could start markup or end an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'Лепосавић' \`x\``)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Лепосавић&#39; &#96;x&#96;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('applies a minimum Admiralty grading: better letters and lower numbers pass', () => {
    const min = { reliability: 'C' as const, credibility: 3 };
    expect(meetsMinimumGrading({ reliability: 'A', credibility: 1 }, min)).toBe(true);
    expect(meetsMinimumGrading({ reliability: 'C', credibility: 3 }, min)).toBe(true);
    expect(meetsMinimumGrading({ reliability: 'D', credibility: 1 }, min)).toBe(false);
    expect(meetsMinimumGrading({ reliability: 'B', credibility: 4 }, min)).toBe(false);
    expect(meetsMinimumGrading({ reliability: 'F', credibility: 6 }, min)).toBe(false);
    expect(meetsMinimumGrading({ reliability: 'F', credibility: 6 }, null)).toBe(true);
  });

  it('bins incidents by week (Monday) or month, keeping empty bins', () => {
    expect(weekStart('2023-05-28')).toBe('2023-05-22'); // a Sunday
    expect(weekStart('2023-05-29')).toBe('2023-05-29'); // a Monday
    const incidents = [
      { occurred_at: '2023-05-26', event_type: 'Protests' as const },
      { occurred_at: '2023-05-29T14:00', event_type: 'Riots' as const },
      { occurred_at: '2023-05-30', event_type: 'Riots' as const },
      { occurred_at: '2023-06-20', event_type: 'Battles' as const },
    ];
    const weeks = timeline(incidents, null, null, 'auto');
    expect(weeks.unit).toBe('week');
    expect(weeks.bins.map((b) => [b.start, b.total])).toEqual([
      ['2023-05-22', 1],
      ['2023-05-29', 2],
      ['2023-06-05', 0],
      ['2023-06-12', 0],
      ['2023-06-19', 1],
    ]);
    expect(weeks.bins[1]!.byType).toEqual({ Riots: 2 });
    const months = timeline(incidents, '2023-01-01', '2024-12-31', 'auto');
    expect(months.unit).toBe('month');
    expect(months.bins).toHaveLength(24);
    expect(months.bins[4]).toMatchObject({ start: '2023-05-01', label: 'May 2023', total: 3 });
    expect(timeline([], null, null, 'auto').bins).toEqual([]);
  });

  it('projects with Web Mercator, centred and to scale', () => {
    const p = fitMercator([20.4, 42.8, 21.0, 43.3], 700, 500, 10);
    const [cx, cy] = p.project(20.7, p.unproject(350, 250)[1]);
    expect(cx).toBeCloseTo(350, 6);
    expect(cy).toBeCloseTo(250, 6);
    const [lon, lat] = p.unproject(...p.project(20.55, 43.1));
    expect(lon).toBeCloseTo(20.55, 9);
    expect(lat).toBeCloseTo(43.1, 9);
    // The box fits inside the frame with its padding, filling one of the two directions.
    const [x0, y0] = p.project(20.4, 43.3);
    const [x1, y1] = p.project(21.0, 42.8);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(9.99);
    expect(Math.max(x1 - 690, y1 - 490)).toBeCloseTo(0, 6);
    // Half a degree of latitude (55.6 km) over the 480 pixels it fills: about 116 m per pixel.
    expect(p.metresPerPixel(43.05)).toBeGreaterThan(110);
    expect(p.metresPerPixel(43.05)).toBeLessThan(122);
  });

  it('picks a round scale bar length and pads tiny boxes', () => {
    expect(scaleBar(100, 150)).toEqual({ metres: 10_000, pixels: 100, label: '10 km' });
    expect(scaleBar(3, 140)).toMatchObject({ metres: 200, label: '200 m' });
    expect(scaleBar(700, 140)).toMatchObject({ metres: 50_000, label: '50 km' });
    const point = padBBox([20.8, 42.9, 20.8, 42.9], 0.1, 0.08);
    expect(point[2] - point[0]).toBeCloseTo(0.08, 9);
  });
});
