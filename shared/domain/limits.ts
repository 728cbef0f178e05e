/**
 * Sane limits for text typed or imported into a case. They keep the UI, the report and the
 * file usable; a value over a limit is refused with a message, never truncated silently.
 */
export const LIMITS = {
  title: 200,
  shortText: 300, // actors, place names, source
  url: 2000,
  notes: 20_000,
  tags: 30,
  tag: 50,
  casualties: 1_000_000,
  caseName: 120,
  path: 4096,
} as const;
