import { boundedEditDistance } from './editDistance';
import { foldForSearch, foldVariants } from './foldText';
import type { Place, PlaceMatch, PlaceMatchKind } from './placeTypes';

/**
 * How a folded name matched the folded query, best first. The gaps between tiers are wider
 * than any rank bonus, so a better kind of match always wins over a bigger place.
 */
const TIER = {
  exact: 1000,
  prefix: 800,
  wordPrefix: 700,
  substring: 500,
  fuzzy: 300,
} as const;
const FUZZY_STEP = 50;

/**
 * Whether a match names the place the user typed: the whole name, or the beginning of the name
 * or of one of its words ("banja l" for Banja Luka, "mitrovica" for Kosovska Mitrovica). A match
 * inside a word or only within a typo is a suggestion, never where a search should take the
 * user unasked ("Jarinje" must not silently become Arilje).
 *
 * @example
 * isNameMatch(index.search('Brnjak')[0]); // false when the gazetteer has only Krnjak
 */
export function isNameMatch(match: PlaceMatch | undefined): boolean {
  return match !== undefined && (match.kind === 'exact' || match.kind === 'prefix' || match.kind === 'wordPrefix');
}

function kindOf(tier: number): PlaceMatchKind {
  if (tier >= TIER.exact) return 'exact';
  if (tier >= TIER.prefix) return 'prefix';
  if (tier >= TIER.wordPrefix) return 'wordPrefix';
  if (tier >= TIER.substring) return 'substring';
  return 'fuzzy';
}
/** Added per rank step above "other place" (rank 3): the tiebreak within a tier. */
const RANK_BONUS = 10;

interface IndexedName {
  /** The name as written in the data, returned as `matchedName`. */
  display: string;
  key: string;
  words: string[];
}

interface IndexedPlace {
  place: Place;
  names: IndexedName[];
}

export interface PlaceIndex {
  readonly size: number;
  /** Ranked matches for what the user typed so far; [] for a blank query. */
  search(query: string, limit?: number): PlaceMatch[];
}

/**
 * Folds every name and alternative name once, so a search is a plain scan that is cheap
 * enough to run on each keystroke (a few thousand places: well under a millisecond or so).
 *
 * @example
 * const index = createPlaceIndex(places);
 * index.search('zvecan')[0]?.place.name; // 'Zvečan'
 */
export function createPlaceIndex(places: readonly Place[]): PlaceIndex {
  const indexed: IndexedPlace[] = places.map((place) => ({ place, names: indexNames(place) }));
  return {
    size: indexed.length,
    search: (query, limit = 10) => search(indexed, query, limit),
  };
}

const indexCache = new WeakMap<readonly Place[], PlaceIndex>();

/**
 * Ranked place search: exact match of the name or any alternative name first, then prefix,
 * then word prefix, then substring, then fuzzy (edit distance ≤ 1 for 4–6 letters, ≤ 2 for
 * longer queries); major places first within each kind of match. The index of an array is
 * built on first use and reused.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 10): PlaceMatch[] {
  let index = indexCache.get(places);
  if (!index) {
    index = createPlaceIndex(places);
    indexCache.set(places, index);
  }
  return index.search(query, limit);
}

function indexNames(place: Place): IndexedName[] {
  const seen = new Set<string>();
  const names: IndexedName[] = [];
  for (const display of [place.name, ...place.alt]) {
    for (const key of foldVariants(display)) {
      if (!key || seen.has(key)) continue;
      seen.add(key);
      names.push({ display, key, words: key.split(' ') });
    }
  }
  return names;
}

function search(indexed: readonly IndexedPlace[], query: string, limit: number): PlaceMatch[] {
  const q = foldForSearch(query);
  if (!q || limit <= 0) return [];

  const matches: PlaceMatch[] = [];
  const unmatched: IndexedPlace[] = [];
  for (const entry of indexed) {
    const best = bestMatch(entry.names, (name) => textTier(name.key, q));
    if (best) matches.push(toMatch(entry.place, best));
    else unmatched.push(entry);
  }

  // A fuzzy match always scores below a textual one, so when there are enough textual matches
  // the (costlier) fuzzy pass cannot change the result.
  const maxEdits = q.length >= 7 ? 2 : q.length >= 4 ? 1 : 0;
  if (matches.length < limit && maxEdits > 0) {
    for (const entry of unmatched) {
      const best = bestMatch(entry.names, (name) => fuzzyTier(name, q, maxEdits));
      if (best) matches.push(toMatch(entry.place, best));
    }
  }

  matches.sort(compareMatches);
  return matches.slice(0, limit);
}

interface BestName {
  tier: number;
  display: string;
}

function bestMatch(names: readonly IndexedName[], tierOf: (name: IndexedName) => number): BestName | null {
  let best: BestName | null = null;
  for (const name of names) {
    const tier = tierOf(name);
    if (tier >= 0 && (!best || tier > best.tier)) best = { tier, display: name.display };
  }
  return best;
}

function toMatch(place: Place, best: BestName): PlaceMatch {
  return { place, matchedName: best.display, score: best.tier + (3 - place.rank) * RANK_BONUS, kind: kindOf(best.tier) };
}

function textTier(key: string, q: string): number {
  if (key === q) return TIER.exact;
  if (key.startsWith(q)) return TIER.prefix;
  if (key.includes(` ${q}`)) return TIER.wordPrefix;
  if (q.length >= 2 && key.includes(q)) return TIER.substring;
  return -1;
}

/** Typos and spelling variants (Leposaviq / Leposavic): the whole name or one of its words. */
function fuzzyTier(name: IndexedName, q: string, maxEdits: number): number {
  let distance = boundedEditDistance(q, name.key, maxEdits);
  if (name.words.length > 1) {
    for (const word of name.words) distance = Math.min(distance, boundedEditDistance(q, word, maxEdits));
  }
  return distance <= maxEdits ? TIER.fuzzy - distance * FUZZY_STEP : -1;
}

/** Best score first; then shorter matched names, then a stable order by name and position. */
function compareMatches(a: PlaceMatch, b: PlaceMatch): number {
  return (
    b.score - a.score ||
    a.matchedName.length - b.matchedName.length ||
    compareText(a.place.name, b.place.name) ||
    compareText(a.place.iso2, b.place.iso2) ||
    a.place.lat - b.place.lat ||
    a.place.lon - b.place.lon
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
