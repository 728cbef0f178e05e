import ms from 'milsymbol';
import { ECHELONS, UNIT_TYPES, parseSidc } from '../../shared/taxonomy/symbolCode';

/** The same standard as the workbench's symbols (renderer/zones/unitSymbol.ts). */
ms.setStandard('APP6');

/** A zone's symbol: milsymbol draws it as DOM (no markup is parsed); null for a bad code. */
export function zoneSymbol(sidc: string, size = 16): SVGElement | null {
  if (!sidc || !/^[A-Za-z0-9*-]{1,30}$/.test(sidc)) return null;
  try {
    const symbol = new ms.Symbol(sidc, { size, simpleStatusModifier: true });
    if (!symbol.isValid()) return null;
    return symbol.asDOM() as SVGElement;
  } catch {
    return null;
  }
}

/** What a symbol stands for, as the workbench's legend says it: "Infantry, company". */
export function symbolMeaning(sidc: string): string {
  const parsed = parseSidc(sidc);
  if (!parsed) return `Symbol ${sidc}`;
  const unit = UNIT_TYPES[parsed.unitType] ?? `Symbol ${sidc}`;
  return parsed.echelon !== '00' && ECHELONS[parsed.echelon] ? `${unit}, ${ECHELONS[parsed.echelon]!.toLowerCase()}` : unit;
}
