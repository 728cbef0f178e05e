import { describe, expect, it } from 'vitest';
import { withPdfInfo } from '../pdfInfo';

/** The smallest PDF with a classic cross-reference table, as Chromium's engine writes them. */
function tinyPdf(): Uint8Array {
  const objects = ['<</Type /Catalog /Pages 2 0 R>>', '<</Type /Pages /Kids [] /Count 0>>', '<</Title (Old) /Producer (Skia/PDF m156)>>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R\n/Info 3 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

describe('PDF document information', () => {
  it('is appended as an incremental update, leaving what the engine wrote as it was', () => {
    const pdf = tinyPdf();
    const out = withPdfInfo(pdf, { title: 'Report', author: 'Ана & <b>', subject: 'S', keywords: 'NATO RESTRICTED', creator: 'Faultline 1.0', created: '2026-01-02T03:04:05.000Z' });
    expect(Buffer.from(out.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const update = Buffer.from(out.subarray(pdf.length)).toString('latin1');
    // Text as UTF-16BE hex: "Ана" is 0410 043D 0430.
    expect(update).toContain('/Author <FEFF0410043D0430002000260020003C0062003E>');
    expect(update).toMatch(/\/Creator <FEFF/);
    expect(update).toContain('/Producer <FEFF0053006B00690061002F0050004400460020006D003100350036>');
    expect(update).toContain('/CreationDate (D:20260102030405Z)');
    // The new trailer: one more object, the old root, the new info, and the old section before it.
    const original = Buffer.from(pdf).toString('latin1');
    const oldXref = /startxref\n(\d+)/.exec(original)![1];
    expect(update).toMatch(new RegExp(`trailer\\n<</Size 5\\n/Root 1 0 R\\n/Info 4 0 R\\n/Prev ${oldXref}>>`));
    // The cross-reference entry points at the new object.
    const entry = /xref\n4 1\n(\d{10}) 00000 n \n/.exec(update)!;
    expect(Buffer.from(out).toString('latin1').slice(Number(entry[1]), Number(entry[1]) + 9)).toBe('4 0 obj\n<');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(update)![1]);
    expect(Buffer.from(out).toString('latin1').slice(startxref, startxref + 4)).toBe('xref');
  });

  it('leaves a file it cannot read as it was', () => {
    const notPdf = new Uint8Array(Buffer.from('not a pdf at all'));
    expect(withPdfInfo(notPdf, { title: 't', creator: 'c', created: '2026-01-02T03:04:05.000Z' })).toBe(notPdf);
  });
});
