import { geodesicInverse } from '../geo/analysis/geodesicInverse';
import type { Place } from './placeTypes';

/** How far a place may be and still name an incident's location (ACLED: the nearest named place). */
export const NEAREST_PLACE_KM = 5;

/** Degrees of latitude in one kilometre (about): a quick box before the exact distance. */
const DEG_PER_KM = 1 / 111;

/**
 * The gazetteer place nearest a point, within `maxKm` (geodesic), or null: what an analyst
 * would write as an incident's location name. Crossings and other named sites count as places.
 *
 * @example
 * nearestPlace(places, 20.84, 42.908); // { place: Zvečan, km: 0.1 }
 */
export function nearestPlace(places: readonly Place[], lon: number, lat: number, maxKm = NEAREST_PLACE_KM): { place: Place; km: number } | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const dLat = maxKm * DEG_PER_KM;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  let best: { place: Place; km: number } | null = null;
  for (const place of places) {
    if (Math.abs(place.lat - lat) > dLat || Math.abs(place.lon - lon) > dLon) continue;
    const km = geodesicInverse([lon, lat], [place.lon, place.lat]).distance_m / 1000;
    if (km <= maxKm && (!best || km < best.km || (km === best.km && place.rank < best.place.rank))) best = { place, km };
  }
  return best;
}
