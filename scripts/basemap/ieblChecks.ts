import type { MultiLineString, Position } from 'geojson';
import type { AreaGeometry } from '../../shared/geo/basemapTypes';
import { createPolygonIndex } from '../../shared/geo/polygonIndex';

/**
 * Throws unless the Inter-Entity Boundary Line runs between the entities and nowhere else:
 * - no stretch of it runs along the country's outline (the international border is not the
 *   IEBL; `mesh` leaves it out only if the entities tile the country exactly);
 * - each of its lines ends on the outline or on another part of the IEBL (a junction of three
 *   entities), never in the middle of the country (a gap where two entities' boundaries
 *   failed to match vertex for vertex).
 *
 * @example
 * assertIeblBetweenEntities(bosnia.iebl.geometry, bih.geometry); // throws "... ends inside ..."
 */
export function assertIeblBetweenEntities(iebl: MultiLineString, country: AreaGeometry, toleranceMetres = 1): void {
  const outline = createPolygonIndex([{ geometry: country, value: true }]);
  const onOutline = (p: Position) => outline.nearest(p[0]!, p[1]!, toleranceMetres) !== null;
  const lines = iebl.coordinates;

  // How often each position occurs in the whole IEBL: a line's end that occurs again is a junction.
  const occurrences = new Map<string, number>();
  for (const line of lines) {
    for (const p of line) occurrences.set(`${p[0]},${p[1]}`, (occurrences.get(`${p[0]},${p[1]}`) ?? 0) + 1);
  }

  for (const line of lines) {
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1]!;
      const b = line[k]!;
      const middle: Position = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
      if (onOutline(a) && onOutline(b) && onOutline(middle)) {
        throw new Error(`IEBL: runs along the international border at ${String(middle)}`);
      }
    }
    const first = line[0]!;
    const last = line[line.length - 1]!;
    const closed = first[0] === last[0] && first[1] === last[1];
    if (closed) continue;
    for (const end of [first, last]) {
      const junction = occurrences.get(`${end[0]},${end[1]}`)! > 1;
      if (!junction && !onOutline(end)) throw new Error(`IEBL: a line ends inside the country at ${String(end)}`);
    }
  }
}
