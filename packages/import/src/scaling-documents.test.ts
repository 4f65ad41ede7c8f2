import { renderReportDocx } from '@nianbao/docx';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportPdf } from '@nianbao/pdf/node';
import { renderReportHtml } from '@nianbao/react/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlLines } from './html.js';
import { importReport } from './import-report.js';
import { type PdfPage, pdfDocumentLines, readPdfPages } from './pdf.js';
import {
  columnName,
  docxWithBody,
  drawTable,
  pdfOf,
  W_NS,
  wordCell,
  wordParagraph,
  xlsxOf,
  zipOf,
} from './test-support/documents.js';
import { growth, growthAsync, MAX_GROWTH } from './test-support/scaling.js';

/*
 * The binary readers (PDF geometry, DOCX, XLSX) and the HTML reader's attributes take time linear in their input:
 * for an input 8 times the size (the same content shape repeated), the time grows at most MAX_GROWTH times. A
 * failing ratio names the reader. The documents are built before timing (zips and PDFs are made asynchronously).
 */

interface Shape<T> {
  reader: string;
  make: (n: number) => Promise<T>;
  run: (input: T) => unknown;
  n: number;
}

function expectLinear(reader: string, ratio: number): void {
  console.log(`${reader}: ×${ratio.toFixed(1)}`);
  expect(ratio, `${reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThanOrEqual(
    MAX_GROWTH,
  );
}

function linear<T>(shapes: Shape<T>[]): void {
  for (const shape of shapes) {
    const inputs: T[] = [];
    beforeAll(async () => {
      inputs.push(await shape.make(shape.n), await shape.make(8 * shape.n));
    }, 120_000);
    it(shape.reader, () => {
      expectLinear(shape.reader, growth(shape.run, inputs[0] as T, inputs[1] as T));
    }, 120_000);
  }
}

/** The pages pdf.js reads from a PDF (what the geometry reader takes). */
async function pagesOf(bytes: Uint8Array): Promise<PdfPage[]> {
  const read = await readPdfPages(bytes);
  if (!read.ok) throw new Error(read.note.message.en);
  return read.pages;
}

let seedPages: Promise<PdfPage[]> | undefined;

/**
 * The seed report's pages (rendered by @nianbao/pdf) followed by `pages`, numbered on: the report's fixed cost keeps
 * a linear reader's ratio under 8 on a loaded machine, while a quadratic one's part still grows 64 times.
 */
async function afterSeed(pages: readonly PdfPage[]): Promise<PdfPage[]> {
  seedPages ??= renderReportPdf(seedReport).then(pagesOf);
  const seed = await seedPages;
  return [...seed, ...pages.map((page, i) => ({ ...page, page: seed.length + i + 1 }))];
}

/** A PDF of one page tall enough for `rows` table rows. */
function tablePage(rows: number, ruled: boolean): Promise<Uint8Array> {
  return pdfOf((doc) => drawTable(doc, { rows, values: 6, ruled }), { size: [595, 80 + rows * 16] });
}

describe('the PDF reader is linear (time for 8n ≤ 10 × time for n)', () => {
  linear<PdfPage[]>([
    {
      reader: 'PDF geometry: ruled table (rows on one page)',
      make: async (n) => afterSeed(await pagesOf(await tablePage(n, true))),
      run: pdfDocumentLines,
      n: 100,
    },
    {
      reader: 'PDF geometry: table without rules (rows on one page)',
      make: async (n) => afterSeed(await pagesOf(await tablePage(n, false))),
      run: pdfDocumentLines,
      n: 40,
    },
    {
      reader: 'PDF geometry: prose (lines on one page)',
      make: async (n) =>
        afterSeed(
          await pagesOf(
            await pdfOf(
              (doc) => {
                doc.fontSize(10);
                for (let i = 0; i < n; i++)
                  doc.text(
                    `Line ${i + 1}: the office published 12 notices and 3 rules this year.`,
                    40,
                    40 + i * 14,
                  );
              },
              { size: [595, 80 + n * 14] },
            ),
          ),
        ),
      run: pdfDocumentLines,
      n: 100,
    },
    {
      reader: 'PDF geometry: pages (a ruled table and prose on each)',
      make: async (n) =>
        afterSeed(
          await pagesOf(
            await pdfOf((doc) => {
              for (let p = 0; p < n; p++) {
                if (p > 0) doc.addPage();
                doc.fontSize(10).text(`Page ${p + 1}: a paragraph of running text before the table.`, 40, 40);
                drawTable(doc, { rows: 20, values: 6, ruled: true, y: 80 });
              }
            }),
          ),
        ),
      run: pdfDocumentLines,
      n: 4,
    },
  ]);

  const bytes: Uint8Array[] = [];
  const pages = (n: number): Promise<Uint8Array> =>
    pdfOf((doc) => {
      for (let p = 0; p < n; p++) {
        if (p > 0) doc.addPage();
        drawTable(doc, { rows: 20, values: 6, ruled: true });
      }
    });
  beforeAll(async () => {
    bytes.push(await pages(4), await pages(32));
  });
  it('PDF reader: pdf.js pages (read and geometry)', async () => {
    const read = async (pdf: Uint8Array): Promise<unknown> => pdfDocumentLines(await pagesOf(pdf));
    expectLinear(
      'PDF reader: pdf.js pages (read and geometry)',
      await growthAsync(read, bytes[0] as Uint8Array, bytes[1] as Uint8Array),
    );
  }, 120_000);
});

const seedDocx = (): Promise<Uint8Array> => renderReportDocx(seedReport, { onWarning: () => {} });

describe('the DOCX reader is linear (time for 8n ≤ 10 × time for n)', () => {
  const row = (i: number): string =>
    `<w:tr>${wordCell(wordParagraph(`第 ${i} 行`))}${Array.from({ length: 6 }, (_, c) => wordCell(wordParagraph(String((i + c) % 50)))).join('')}</w:tr>`;
  linear<Uint8Array>([
    {
      reader: 'DOCX reader: paragraphs',
      make: async (n) =>
        docxWithBody(
          await seedDocx(),
          wordParagraph('本年度主动公开政府信息 1234 条，收到申请 56 件，办结 56 件。').repeat(n),
        ),
      run: (bytes) => importReport(bytes),
      n: 200,
    },
    {
      reader: 'DOCX reader: table rows',
      make: async (n) =>
        docxWithBody(
          await seedDocx(),
          `<w:tbl>${Array.from({ length: n }, (_, i) => row(i)).join('')}</w:tbl>`,
        ),
      run: (bytes) => importReport(bytes),
      n: 50,
    },
    {
      // fast-xml-parser refuses XML nested deeper than 100 tags (about 30 tables deep, tested below), so
      // what grows is the number of nested tables, each 4 deep.
      reader: 'DOCX reader: nested tables',
      make: async (n) => {
        let table = wordParagraph('最里层');
        for (let i = 0; i < 4; i++)
          table = `<w:tbl><w:tr>${wordCell(table)}${wordCell(wordParagraph(String(i)))}</w:tr></w:tbl>`;
        return docxWithBody(await seedDocx(), table.repeat(n));
      },
      run: (bytes) => importReport(bytes),
      n: 40,
    },
  ]);
});

describe('DOCX nesting past the XML parser’s depth limit', () => {
  it('is refused with an unreadable note naming the limit, not a throw or a stack overflow', async () => {
    let table = wordParagraph('最里层');
    for (let i = 0; i < 1000; i++) table = `<w:tbl><w:tr>${wordCell(table)}</w:tr></w:tbl>`;
    const result = importReport(
      await zipOf({ 'word/document.xml': `<w:document ${W_NS}><w:body>${table}</w:body></w:document>` }),
    );
    expect(result.ok).toBe(false);
    expect(result.notes[0]?.code).toBe('input-unreadable');
    expect(result.notes[0]?.message.en).toContain('Maximum nested tags exceeded');
  });
});

describe('the XLSX reader is linear (time for 8n ≤ 10 × time for n)', () => {
  const valueRow = (r: number): string =>
    `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>第 ${r} 行</t></is></c>${Array.from(
      { length: 6 },
      (_, c) => `<c r="${columnName(c + 1)}${r + 1}"><v>${(r + c) % 50}</v></c>`,
    ).join('')}</row>`;
  linear<Uint8Array>([
    {
      // Each sheet after 200 fixed rows (a fixed cost, as the DOCX shapes have the seed report's).
      reader: 'XLSX reader: rows',
      make: (n) => xlsxOf({ rows: Array.from({ length: 200 + n }, (_, r) => valueRow(r)).join('') }),
      run: (bytes) => importReport(bytes),
      n: 200,
    },
    {
      reader: 'XLSX reader: merged ranges',
      make: (n) =>
        xlsxOf({
          rows: Array.from({ length: 200 + n }, (_, r) => valueRow(r)).join(''),
          merges: Array.from({ length: n }, (_, r) => `B${r + 201}:C${r + 201}`),
        }),
      run: (bytes) => importReport(bytes),
      n: 200,
    },
    {
      // Merges of the largest area a sheet is read in, repeated: the merge budget keeps the grid bounded.
      reader: 'XLSX reader: merged ranges of 5,000 rows × 200 columns',
      make: (n) =>
        xlsxOf({
          rows: valueRow(0),
          merges: Array.from({ length: n }, () => 'A2:GR5000'),
        }),
      run: (bytes) => importReport(bytes),
      n: 4,
    },
    {
      reader: 'XLSX reader: shared strings',
      make: (n) =>
        xlsxOf({
          rows: Array.from(
            { length: 200 + n },
            (_, r) =>
              `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}"><v>${r % 50}</v></c></row>`,
          ).join(''),
          shared: Array.from({ length: 200 + n }, (_, r) => `标签 ${r}`),
        }),
      run: (bytes) => importReport(bytes),
      n: 400,
    },
  ]);
});

describe('the HTML reader is linear in attributes (time for 8n ≤ 10 × time for n)', () => {
  const html = renderReportHtml(seedReport);
  linear<string>([
    {
      // Paragraphs of 16 attributes each in the seed's page (a linear reader's ratio stays under 8 with the page's
      // fixed cost; a quadratic one's variable part grows 64×). Many attributes on one element are linear too, within
      // noise (htmlLines ×9.0 from 1,000 to 8,000 attributes on one <p>, ×10.1 from 2,000 to 16,000), which leaves
      // too little room under 10 for a test.
      reader: 'HTML reader: attributes (paragraphs of 16 attributes)',
      make: async (n) =>
        html.replace(
          '</body>',
          `${`<p ${Array.from({ length: 16 }, (_, i) => `data-a${i}="${i}"`).join(' ')} colspan="2">x</p>`.repeat(n)}</body>`,
        ),
      run: htmlLines,
      n: 200,
    },
    {
      // Cells spanning 200 rows and 50 columns over 200 rows: the spans' budget keeps the grid proportional.
      reader: 'HTML reader: cells spanning 200 rows and 50 columns',
      make: async (n) =>
        `<body><table><tr>${'<td rowspan="200" colspan="50">1</td>'.repeat(n)}</tr>${'<tr></tr>'.repeat(199)}</table></body>`,
      run: htmlLines,
      n: 100,
    },
    {
      reader: 'HTML reader: table cells with span attributes',
      make: async (n) =>
        html.replace(
          '<body>',
          `<body><table>${'<tr><td rowspan="2" colspan="2" class="a" style="b">1</td><td>2</td></tr>'.repeat(n)}</table>`,
        ),
      run: htmlLines,
      n: 200,
    },
  ]);
});
