import type { Position } from 'geojson';

/**
 * The sentence that tells the analyst what `repairOutline` changed (empty when nothing
 * crossed), so a repaired zone is never a silent surprise.
 *
 * @example
 * describeRepair({ crossings: [[20.84, 42.91]], parts: 2 });
 * // 'The outline crossed itself once, near 42.9100° N, 20.8400° E; it was split there into 2 areas. …'
 */
export function describeRepair(result: { crossings: Position[]; parts: number }): string {
  if (result.crossings.length === 0) return '';
  const n = result.crossings.length;
  const first = result.crossings[0]!;
  const where = `near ${first[1]!.toFixed(4)}° N, ${first[0]!.toFixed(4)}° E`;
  return `The outline crossed itself ${n === 1 ? `once, ${where}` : `${n} times (first ${where})`}; it was split there into ${result.parts} area${result.parts === 1 ? '' : 's'}. Undo or redraw if that is not what you meant.`;
}
