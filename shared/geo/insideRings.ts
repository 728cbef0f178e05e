/**
 * Whether a point lies inside a polygon given as rings of [x, y] pairs (outline first, then
 * holes, in any coordinates: degrees or page pixels), by even-odd ray casting, so holes are
 * holes. For many tests against one polygon, prepareAreaTest is faster.
 *
 * @example
 * insideRings([1, 1], [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]); // true
 */
export function insideRings([x, y]: readonly [number, number], rings: readonly (readonly (readonly [number, number])[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
