import ms from 'milsymbol';

/**
 * A zone's unit symbol as an image. milsymbol draws the SVG from the symbol code alone (the
 * code is checked to be letters, digits and dashes; no text from the case goes into the SVG),
 * and the SVG becomes a `data:` URL for an <img>, which the Content-Security-Policy allows and
 * which cannot run anything.
 */
ms.setStandard('APP6');

const cache = new Map<string, { url: string; width: number; height: number; anchorX: number; anchorY: number } | null>();

export interface SymbolImage {
  url: string;
  width: number;
  height: number;
  /** The symbol's centre (the frame's, not the amplifiers') in image pixels. */
  anchorX: number;
  anchorY: number;
}

export function unitSymbol(sidc: string, size = 26): SymbolImage | null {
  if (!sidc || !/^[A-Za-z0-9*-]{1,30}$/.test(sidc)) return null;
  const key = `${sidc}@${size}`;
  if (cache.has(key)) return cache.get(key)!;
  let result: SymbolImage | null = null;
  try {
    const symbol = new ms.Symbol(sidc, { size, square: false, simpleStatusModifier: true });
    if (symbol.isValid()) {
      const { width, height } = symbol.getSize();
      const anchor = symbol.getAnchor();
      result = { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(symbol.asSVG())}`, width, height, anchorX: anchor.x, anchorY: anchor.y };
    }
  } catch {
    result = null;
  }
  cache.set(key, result);
  return result;
}

/** An <img> of the symbol (alt text says what it is), or null for no / an invalid code. */
export function unitSymbolImage(sidc: string, size = 26, alt = 'Unit symbol'): HTMLImageElement | null {
  const symbol = unitSymbol(sidc, size);
  if (!symbol) return null;
  const img = document.createElement('img');
  img.src = symbol.url;
  img.width = Math.round(symbol.width);
  img.height = Math.round(symbol.height);
  img.alt = alt;
  img.className = 'fl-unit-symbol';
  return img;
}
