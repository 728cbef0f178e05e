import { sinAuthalicLatitude } from './ellipsoid';

const RAD = Math.PI / 180;

/** tan(β/2) of the authalic latitude β of a geodetic latitude (degrees). */
export function tanHalfAuthalic(latDeg: number): number {
  const s = sinAuthalicLatitude(latDeg);
  return s / (1 + Math.sqrt(Math.max(0, 1 - s * s)));
}

/**
 * The edge's term of a ring's area on the authalic sphere of radius 1: the signed area
 * between the great circle from the first point to the second and the equator, negated so
 * that a counter-clockwise ring's terms add up to its area (in steradians; multiply by the
 * authalic radius squared for m² on the WGS 84 ellipsoid). Terms are additive along a
 * boundary, so pieces of edges add up as the whole edges do. Takes each point's longitude in
 * degrees and the tan(β/2) of its authalic latitude (see `tanHalfAuthalic`).
 *
 * The sphere keeps the ellipsoid's areas (equal-area authalic latitudes), and its great circles
 * follow the ellipsoid's geodesics closely for edges of a few kilometres: the spherical
 * excess of each (Bevis & Cambareri 1987), which unlike a straight edge on a map projection
 * bends as the geodesic does.
 *
 * @example
 * authalicEdgeTerm(21, tanHalfAuthalic(43), 20, tanHalfAuthalic(43)); // > 0: westward in the north
 */
export function authalicEdgeTerm(lon1Deg: number, tanHalf1: number, lon2Deg: number, tanHalf2: number): number {
  let dLon = (lon2Deg - lon1Deg) * RAD;
  if (dLon > Math.PI) dLon -= 2 * Math.PI;
  else if (dLon < -Math.PI) dLon += 2 * Math.PI;
  return -2 * Math.atan2(Math.tan(dLon / 2) * (tanHalf1 + tanHalf2), 1 + tanHalf1 * tanHalf2);
}
