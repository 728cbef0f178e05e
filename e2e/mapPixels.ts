import type { Page } from '@playwright/test';

/** A pixel of the page, in CSS pixels from the top left of the viewport, with its colour. */
export interface ScreenPixel {
  x: number;
  y: number;
  rgb: [number, number, number];
}

/**
 * Opaque pixels of the canvas in one map pane that have (nearly) a given colour, as viewport
 * positions: where a layer drew, before anything above it is composited.
 */
export async function paneCanvasPixels(page: Page, pane: string, rgb: [number, number, number], limit = 400): Promise<ScreenPixel[]> {
  return page.evaluate(
    ({ pane, rgb, limit }) => {
      const out: { x: number; y: number; rgb: [number, number, number] }[] = [];
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`#fl-map .leaflet-${pane}-pane canvas`)) {
        const ctx = canvas.getContext('2d');
        if (!ctx || !canvas.width || !canvas.height) continue;
        const rect = canvas.getBoundingClientRect();
        const sx = rect.width / canvas.width;
        const sy = rect.height / canvas.height;
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const map = document.querySelector('#fl-map')!.getBoundingClientRect();
        // A coarse grid of candidates keeps the samples spread along the lines.
        for (let y = 0; y < canvas.height && out.length < limit; y += 3) {
          for (let x = 0; x < canvas.width && out.length < limit; x += 3) {
            const i = (y * canvas.width + x) * 4;
            if (data[i + 3]! < 240) continue;
            if (Math.abs(data[i]! - rgb[0]) + Math.abs(data[i + 1]! - rgb[1]) + Math.abs(data[i + 2]! - rgb[2]) > 12) continue;
            const px = rect.left + x * sx;
            const py = rect.top + y * sy;
            // Only what lies inside the map's own box (the canvas is larger than the view).
            if (px < map.left + 60 || px > map.right - 100 || py < map.top + 10 || py > map.bottom - 40) continue;
            out.push({ x: px, y: py, rgb: [data[i]!, data[i + 1]!, data[i + 2]!] });
          }
        }
      }
      return out;
    },
    { pane, rgb, limit },
  );
}

/** The colours the page shows at the given viewport positions (from a real screenshot). */
export async function screenColours(page: Page, points: { x: number; y: number }[]): Promise<[number, number, number][]> {
  const png = await page.screenshot();
  return page.evaluate(
    async ({ bytes, points }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / window.innerWidth;
      return points.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
        return [d[0]!, d[1]!, d[2]!] as [number, number, number];
      });
    },
    { bytes: [...png], points },
  );
}

/** Largest difference of one channel between two colours. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}
