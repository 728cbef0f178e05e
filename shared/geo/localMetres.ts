/**
 * Distances in metres on a local equirectangular projection. Good to well under 1 % over the
 * few kilometres the lookups measure, and far cheaper than great-circle formulas.
 */

const METRES_PER_DEGREE = 111_320;

export function metresPerDegreeLon(lat: number): number {
  return METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
}

export function metresPerDegreeLat(): number {
  return METRES_PER_DEGREE;
}

/**
 * Distance in metres from point (px, py) to segment (ax, ay)–(bx, by), all in degrees;
 * `kx` and `ky` are metres per degree of longitude and latitude at the point.
 */
export function segmentDistanceMetres(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx: number,
  ky: number,
): number {
  const x0 = (ax - px) * kx;
  const y0 = (ay - py) * ky;
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * ky;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared > 0 ? -(x0 * dx + y0 * dy) / lengthSquared : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  return Math.hypot(x0 + t * dx, y0 + t * dy);
}
