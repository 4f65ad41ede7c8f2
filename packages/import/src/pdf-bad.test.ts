import { crc32, deflateSync } from 'node:zlib';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { importDocument } from './import-report.js';
import { MAX_PDF_PAGES } from './pdf.js';

/** A PDF written by pdfkit (what the test draws on each page), as bytes. */
function pdfkit(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A gray PNG of the given size (a stand-in for a scanned page): chunks with their CRCs, rows deflated. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter type none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PDF bad input: a clear note, never a throw', () => {
  it('a scanned PDF (pages that are images, no text layer) says OCR is needed', async () => {
    const scan = png(200, 280);
    const bytes = await pdfkit((doc) => {
      doc.image(scan, 0, 0, { width: 595, height: 842 });
      doc.addPage();
      doc.image(scan, 0, 0, { width: 595, height: 842 });
    });
    const result = await importDocument(bytes);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('pdf-no-text');
    expect(result.notes[0]?.message.zh).toContain('OCR');
    expect(result.notes[0]?.message.en).toContain('OCR is needed');
    expect(result.notes[0]?.message.en).toContain('2 pages');
  });

  it('a PDF that only draws (no text, no images) says it holds no text', async () => {
    const bytes = await pdfkit((doc) => {
      doc.rect(50, 50, 200, 100).stroke();
    });
    const result = await importDocument(bytes);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('pdf-no-text');
    expect(result.notes[0]?.message.en).toContain('holds any text');
  });

  it('an encrypted PDF (a user password) says it needs the password, in Chinese and English', async () => {
    const bytes = await pdfkit((doc) => doc.text('annual report'), {
      userPassword: 'secret',
      ownerPassword: 'owner',
    } as PDFKit.PDFDocumentOptions);
    const result = await importDocument(bytes);
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('pdf-encrypted');
    expect(result.notes[0]?.message.zh).toContain('加密');
    expect(result.notes[0]?.message.en).toContain('password');
  });

  it('a truncated or corrupted PDF gets an unreadable note, or what could be read, and never throws', async () => {
    const good = await renderReportPdf(seedReport);
    const cut = await importDocument(good.slice(0, 600));
    expect(cut.ok).toBe(false);
    expect(cut.notes[0]?.message.en).toMatch(/damaged|no text|tables/);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(good.length - 1), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 10, max: good.length }),
        async (flips, length) => {
          const bytes = good.slice(0, length);
          for (const { at, xor } of flips) if (at < bytes.length) bytes[at] = (bytes[at] ?? 0) ^ xor;
          const result = await importDocument(bytes);
          if (!result.ok) {
            expect(result.notes.length).toBeGreaterThan(0);
            expect(result.notes[0]?.message.zh).not.toBe('');
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it(`a ${MAX_PDF_PAGES + 1}-page PDF is read up to ${MAX_PDF_PAGES} pages, with a note saying so`, async () => {
    const bytes = await pdfkit((doc) => {
      for (let page = 1; page <= MAX_PDF_PAGES + 1; page++) {
        if (page > 1) doc.addPage();
        doc.text(`Page ${page}: minutes of a meeting, not an annual report.`);
      }
    });
    const result = await importDocument(bytes);
    expect(result.ok).toBe(false);
    const codes = result.notes.map((note) => note.code);
    expect(codes).toContain('no-tables');
    const capped = result.notes.find((note) => note.code === 'input-too-large');
    expect(capped?.message.en).toContain(`${MAX_PDF_PAGES + 1} pages; only the first ${MAX_PDF_PAGES}`);
  }, 120_000);

  it('a PDF with text on some pages and scans on others names the pages without text', async () => {
    const bytes = await pdfkit((doc) => {
      doc.text('Page one has text.');
      doc.addPage();
      doc.image(png(100, 140), 0, 0, { width: 595, height: 842 });
      doc.addPage();
      doc.text('Page three has text.');
    });
    const result = await importDocument(bytes);
    const scanned = result.notes.find((note) => note.code === 'pdf-no-text');
    expect(scanned?.message.en).toContain('page(s) 2 of the PDF have no text layer');
    expect(scanned?.message.zh).toContain('第 2 页');
  });
});
