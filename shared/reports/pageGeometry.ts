import type { PageSize } from './reportOptions';

/** Paper sizes in millimetres, portrait. */
export const PAPER_MM: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/**
 * Page margins in millimetres. The top and bottom ones hold the marking banners, the page
 * number and the footer lines, which the PDF engine draws there on every page. The footer (two
 * lines, the banner, its padding) prints about 21.5 mm tall; the bottom margin leaves room for
 * it, or it would sit over the last table row of a full page.
 */
export const MARGINS_MM = { top: 15, bottom: 23, left: 12, right: 12 } as const;

export const PX_PER_MM = 96 / 25.4;

export function paperMm(size: PageSize, landscape: boolean): { width: number; height: number } {
  const { width, height } = PAPER_MM[size];
  return landscape ? { width: height, height: width } : { width, height };
}

/** The printable area inside the margins, in millimetres. */
export function contentMm(size: PageSize, landscape: boolean): { width: number; height: number } {
  const paper = paperMm(size, landscape);
  return { width: paper.width - MARGINS_MM.left - MARGINS_MM.right, height: paper.height - MARGINS_MM.top - MARGINS_MM.bottom };
}
