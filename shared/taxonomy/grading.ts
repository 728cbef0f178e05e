/**
 * NATO Admiralty (STANAG 2511 / AJP-2.1) source grading: reliability of the source (A–F) and
 * credibility of the information (1–6).
 */
export const RELIABILITY = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const;
export type Reliability = keyof typeof RELIABILITY;
export const RELIABILITY_CODES = Object.keys(RELIABILITY) as Reliability[];

export const CREDIBILITY = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
} as const;
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export const CREDIBILITY_CODES: Credibility[] = [1, 2, 3, 4, 5, 6];

/** ACLED time precision: how exactly the date is known. */
export const TIME_PRECISION = {
  1: 'Exact day',
  2: 'Within a week',
  3: 'Within a month',
} as const;

/** ACLED geo precision: how exactly the location is known. */
export const GEO_PRECISION = {
  1: 'At the named place',
  2: 'Near the place / part of a region',
  3: 'Only the larger region',
} as const;
