/**
 * Runs one import in a process of its own, for the crash test (crashDurability.test.ts):
 *   node --import tsx mergeChild.ts <case.gpkg> <other.gpkg>
 * Prints `begin` when the merge starts, `progress <n>` as it goes and `done` after commit.
 */
import { openCase } from '../../store/caseStore';
import { applyCaseImport, prepareCaseImport } from '../caseImport';

const [target, other] = process.argv.slice(2) as [string, string];
const store = openCase(target);
const t = { path: target, caseId: store.caseId };
const prepared = await prepareCaseImport(other, t);
if (prepared.kind !== 'case') throw new Error(prepared.message);
process.stdout.write('begin\n');
await applyCaseImport(prepared.prepared, t, { author: 'Crash test', snapshotDir: null }, { onProgress: (p) => process.stdout.write(`progress ${p.done}\n`) });
process.stdout.write('done\n');
prepared.prepared.dispose();
store.close();
