/**
 * The document information of a PDF (what a reader's Properties dialog shows). Chromium's PDF
 * engine sets only the title (from the page's <title>) and names itself as the creator; it has
 * no way to be given an author or subject. So they are added afterwards as an incremental
 * update, the PDF's own mechanism for amending a file: a new information dictionary, a one-entry
 * cross-reference section and a trailer pointing back at the old one are appended; not a byte
 * of what Chromium wrote is changed. A PDF this cannot read (no classic trailer) is returned
 * as it was.
 */

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  /** When the report was made, ISO 8601 UTC. */
  created: string;
}

/** A PDF text string as UTF-16BE hex: any text, no escaping to get wrong. */
function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** `2026-01-02T03:04:05.000Z` → `(D:20260102030405Z)`. */
function pdfDate(iso: string): string {
  return `(D:${iso.slice(0, 19).replace(/[-:T]/g, '')}Z)`;
}

export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  // The tail holds the last trailer and startxref; latin1 keeps one character per byte.
  const tailStart = Math.max(0, pdf.length - 4096);
  const tail = Buffer.from(pdf.subarray(tailStart)).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!start || trailerAt < 0) return pdf;
  const trailer = tail.slice(trailerAt, start.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) return pdf;
  const producer = /\/Producer\s*\(([^()\\]*)\)/.exec(Buffer.from(pdf).toString('latin1'));

  const number = Number(size[1]);
  const entries: [string, string][] = [
    ['Title', pdfText(info.title)],
    ...(info.author ? [['Author', pdfText(info.author)] as [string, string]] : []),
    ...(info.subject ? [['Subject', pdfText(info.subject)] as [string, string]] : []),
    ...(info.keywords ? [['Keywords', pdfText(info.keywords)] as [string, string]] : []),
    ['Creator', pdfText(info.creator)],
    ...(producer ? [['Producer', pdfText(producer[1]!)] as [string, string]] : []),
    ['CreationDate', pdfDate(info.created)],
    ['ModDate', pdfDate(info.created)],
  ];
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const object = `${lead}${number} 0 obj\n<<${entries.map(([k, v]) => `/${k} ${v}`).join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + lead.length;
  const xrefOffset = pdf.length + Buffer.byteLength(object, 'latin1');
  const update =
    object +
    `xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1}\n/Root ${root[1]}\n/Info ${number} 0 R\n/Prev ${start[1]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  out.set(Buffer.from(update, 'latin1'), pdf.length);
  return out;
}
