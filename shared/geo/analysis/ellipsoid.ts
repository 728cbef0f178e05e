/**
 * The WGS 84 ellipsoid, on which every area and distance of the analysis is measured (the
 * case file stores EPSG:4326 lon/lat, which is on this ellipsoid).
 */
export const WGS84 = {
  /** Semi-major axis, metres. */
  a: 6_378_137,
  /** Flattening. */
  f: 1 / 298.257223563,
} as const;

const { a, f } = WGS84;
const b = a * (1 - f);
const e2 = f * (2 - f);
const e = Math.sqrt(e2);

/** q(φ) of the authalic latitude (Snyder, Map Projections: A Working Manual, eq. 3-12). */
function q(sinPhi: number): number {
  return (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) - (1 / (2 * e)) * Math.log((1 - e * sinPhi) / (1 + e * sinPhi)));
}
const qPole = q(1);

/** Radius of the sphere with the ellipsoid's surface area (the authalic sphere), metres. */
export const AUTHALIC_RADIUS = a * Math.sqrt(qPole / 2);

/**
 * Sine of the authalic latitude of a geodetic latitude (degrees). Mapping latitudes to the
 * authalic sphere keeps areas equal, so spherical area formulas give ellipsoidal areas.
 *
 * @example
 * Math.asin(sinAuthalicLatitude(43)) * 180 / Math.PI; // ≈ 42.872
 */
export function sinAuthalicLatitude(latDeg: number): number {
  const s = Math.sin((latDeg * Math.PI) / 180);
  return Math.max(-1, Math.min(1, q(s) / qPole));
}

export const WGS84_B = b;
