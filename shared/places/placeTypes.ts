/** 1 = capital or major city, 2 = notable town, 3 = any other place. */
export type PlaceRank = 1 | 2 | 3;

/** A GeoNames place of `resources/basemap/places.json`. */
export interface Place {
  /** GeoNames name, e.g. "Leposaviq", "Belgrade". */
  name: string;
  /** Other names the place is known by: Serbian Latin / Albanian pairs, exonyms, Cyrillic. */
  alt: string[];
  lon: number;
  lat: number;
  /** ISO 3166-1 alpha-2 (XK for Kosovo). */
  iso2: string;
  /** English country name. */
  country: string;
  /** GeoNames admin-1 name, e.g. "Mitrovica", "Srpska"; "" when GeoNames has none. */
  admin1: string;
  rank: PlaceRank;
  /**
   * What the place is when it is not a town or village, shown instead of its admin area, e.g.
   * "Kosovo–Serbia boundary, Leposavić / Raška" for a crossing. Absent for GeoNames places.
   */
  description?: string;
}

/**
 * How a name matched what was typed, once both are folded: the whole name, its beginning, the
 * beginning of one of its words, somewhere inside it, or only within a typo or two.
 */
export type PlaceMatchKind = 'exact' | 'prefix' | 'wordPrefix' | 'substring' | 'fuzzy';

export interface PlaceMatch {
  place: Place;
  /** The name or alternative name that matched, as written in the data. */
  matchedName: string;
  /** Higher is better; only meaningful for ordering the results of one query. */
  score: number;
  kind: PlaceMatchKind;
}
