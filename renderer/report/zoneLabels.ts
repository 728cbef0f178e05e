import { overlaps, type Box } from './mapLabels';

/**
 * Where a zone's symbol and name go: as one block (symbol above name) at the zone's label
 * point, else moved up, down or sideways to the nearest free place, else the name alone, else
 * nothing: a name is left out rather than printed over another name, a marker or the map's
 * furniture. Pure arithmetic on boxes, so the drawing code only draws what this returns.
 */

export interface ZoneLabelSize {
  symbolW: number;
  symbolH: number;
  nameW: number;
  nameH: number;
}

export interface ZoneLabelPlace {
  /** Centre of the name's line. */
  nameX: number;
  nameY: number;
  nameBox: Box;
  /** Null when the symbol is left out (or the zone has none). */
  symbolBox: Box | null;
  /** Whether the block was moved off the label point (then a leader line marks the point). */
  moved: boolean;
}

export function placeZoneLabel(x: number, y: number, size: ZoneLabelSize, placed: readonly Box[], frame: { width: number; height: number }): ZoneLabelPlace | null {
  const hasSymbol = size.symbolW > 0 && size.symbolH > 0;
  const gap = 2;
  const block = (cx: number, cy: number, withSymbol: boolean): ZoneLabelPlace => {
    const symbolBox = withSymbol ? { x0: cx - size.symbolW / 2, y0: cy - size.symbolH / 2, x1: cx + size.symbolW / 2, y1: cy + size.symbolH / 2 } : null;
    const nameY = symbolBox ? symbolBox.y1 + gap + size.nameH / 2 : cy;
    const nameBox = { x0: cx - size.nameW / 2, y0: nameY - size.nameH / 2, x1: cx + size.nameW / 2, y1: nameY + size.nameH / 2 };
    return { nameX: cx, nameY, nameBox, symbolBox, moved: cx !== x || cy !== y };
  };
  const fits = (b: Box) => b.x0 >= 2 && b.y0 >= 2 && b.x1 <= frame.width - 2 && b.y1 <= frame.height - 2 && !placed.some((p) => overlaps(b, p));
  const blockH = (hasSymbol ? size.symbolH + gap : 0) + size.nameH;
  const stepY = blockH + 4;
  const stepX = size.nameW / 2 + 12;
  // Nearest first: in place, up and down, then sideways, then further out.
  const offsets: [number, number][] = [
    [0, 0],
    [0, -stepY],
    [0, stepY],
    [-stepX, 0],
    [stepX, 0],
    [0, -2 * stepY],
    [0, 2 * stepY],
    [-stepX, -stepY],
    [stepX, -stepY],
    [-stepX, stepY],
    [stepX, stepY],
  ];
  for (const withSymbol of hasSymbol ? [true, false] : [false]) {
    for (const [dx, dy] of offsets) {
      const place = block(x + dx, y + dy, withSymbol);
      if (fits(place.nameBox) && (!place.symbolBox || fits(place.symbolBox))) return place;
    }
  }
  return null;
}
