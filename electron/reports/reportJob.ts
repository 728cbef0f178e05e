import { basename } from 'node:path';
import type { ReportData } from '../../shared/reports/reportData';
import type { ReportOptions } from '../../shared/reports/reportOptions';
import type { ReportStage } from '../../shared/reports/reportProgress';
import type { LoadedBasemap } from '../basemap/loadBasemap';
import { writeFileAtomically } from '../exports/writeExport';
import type { CaseReader } from '../store/caseStore';
import { buildReportData } from './buildReportData';
import { sha256OfFile } from './caseHash';
import { withPdfInfo } from './pdfInfo';
import type { ReportPrinter } from './reportPrinter';

export interface ReportSource {
  /** The case file (hashed for the footer). */
  path: string;
  /** Runs a read against the case (the open store in the app, a read-only opening in the CLI). */
  read<T>(fn: (reader: CaseReader) => T): T;
  /** Folds pending changes into the file before it is hashed. */
  checkpoint?(): void;
}

export interface ReportContext {
  basemap: () => LoadedBasemap;
  appVersion: string;
  now?: () => Date;
}

/** Hashes the case file, then reads what the report shows from it. */
export async function prepareReport(source: ReportSource, options: ReportOptions, context: ReportContext): Promise<ReportData> {
  source.checkpoint?.();
  const sha256 = await sha256OfFile(source.path);
  return source.read((reader) =>
    buildReportData({ reader, options, basemap: context.basemap, sha256, fileName: basename(source.path), appVersion: context.appVersion, now: context.now?.() }),
  );
}

export interface WrittenReport {
  path: string;
  pages: number;
  bytes: number;
  incidents: number;
  zones: number;
}

/**
 * The number of pages of a PDF that Chromium wrote: its page objects (`/Type /Page`, not the
 * `/Pages` tree nodes). Enough for a progress message; tests check it against pdfinfo.
 */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Prints report data to a PDF file (written whole or not at all), with its author and subject. */
export async function printReport(printer: ReportPrinter, data: ReportData, out: string, onStage: (stage: ReportStage) => void = () => {}): Promise<WrittenReport> {
  const o = data.options;
  const pdf = withPdfInfo(await printer.print(data, onStage), {
    title: o.title,
    author: [o.author, o.organisation].filter(Boolean).join(', '),
    subject: o.subtitle || `Report of the case “${data.caseInfo.name}”`,
    // The handling marking, so a document system can read it without opening the file.
    keywords: o.marking,
    creator: `Faultline ${data.appVersion}`,
    created: data.generatedAt,
  });
  onStage('writing');
  const bytes = writeFileAtomically(out, pdf);
  onStage('done');
  return { path: out, pages: countPdfPages(pdf), bytes, incidents: data.incidents.length, zones: data.zones.length };
}
