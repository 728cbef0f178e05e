import { AFFILIATIONS, type Affiliation, type Zone } from '../../shared/domain/zone';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';
import { ECHELONS, UNIT_TYPES, parseSidc } from '../../shared/taxonomy/symbolCode';
import { el } from '../ui/dom';
import { unitSymbolImage } from './unitSymbol';

/**
 * The legend's zones section: one row per unit symbol in use (the symbol, what it stands for,
 * the forces that carry it), the affiliation colours of zones without a symbol, and the line
 * styles of planned and withdrawn zones when there are any.
 */
export function zoneLegendRows(zones: Zone[]): HTMLElement[] {
  if (zones.length === 0) return [];
  const bySymbol = new Map<string, Set<string>>();
  const plain = new Set<Affiliation>();
  for (const z of zones) {
    if (z.fields.sidc) {
      const forces = bySymbol.get(z.fields.sidc) ?? new Set<string>();
      if (z.fields.force) forces.add(z.fields.force);
      bySymbol.set(z.fields.sidc, forces);
    } else plain.add(z.fields.affiliation);
  }
  const rows: HTMLElement[] = [el('div', { class: 'fl-legend-section', text: 'Zones (APP-6 colours)' })];
  for (const [sidc, forces] of [...bySymbol].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseSidc(sidc);
    const what = parsed ? `${UNIT_TYPES[parsed.unitType]}${parsed.echelon !== '00' ? `, ${ECHELONS[parsed.echelon]!.toLowerCase()}` : ''}` : `Symbol ${sidc}`;
    const who = [...forces].sort().join(', ');
    rows.push(el('div', { class: 'fl-legend-row fl-legend-symbol-row', 'data-legend-sidc': sidc }, unitSymbolImage(sidc, 18, what), who ? `${what} — ${who}` : what));
  }
  for (const a of [...plain].sort()) {
    const { fill, stroke } = AFFILIATION_STYLE[a];
    rows.push(el('div', { class: 'fl-legend-row' }, el('span', { class: 'fl-legend-area', style: `background:${fill};border-color:${stroke}` }), `${AFFILIATIONS[a]} area, no unit symbol`));
  }
  if (zones.some((z) => z.fields.status === 'planned')) rows.push(el('div', { class: 'fl-legend-row' }, el('span', { class: 'fl-legend-line', style: 'border-top:2px dashed #444' }), 'Planned'));
  if (zones.some((z) => z.fields.status === 'withdrawn')) rows.push(el('div', { class: 'fl-legend-row' }, el('span', { class: 'fl-legend-line', style: 'border-top:2px dotted #888' }), 'Withdrawn (historical)'));
  return rows;
}
