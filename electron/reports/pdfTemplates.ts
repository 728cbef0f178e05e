import { MARGINS_MM } from '../../shared/reports/pageGeometry';
import type { ReportData } from '../../shared/reports/reportData';
import { escapeHtml } from '../../shared/text/escapeHtml';

/**
 * The header and footer Chromium's PDF engine prints in the margins of every page (CSS page
 * margin boxes are not supported). They are HTML strings by the engine's design, so every value
 * from the case or the dialog goes through `escapeHtml`; only our own markup is HTML. Both the
 * Electron app (printToPDF) and the headless Chromium of the web host and CLI (page.pdf) take
 * the same templates. They need explicit font sizes (the default is tiny) and exact colour
 * printing for the banner's background.
 */

const BASE = 'font-family:Arial,Helvetica,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact;box-sizing:border-box;width:100%;';

function banner(marking: string): string {
  return (
    `<div style="text-align:center;">` +
    `<span style="display:inline-block;min-width:40%;padding:1.2mm 4mm;border:0.4mm solid #111;background:#f1f1f1;color:#111;font-size:9pt;font-weight:bold;letter-spacing:0.06em;">` +
    `${escapeHtml(marking)}</span></div>`
  );
}

/** `2026-11-25T01:40:12.345Z` → `2026-11-25 01:40 UTC`. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function headerTemplate(data: ReportData): string {
  return `<div style="${BASE}padding:1mm 12mm 0 12mm;">${banner(data.options.marking)}</div>`;
}

export function footerTemplate(data: ReportData): string {
  const generated = `Generated ${utcMinute(data.generatedAt)} with Faultline ${data.appVersion}`;
  const source = `Case “${data.caseInfo.name}” (${data.caseInfo.fileName}) · SHA-256 ${data.caseInfo.sha256}`;
  return (
    `<div style="${BASE}padding:0 12mm 3mm 12mm;font-size:6.5pt;color:#333;">` +
    `<div style="display:flex;justify-content:space-between;align-items:flex-end;gap:4mm;margin-bottom:1.5mm;">` +
    `<div style="overflow:hidden;"><div style="white-space:nowrap;overflow:hidden;text-overflow:ellipsis;">${escapeHtml(data.options.title)} · ${escapeHtml(generated)}</div>` +
    `<div style="white-space:nowrap;overflow:hidden;text-overflow:ellipsis;">${escapeHtml(source)}</div></div>` +
    `<div style="white-space:nowrap;font-size:8pt;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>` +
    `</div>${banner(data.options.marking)}</div>`
  );
}

/**
 * Everything both PDF engines are told besides the page itself: paper, orientation, margins
 * (in millimetres; Electron wants inches) and the header and footer.
 */
export function pdfPageSetup(data: ReportData): {
  pageSize: ReportData['options']['pageSize'];
  landscape: boolean;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  headerTemplate: string;
  footerTemplate: string;
} {
  return {
    pageSize: data.options.pageSize,
    landscape: data.options.landscape,
    marginsMm: { ...MARGINS_MM },
    headerTemplate: headerTemplate(data),
    footerTemplate: footerTemplate(data),
  };
}
