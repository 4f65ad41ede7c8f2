import { readFileSync } from 'node:fs';
import { formatCellValue, type Report, readCell, statutoryLayout } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { differenceFromReference, MAX_DIFFERING, pngDifference, referencePath } from '../test/visual.js';
import { renderReportDocx } from './render.js';
import { convertWithLibreOffice, pdfPagePng, pdfPages } from './test-support/libreoffice.js';
import { distinctValuesReport, longReport, narrativeStrings } from './test-support/reports.js';

/*
 * The DOCX as a Word-compatible word processor lays it out: LibreOffice converts it to PDF headless, and the PDF's
 * text must hold every number of 表三 in reading order and every narrative character, and the seed's pages must look
 * like the committed references (test/visual.ts). One LibreOffice run converts all four documents (it takes seconds
 * to start).
 */

const quiet = { onWarning: () => {} };
const distinct = distinctValuesReport().report;
const long = longReport(60);
let pdfs: Uint8Array[] = [];

beforeAll(async () => {
  const docs = await Promise.all([
    renderReportDocx(distinct, quiet),
    renderReportDocx(long, quiet),
    renderReportDocx(seedReport, { ...quiet, draft: true }),
    renderReportDocx(seedReport, quiet),
  ]);
  pdfs = convertWithLibreOffice(docs);
}, 300_000);

/** Whether `needle`'s pieces all occur in `hay`, in order (other characters may come between). */
function inOrder(hay: string, needle: readonly string[]): { ok: boolean; at: number } {
  let from = 0;
  for (let i = 0; i < needle.length; i++) {
    const at = hay.indexOf(needle[i] as string, from);
    if (at < 0) return { ok: false, at: i };
    from = at + (needle[i] as string).length;
  }
  return { ok: true, at: needle.length };
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe('the DOCX laid out by LibreOffice', () => {
  it('prints every number of 表三 in reading order', () => {
    const text = pdfPages(pdfs[0] as Uint8Array).join('\n');
    const start = text.indexOf('三、收到和处理政府信息公开申请情况');
    expect(start).toBeGreaterThan(0);
    const tokens: string[] = text.slice(start).match(/\d+(?:\.\d+)?/g) ?? [];
    const values = statutoryLayout('t3')
      .dataCells.map((cell) => formatCellValue(readCell(distinct, cell.address ?? '')))
      .filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(150);
    // Each value is a whole token, in order (labels such as "1." may come between).
    let from = 0;
    for (const value of values) {
      const at = tokens.indexOf(value, from);
      expect(at, `表三 value ${value} after token ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it('prints every narrative character, in order, with page numbers — N — on each page', () => {
    for (const [report, pdf] of [
      [distinct, pdfs[0]],
      [long, pdfs[1]],
    ] as [Report, Uint8Array][]) {
      const pages = pdfPages(pdf);
      const text = squeeze(pages.join(''));
      const chars = [...squeeze(narrativeStrings(report).join(''))];
      const result = inOrder(text, chars);
      expect(
        result,
        `narrative character ${result.at}: ${chars.slice(result.at, result.at + 20).join('')}`,
      ).toEqual({
        ok: true,
        at: chars.length,
      });
      pages.forEach((page, i) => {
        expect(page, `page ${i + 1}`).toContain(`— ${i + 1} —`);
      });
    }
  });

  it('lays a 200-page narrative out on more than 200 pages', () => {
    expect(pdfPages(pdfs[1] as Uint8Array).length).toBeGreaterThan(200);
  });

  it('prints the draft with its findings section and renders its pages', () => {
    const pages = pdfPages(pdfs[2] as Uint8Array);
    expect(pages.at(-1)).toContain('校核结果');
    const png = pdfPagePng(pdfs[2] as Uint8Array, 1, 30, process.env.NIANBAO_DOCX_PNG);
    // A PNG of an A4 page: signature, then IHDR width × height in the ratio 210 : 297.
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    const ratio = view.getUint32(20) / view.getUint32(16);
    expect(ratio).toBeCloseTo(297 / 210, 1);
  });
});

describe('the seed DOCX laid out by LibreOffice looks like the references (pdftoppm, 50 dpi)', () => {
  const DPI = 50;
  // [reference, document (3 seed, 2 draft seed, 0 seed with a distinct value in every cell), page, text it holds]
  const PAGES: [string, number, number | 'last', string][] = [
    ['seed-p1', 3, 1, '政府信息公开工作年度报告'],
    ['seed-p4', 3, 4, '三、收到和处理政府信息公开申请情况'],
    ['seed-p5', 3, 5, '勾稽关系'], // 表三 continued: its head rows repeated, then to 四、结转下年度继续办理
    ['seed-last', 3, 'last', '六、其他需要报告的事项'],
    ['distinct-p5', 0, 5, '2.重复申请'], // 表三 continued, four-digit figures in its cells
    ['draft-p1', 2, 1, '政府信息公开工作年度报告'],
    ['draft-last', 2, 'last', '校核结果'],
  ];
  const at = (doc: number, page: number | 'last'): number =>
    page === 'last' ? pdfPages(pdfs[doc] as Uint8Array).length : page;

  for (const [name, doc, page, text] of PAGES) {
    it(`${name}: page ${page}`, () => {
      const n = at(doc, page);
      expect(squeeze(pdfPages(pdfs[doc] as Uint8Array)[n - 1] ?? '')).toContain(text);
      const png = pdfPagePng(pdfs[doc] as Uint8Array, n, DPI);
      expect(differenceFromReference(name, png)).toBeLessThanOrEqual(MAX_DIFFERING);
    });
  }

  it('another page does not pass as the reference (the comparison can fail)', () => {
    const png = pdfPagePng(pdfs[3] as Uint8Array, 6, DPI); // 表四, against 表三's page
    const reference = new Uint8Array(readFileSync(referencePath('seed-p5')));
    expect(pngDifference(png, reference)).toBeGreaterThan(MAX_DIFFERING * 10);
  });
});
