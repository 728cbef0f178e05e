/**
 * A count with its noun, singular for one and with a thousands separator from 1,000 on:
 * `countNoun(1, 'incident')` → "1 incident", `countNoun(1000, 'item')` → "1,000 items".
 */
export function countNoun(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
