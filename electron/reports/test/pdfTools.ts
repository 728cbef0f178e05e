import { execFileSync } from 'node:child_process';

/**
 * Reading PDFs as a person would, with poppler-utils: the text (in the order it is drawn, so a
 * table cell's lines stay together), the page count, and a page rendered to pixels.
 */
export function pdfText(file: string, options: { first?: number; last?: number } = {}): string {
  const range = [...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])];
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text of each page (pdftotext ends every page with a form feed). */
export function pdfPagesText(file: string): string[] {
  const pages = pdfText(file).split('\f');
  return pages.slice(0, pages.length - 1);
}

/** Whitespace folded to single spaces, so wrapped lines compare with the original text. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * All whitespace removed: a table cell wraps a title wherever the browser may break a line
 * (also after "-" or before "<", where the title has no space), so titles compare this way.
 */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export function pdfPageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** One page as 8-bit grey pixels: pdftoppm's PGM output (a short text header, then bytes). */
export function renderPageGray(file: string, page: number, dpi: number): GrayImage {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024 });
  // Header: "P5\n<width> <height>\n<maxval>\n", then width × height bytes.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)) };
}

/** The share of pixels in a region (fractions of the page) darker than the paper. */
export function inkShare(image: GrayImage, region: { x0: number; y0: number; x1: number; y1: number }, paper = 250): number {
  let ink = 0;
  let total = 0;
  for (let y = Math.floor(region.y0 * image.height); y < Math.floor(region.y1 * image.height); y++) {
    for (let x = Math.floor(region.x0 * image.width); x < Math.floor(region.x1 * image.width); x++) {
      total += 1;
      if (image.pixels[y * image.width + x]! < paper) ink += 1;
    }
  }
  return total ? ink / total : 0;
}

/** How many distinct grey levels a region has: a drawn map has many, a blank box one or two. */
export function greyLevels(image: GrayImage, region: { x0: number; y0: number; x1: number; y1: number }): number {
  const seen = new Set<number>();
  for (let y = Math.floor(region.y0 * image.height); y < Math.floor(region.y1 * image.height); y++) {
    for (let x = Math.floor(region.x0 * image.width); x < Math.floor(region.x1 * image.width); x++) seen.add(image.pixels[y * image.width + x]!);
  }
  return seen.size;
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a PDF with its box in points (pdftotext -bbox), e.g. to read a printed font size. */
export function pdfWordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) boxes.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: m[5]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') });
  }
  return boxes;
}
