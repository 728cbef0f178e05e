import type { AdminArea, IncidentFields } from '../shared/domain/incident';
import { ACLED_EVENT_TYPES, EVENT_TYPES } from '../shared/taxonomy/acled';

/** A small deterministic PRNG (mulberry32), so every run measures the same rows. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The region incidents are spread over: Bosnia and Herzegovina to Kosovo. */
export const BENCH_BOX = { w: 15.7, s: 41.9, e: 22.2, n: 45.3 };

export interface GeneratedIncident {
  id: string;
  fields: IncidentFields;
  admin: AdminArea;
}

/**
 * Ids as Faultline makes them (UUID version 7: a millisecond timestamp, then random bits), for
 * rows created one after another, as a colleague's case or a long session produces them.
 */
function uuid7(random: () => number, ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const hex = Array.from({ length: 20 }, () => Math.floor(random() * 16).toString(16));
  hex[0] = '7';
  hex[4] = '89ab'[Math.floor(random() * 4)]!;
  const r = hex.join('');
  return `${time.slice(0, 8)}-${time.slice(8)}-${r.slice(0, 4)}-${r.slice(4, 8)}-${r.slice(8)}`;
}

/** `count` valid incidents, uniformly over the region and over 2019–2024. */
export function generateIncidents(count: number, seed = 42): GeneratedIncident[] {
  const random = prng(seed);
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const out: GeneratedIncident[] = [];
  for (let i = 0; i < count; i++) {
    const eventType = EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]!;
    const subs = ACLED_EVENT_TYPES[eventType];
    const day = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 10);
    const lon = Math.round((BENCH_BOX.w + random() * (BENCH_BOX.e - BENCH_BOX.w)) * 1e6) / 1e6;
    const lat = Math.round((BENCH_BOX.s + random() * (BENCH_BOX.n - BENCH_BOX.s)) * 1e6) / 1e6;
    out.push({
      id: uuid7(random, 1_700_000_000_000 + i * 7),
      fields: {
        title: `Generated incident ${i + 1}`,
        occurred_at: day,
        time_precision: 1,
        event_type: eventType,
        sub_event_type: subs[Math.floor(random() * subs.length)]!,
        actor1: 'Actor A',
        actor2: random() < 0.5 ? 'Actor B' : '',
        fatalities: random() < 0.1 ? Math.floor(random() * 5) : 0,
        injured: random() < 0.2 ? Math.floor(random() * 10) : 0,
        location_name: 'Somewhere',
        geo_precision: 1,
        source: 'Benchmark generator',
        source_url: '',
        reliability: 'C',
        credibility: 3,
        notes: 'Generated for benchmarking.',
        tags: ['bench'],
        lon,
        lat,
      },
      admin: { country: 'Bosnia and Herzegovina', admin1: 'Republika Srpska', admin2: 'Doboj' },
    });
  }
  return out;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
