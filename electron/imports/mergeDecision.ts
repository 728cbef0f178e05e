/**
 * The merge rule for one row that both cases may hold (the same id), decided from content
 * hashes alone (contentHash.ts) and the versions each side is known to descend from
 * (ancestry.ts):
 *
 *   not in my case                         → new: add it (a tombstone arrives as a tombstone)
 *   same content on both sides             → identical: nothing to do
 *   mine is an earlier version of theirs   → theirs is newer: take theirs (they changed it,
 *                                            I did not; a deletion travels this way)
 *   theirs is an earlier version of mine   → mine is newer: keep mine (I changed it, they did
 *                                            not since we last agreed)
 *   neither, or each an earlier version of the other
 *                                          → conflict: both changed it since they diverged
 *                                            (or their histories cross); never resolved
 *                                            silently, the analyst chooses.
 *
 * A row only in my case is never touched: a missing row is not a deletion (deletions travel
 * as tombstones), so no row is ever lost by merging.
 *
 * Why ancestry instead of comparing `updated_at`: clocks on two laptops disagree, and "later"
 * does not mean "knew about the other edit". Why not only a per-peer merge base: analysts copy
 * case files (two files with the same case id) as often as they import them, and the audit log
 * of each file already records every version it went through, whoever made the copy.
 */
export type MergeDecision = 'new' | 'identical' | 'theirs_newer' | 'mine_newer' | 'conflict';

export function decideMerge(
  mine: string | null,
  theirs: string,
  mineAncestors: () => ReadonlySet<string>,
  theirAncestors: () => ReadonlySet<string>,
): MergeDecision {
  if (mine === null) return 'new';
  if (mine === theirs) return 'identical';
  const mineIsOlder = theirAncestors().has(mine);
  const theirsIsOlder = mineAncestors().has(theirs);
  if (mineIsOlder && !theirsIsOlder) return 'theirs_newer';
  if (theirsIsOlder && !mineIsOlder) return 'mine_newer';
  return 'conflict';
}
