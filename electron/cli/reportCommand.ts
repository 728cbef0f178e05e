import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { ReportOptionsSchema } from '../../shared/reports/reportOptions';
import { loadBasemap } from '../basemap/loadBasemap';
import { appVersion, rendererDir, resourcesDir } from '../paths';
import { createChromiumPrinter } from '../reports/chromiumPrinter';
import { prepareReport, printReport, type WrittenReport } from '../reports/reportJob';
import { openCaseReadOnly } from '../store/caseStore';
import { reportOptionsFromFlags, type ReportFlags } from './reportArgs';

/**
 * `faultline report`: the same report as the app's Report dialog, printed by a headless
 * Chromium (the system's, or FAULTLINE_CHROMIUM) from the built report page. The case is only
 * read, never written.
 */
export async function runReportCommand(casePath: string, flags: ReportFlags, target: () => string): Promise<WrittenReport> {
  const { name, zones } = openCaseReadOnly(casePath, (r) => ({ name: r.info().name, zones: r.listZones() }));
  const findZone = (nameOrId: string): string => {
    const wanted = nameOrId.trim().toLowerCase();
    const matches = zones.filter((z) => z.id === wanted || z.fields.name.toLowerCase() === wanted);
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) throw new ApiError('invalid', `--area zone: ${matches.length} zones are called “${nameOrId}”; give the zone's id`);
    throw new ApiError('invalid', `--area zone: the case has no zone “${nameOrId}”`);
  };
  const parsed = ReportOptionsSchema.safeParse(reportOptionsFromFlags(flags, name, findZone));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError('invalid', `${issue.path.length ? `--${String(issue.path[0])}: ` : ''}${issue.message}`);
  }
  const out = target();
  const pages = rendererDir();
  if (!existsSync(join(pages, 'report.html'))) throw new ApiError('io', 'The report page is not built yet; run npm run build in the Faultline folder');
  const resources = resourcesDir();
  const data = await prepareReport({ path: casePath, read: (fn) => openCaseReadOnly(casePath, fn) }, parsed.data, { basemap: () => loadBasemap(resources), appVersion: appVersion() });
  return printReport(createChromiumPrinter({ rendererDir: pages, resourcesDir: resources }), data, out);
}
