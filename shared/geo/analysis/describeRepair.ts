import type { Position } from 'geojson';
import type { OutlineProblem } from './outlineProblem';

const near = (p: Position) => `near ${p[1]!.toFixed(4)}° N, ${p[0]!.toFixed(4)}° E`;

/**
 * The sentence that tells the analyst what `repairOutline` changed (empty when the outline
 * was valid), so a repaired zone is never a silent surprise. Without `problem`, crossings
 * alone say that the outline crossed itself.
 *
 * @example
 * describeRepair({ crossings: [[20.84, 42.91]], parts: 2 });
 * // 'The outline crossed itself once, near 42.9100° N, 20.8400° E; it was split there into 2 areas. …'
 */
export function describeRepair(result: { crossings: Position[]; parts: number; problem?: OutlineProblem | null }): string {
  const first = result.problem?.at ?? result.crossings[0];
  const kind = result.problem?.kind ?? (result.crossings.length ? 'crossing' : null);
  if (!kind || !first) return '';
  const areas = `${result.parts} area${result.parts === 1 ? '' : 's'}`;
  const undo = ' Undo or redraw if that is not what you meant.';
  switch (kind) {
    case 'crossing': {
      const n = result.crossings.length;
      const at = near(result.crossings[0] ?? first);
      return `The outline crossed itself ${n <= 1 ? `once, ${at}` : `${n} times (first ${at})`}; it was split there into ${areas}.${undo}`;
    }
    case 'parts-overlap':
      return `Parts of the area overlapped ${near(first)}; they were merged into ${areas}, so no ground counts twice.${undo}`;
    case 'hole-meets-outline':
      return `A hole crossed the area’s outline ${near(first)}; only what lies inside the outline was cut out, leaving ${areas}.${undo}`;
    case 'holes-meet':
      return `Holes crossed each other ${near(first)}; they were merged into one hole.${undo}`;
    case 'hole-outside':
      return `A hole lay outside the area’s outline ${near(first)} and was left out.${undo}`;
    case 'hole-in-hole':
      return `A hole lay inside another hole ${near(first)} and was left out.${undo}`;
  }
}
