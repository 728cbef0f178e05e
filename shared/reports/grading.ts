import type { Reliability } from '../taxonomy/grading';
import type { MinimumGrading } from './reportOptions';

/**
 * Whether an item's Admiralty grading meets a minimum: its source at least as reliable (A is
 * best, F "cannot be judged" is last) and its information at least as credible (1 is best,
 * 6 "cannot be judged" is last). Ungraded items (F, 6) pass only a minimum of F6.
 *
 * @example
 * meetsMinimumGrading({ reliability: 'B', credibility: 2 }, { reliability: 'C', credibility: 3 }); // true
 * meetsMinimumGrading({ reliability: 'B', credibility: 4 }, { reliability: 'C', credibility: 3 }); // false
 */
export function meetsMinimumGrading(item: { reliability: Reliability; credibility: number }, minimum: MinimumGrading | null): boolean {
  if (!minimum) return true;
  return item.reliability <= minimum.reliability && item.credibility <= minimum.credibility;
}

/** `B2`: how analysts write a grading. */
export function gradingCode(item: { reliability: string; credibility: number }): string {
  return `${item.reliability}${item.credibility}`;
}
