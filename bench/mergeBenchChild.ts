// One merge in a process of its own, so its peak memory (maxRSS) is the merge's alone.
//   node --import tsx bench/mergeBenchChild.ts <case.gpkg> <other.gpkg>
// Prints one JSON line: timings in ms, counts, maxRSS in MB.
import { performance } from 'node:perf_hooks';
import { applyCaseImport, prepareCaseImport } from '../electron/imports/caseImport';
import { openCase } from '../electron/store/caseStore';

const [target, other] = process.argv.slice(2) as [string, string];
const store = openCase(target);
const t = { path: target, caseId: store.caseId };
const rssAtStart = process.memoryUsage().rss;
const t0 = performance.now();
const prepared = await prepareCaseImport(other, t);
if (prepared.kind !== 'case') throw new Error(prepared.message);
const t1 = performance.now();
const result = await applyCaseImport(prepared.prepared, t, { author: 'bench', snapshotDir: null });
const t2 = performance.now();
prepared.prepared.dispose();
store.close();
process.stdout.write(
  JSON.stringify({
    previewMs: t1 - t0,
    applyMs: t2 - t1,
    counts: result.counts,
    startRssMb: rssAtStart / 1024 / 1024,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
