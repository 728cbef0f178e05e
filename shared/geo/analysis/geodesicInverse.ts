import type { Position } from 'geojson';
import { WGS84, WGS84_B } from './ellipsoid';

export interface GeodesicInverse {
  /** Length of the shortest path on the WGS 84 ellipsoid, metres. */
  distance_m: number;
  /** Initial bearing at the start, degrees clockwise from true north, 0–360. */
  bearing_deg: number;
}

const RAD = Math.PI / 180;

/**
 * Distance and bearing between two [lon, lat] points on the WGS 84 ellipsoid (Vincenty's
 * inverse formula; sub-millimetre for the distances an analyst measures). For the nearly
 * antipodal points where the iteration does not converge (never the case in one region) it
 * falls back to the great circle on the mean sphere.
 *
 * @example
 * geodesicInverse([20.84, 42.91], [20.51, 43.14]).distance_m; // ≈ 37,100 (Zvečan → Raška)
 */
export function geodesicInverse(from: Position, to: Position): GeodesicInverse {
  const { a, f } = WGS84;
  const b = WGS84_B;
  const [lon1, lat1] = from as [number, number];
  const [lon2, lat2] = to as [number, number];
  if (lon1 === lon2 && lat1 === lat2) return { distance_m: 0, bearing_deg: 0 };
  const L = (lon2 - lon1) * RAD;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);
  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 0;
  let sigma = 0;
  let cosSqAlpha = 0;
  let cos2SigmaM = 0;
  let sinLambda = 0;
  let cosLambda = 0;
  let converged = false;
  for (let i = 0; i < 200; i++) {
    sinLambda = Math.sin(lambda);
    cosLambda = Math.cos(lambda);
    const t = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    sinSigma = Math.sqrt((cosU2 * sinLambda) ** 2 + t * t);
    if (sinSigma === 0) return { distance_m: 0, bearing_deg: 0 };
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cosSqAlpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cosSqAlpha : 0;
    const C = (f / 16) * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
    const previous = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-12) {
      converged = true;
      break;
    }
  }
  if (!converged) return greatCircle(from, to);
  const uSq = (cosSqAlpha * (a * a - b * b)) / (b * b);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const deltaSigma =
    B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  const distance = b * A * (sigma - deltaSigma);
  const bearing = Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) / RAD;
  return { distance_m: distance, bearing_deg: (bearing + 360) % 360 };
}

function greatCircle(from: Position, to: Position): GeodesicInverse {
  const R = 6_371_008.8;
  const [lon1, lat1] = [from[0]! * RAD, from[1]! * RAD];
  const [lon2, lat2] = [to[0]! * RAD, to[1]! * RAD];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  const y = Math.sin(lon2 - lon1) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
  return { distance_m: 2 * R * Math.asin(Math.min(1, Math.sqrt(h))), bearing_deg: ((Math.atan2(y, x) / RAD) + 360) % 360 };
}
