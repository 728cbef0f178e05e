// `npm run bench`: speed figures with a baseline measured in the same run, so the ratios mean
// something on a noisy machine. Targets come from the issues; a miss is printed, not thrown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreBench } from './storeBench';
import { runStartupBench } from './startupBench';
import { runReportBench } from './reportBench';
import { runMergeBench } from './mergeBench';
import { runZoneBench } from './zoneBench';

const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
const fmt = (n: number, d = 1) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES TARGET');

try {
  const rows = Number(process.env.FAULTLINE_BENCH_ROWS ?? 100_000);
  console.log(`Faultline benchmarks (${rows.toLocaleString('en')} generated incidents)\n`);

  const s = runStoreBench(dir, rows);
  const rawRate = s.rows / (s.rawMs / 1000);
  const storeRate = s.rows / (s.storeMs / 1000);
  const ratio = storeRate / rawRate;
  console.log('Insert');
  console.log(`  raw better-sqlite3 into a plain table: ${fmt(s.rawMs, 0)} ms  (${fmt(rawRate, 0)} rows/s)  [baseline]`);
  console.log(`  case store (GeoPackage, R*Tree, audit): ${fmt(s.storeMs, 0)} ms  (${fmt(storeRate, 0)} rows/s)`);
  console.log(`  ratio store/raw                      : ${fmt(ratio, 2)}  (target ≥ 0.50: ${verdict(ratio >= 0.5)})`);
  console.log(`  raw inserts into the case's own table: ${fmt(s.rawSchemaMs, 0)} ms  [second baseline: the schema's floor — constraints, indexes, R*Tree, nothing else]`);
  console.log(`  best ratio a writer keeping the schema can reach (raw/floor): ${fmt(s.rawMs / s.rawSchemaMs, 2)}`);
  console.log(`  ratio floor/store (1.00 = the store adds nothing to the schema's cost): ${fmt(s.rawSchemaMs / s.storeMs, 2)}\n`);

  console.log('Bounding box + time query (town-sized box, one year)');
  console.log(`  p50 ${fmt(s.queryP50, 2)} ms   p95 ${fmt(s.queryP95, 2)} ms  (target p95 ≤ 5 ms: ${verdict(s.queryP95 <= 5)})`);
  console.log(`  full scan of the raw table, p50      : ${fmt(s.scanP50, 2)} ms  [baseline]  → index speed-up ×${fmt(s.scanP50 / s.queryP50, 0)}\n`);

  const z = runZoneBench(s.casePath);
  console.log(`Incidents inside a zone (${z.zones} zones of 500 vertices, 5–40 km, over the same ${rows.toLocaleString('en')} incidents; ${fmt(z.insideMeanCount, 0)} inside on average)`);
  console.log(`  R*Tree boxes, exact where they straddle, p50 ${fmt(z.insideP50, 2)} ms   p95 ${fmt(z.insideP95, 2)} ms  (target p95 ≤ 20 ms: ${verdict(z.insideP95 <= 20)})`);
  console.log(`  every incident read and tested, p50 : ${fmt(z.bruteP50, 1)} ms  [baseline]  → index speed-up ×${fmt(z.bruteP50 / z.insideP50, 0)}`);
  console.log(`  every incident in memory, tested p50: ${fmt(z.bruteMemoryP50, 2)} ms  [second baseline: the test alone]\n`);
  console.log('Entity and municipality overlap of a 500-vertex zone (Bosnia and northern Kosovo)');
  console.log(`  clipped boxes + boundary integral, p50 ${fmt(z.coverageP50, 2)} ms   p95 ${fmt(z.coverageP95, 2)} ms  (target ≤ 50 ms: ${verdict(z.coverageP95 <= 50)})`);
  console.log(`  polygon clipper on whole areas, p50 : ${fmt(z.clipperP50, 1)} ms  [baseline]  → speed-up ×${fmt(z.clipperP50 / z.coverageP50, 1)}\n`);
  const m = runMergeBench(dir, rows);
  const mergeRatio = m.rawMs / m.applyMs;
  console.log(`Merge a colleague's case of ${rows.toLocaleString('en')} incidents into a case of ${rows.toLocaleString('en')} (10 % shared: half identical, half edited by them)`);
  console.log(`  result                               : ${m.counts.added} added, ${m.counts.updated} updated, ${m.counts.unchanged} unchanged, ${m.counts.conflicts} conflicts`);
  console.log(`  raw better-sqlite3 inserts, plain table: ${fmt(m.rawMs, 0)} ms  [baseline]`);
  console.log(`  raw inserts into the case's own table: ${fmt(m.rawSchemaMs, 0)} ms  [second baseline: the schema's floor — constraints, indexes, R*Tree, nothing else]`);
  console.log(`  merge (one transaction)              : ${fmt(m.applyMs, 0)} ms  (target ≤ 5,000 ms: ${verdict(m.applyMs <= 5000)})`);
  console.log(`  ratio raw/merge                      : ${fmt(mergeRatio, 2)}  (target ≥ 0.30: ${verdict(mergeRatio >= 0.3)})`);
  console.log(`  best ratio a merge keeping the schema can reach (raw/floor): ${fmt(m.rawMs / m.rawSchemaMs, 2)}`);
  console.log(`  ratio floor/merge                    : ${fmt(m.rawSchemaMs / m.applyMs, 2)}`);
  console.log(`  preview before it (reads everything) : ${fmt(m.previewMs, 0)} ms`);
  console.log(`  peak memory of the merge process     : ${fmt(m.maxRssMb, 0)} MB (Node alone at start: ${fmt(m.startRssMb, 0)} MB)  (target < 500 MB: ${verdict(m.maxRssMb < 500)})\n`);

  const startupCount = Number(process.env.FAULTLINE_BENCH_STARTUP_ROWS ?? 10_000);
  const start = await runStartupBench(dir, startupCount);
  console.log(`App start to map drawn (web host + headless Chromium, median of 3)`);
  if (!start) console.log('  skipped: no Chromium found (set FAULTLINE_CHROMIUM)');
  else {
    console.log(`  empty case                           : ${fmt(start.emptyMs, 0)} ms  [baseline]`);
    console.log(`  ${startupCount.toLocaleString('en')} incidents                      : ${fmt(start.fullMs, 0)} ms  (target ≤ 2,000 ms: ${verdict(start.fullMs <= 2000)})`);
    console.log(`  ratio to empty case                  : ${fmt(start.fullMs / start.emptyMs, 2)}`);
  }

  const reportCount = Number(process.env.FAULTLINE_BENCH_REPORT_ROWS ?? 1_000);
  const reports = await runReportBench(dir, reportCount);
  console.log(`\nPDF report (read + hash the case, draw in headless Chromium, print, write; median of 3)`);
  if (!reports) console.log('  skipped: no Chromium found (set FAULTLINE_CHROMIUM)');
  else {
    const line = (label: string, t: { totalMs: number; dataMs: number; pages: number }) =>
      `  ${label.padEnd(37)}: ${fmt(t.totalMs, 0)} ms  (${t.pages} pages; case read and summarised in ${fmt(t.dataMs, 0)} ms)`;
    console.log(`${line('empty case', reports.empty)}  [baseline]`);
    console.log(line('demo case', reports.demo));
    console.log(`${line(`${reports.largeCount.toLocaleString('en')} incidents`, reports.large)}`);
    console.log(`  ${reports.largeCount.toLocaleString('en')} incidents: target ≤ 5,000 ms: ${verdict(reports.large.totalMs <= 5000)}; ratio to empty case ${fmt(reports.large.totalMs / reports.empty.totalMs, 2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
