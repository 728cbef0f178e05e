/**
 * The width of a line of map text in the map's pixels (1 px = 1 CSS px, as the map's viewBox
 * is sized), measured with the report's own font so labels can be kept apart by their real
 * boxes: an estimate from the number of characters let long names run into each other.
 */

/** As report.css gives `.flr`, which the map's text inherits. */
const FAMILY = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

let context: CanvasRenderingContext2D | null | undefined;

export function textWidth(text: string, size: number, weight = 400, letterSpacing = 0, italic = false): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const spacing = letterSpacing * text.length;
  // Without a canvas (never in the report page; only where no DOM exists), a generous estimate.
  if (!context) return text.length * size * 0.62 + spacing;
  context.font = `${italic ? 'italic ' : ''}${weight} ${size}px ${FAMILY}`;
  return context.measureText(text).width + spacing;
}
