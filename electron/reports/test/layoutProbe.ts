import type { Page } from 'playwright-core';

/**
 * Measurements of the drawn report page, taken in the Chromium that prints it: what a reader
 * would see as text running into the next cell, names printed over each other, or a page wider
 * than its paper (which the PDF engine answers by shrinking every page).
 */

export interface CellOverflow {
  table: string;
  column: string;
  row: number;
  text: string;
  /** How far the text reaches past its cell, in CSS pixels. */
  by: number;
}

/** Text of a table cell that reaches outside the cell's box (into its neighbour or off the table). */
export async function cellOverflows(page: Page): Promise<CellOverflow[]> {
  return page.evaluate(() => {
    const found: { table: string; column: string; row: number; text: string; by: number }[] = [];
    for (const table of Array.from(document.querySelectorAll('table.flr-table'))) {
      const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
      Array.from(table.querySelectorAll('tr')).forEach((tr, rowIndex) => {
        Array.from(tr.children).forEach((cell, columnIndex) => {
          const box = cell.getBoundingClientRect();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of Array.from(range.getClientRects())) {
              const by = Math.max(r.right - box.right, box.left - r.left, r.bottom - box.bottom, box.top - r.top);
              if (by > 0.5) found.push({ table: table.className, column: headers[columnIndex] ?? String(columnIndex), row: rowIndex, text: node.textContent, by: Math.round(by * 10) / 10 });
            }
          }
        });
      });
    }
    return found;
  });
}

export interface BrokenWord {
  table: string;
  column: string;
  text: string;
  /** The text either side of the line break. */
  at: string;
}

/**
 * Table text broken across lines inside a word ("98|7", "missil|e"): a line may end after a
 * space, a hyphen, a dash or a slash, or where the text itself ends (an element or a <wbr>),
 * nowhere else. Addresses are left out: they are meant to break anywhere.
 */
export async function brokenWords(page: Page): Promise<BrokenWord[]> {
  return page.evaluate(() => {
    const found: { table: string; column: string; text: string; at: string }[] = [];
    for (const table of Array.from(document.querySelectorAll('table.flr-table'))) {
      const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
      for (const tr of Array.from(table.querySelectorAll('tr'))) {
        Array.from(tr.children).forEach((cell, columnIndex) => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            if (node.parentElement?.closest('.flr-url')) continue;
            const whole = document.createRange();
            whole.selectNodeContents(node);
            if (whole.getClientRects().length < 2) continue;
            const range = document.createRange();
            let lastTop = NaN;
            for (let i = 0; i < text.length; i++) {
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getClientRects()[0];
              if (!rect || /\s/.test(text[i]!)) continue;
              if (!Number.isNaN(lastTop) && rect.top > lastTop + 1) {
                const before = text.slice(0, i).trimEnd();
                if (before === text.slice(0, i) && !/[-–—/]$/.test(before)) found.push({ table: table.className, column: headers[columnIndex] ?? String(columnIndex), text, at: `${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}` });
              }
              lastTop = rect.top;
            }
          }
        });
      }
    }
    return found;
  });
}

/** How much wider than the report's own width its content is laid out, in CSS pixels. */
export async function horizontalOverflow(page: Page): Promise<{ element: string; by: number }[]> {
  return page.evaluate(() => {
    const root = document.getElementById('report')!;
    const right = root.getBoundingClientRect().right;
    const out: { element: string; by: number }[] = [];
    for (const element of Array.from(root.querySelectorAll('*'))) {
      // What an SVG draws outside its own box is clipped away; the SVG's box is what counts.
      if (element.parentElement?.closest('svg')) continue;
      const by = element.getBoundingClientRect().right - right;
      if (by > 0.5) out.push({ element: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}: ${(element.textContent ?? '').slice(0, 40)}`, by: Math.round(by) });
    }
    return out;
  });
}

export interface LabelClash {
  a: string;
  b: string;
}

/**
 * Pairs of things printed on the map whose boxes overlap: names (of places, zones), zone
 * symbols, incident numbers, and the map's furniture (period, north arrow, scale bar, inset,
 * attribution).
 */
export async function mapLabelClashes(page: Page): Promise<LabelClash[]> {
  return page.evaluate(() => {
    const items = [
      ...Array.from(document.querySelectorAll('.flr-map-svg .flr-label')).map((e) => ({ name: `label “${e.textContent}”`, box: e.getBoundingClientRect() })),
      ...Array.from(document.querySelectorAll('.flr-map-svg .flr-zone-symbol')).map((e, i) => ({ name: `zone symbol ${i}`, box: e.getBoundingClientRect() })),
      ...Array.from(document.querySelectorAll('.flr-map-svg .flr-period, .flr-map-svg .flr-north, .flr-map-svg .flr-scalebar, .flr-map-svg .flr-inset, .flr-map-svg .flr-attribution')).map((e) => ({
        name: String(e.getAttribute('class')),
        box: e.getBoundingClientRect(),
      })),
    ];
    const clashes: { a: string; b: string }[] = [];
    const slack = 0.5;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!.box;
        const b = items[j]!.box;
        if (a.left + slack < b.right && a.right - slack > b.left && a.top + slack < b.bottom && a.bottom - slack > b.top) clashes.push({ a: items[i]!.name, b: items[j]!.name });
      }
    }
    return clashes;
  });
}

/** Zones whose drawn shape (fill or outline) lies under the locator inset somewhere. */
export async function zonesUnderInset(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = document.querySelector('svg.flr-map-svg') as SVGSVGElement | null;
    const inset = map?.querySelector('.flr-inset') as SVGGElement | null;
    if (!map || !inset) return [];
    const frame = inset.querySelector('rect')!;
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(inset.getAttribute('transform') ?? '');
    const x0 = Number(m?.[1] ?? 0);
    const y0 = Number(m?.[2] ?? 0);
    const w = Number(frame.getAttribute('width'));
    const h = Number(frame.getAttribute('height'));
    const hidden: string[] = [];
    for (const path of Array.from(map.querySelectorAll<SVGPathElement>('.flr-zones path'))) {
      let under = false;
      for (let x = x0; x <= x0 + w && !under; x += 3) {
        for (let y = y0; y <= y0 + h && !under; y += 3) {
          const p = new DOMPoint(x, y);
          if ((path.getAttribute('fill') !== 'none' && path.isPointInFill(p)) || path.isPointInStroke(p)) under = true;
        }
      }
      if (under) hidden.push(path.dataset.zone ?? '?');
    }
    return hidden;
  });
}
