import {
  type Block,
  checkReport,
  formatCellValue,
  NARRATIVE_HEADINGS as PART_HEADINGS,
  type Report,
  readCell,
  reportTitle,
  STATUTORY_TABLES,
  statutoryLayout,
} from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_TITLE } from './document.js';
import { renderReportPdf } from './index.js';
import { pdfjsPages } from './test-support/pdfjs.js';
import { pdfPages, pdfWords } from './test-support/poppler.js';
import { distinctValuesReport, longReport } from './test-support/reports.js';
import { GB9704_MARGINS, MM } from './typography.js';

/*
 * Proof that nothing is lost: the text extracted from the PDF must contain every character of the narrative in
 * order, and every table value in its cell's reading order. Two extractors: poppler's pdftotext and pdf.js (what
 * web viewers use for search and copy). Whitespace is ignored (the PDF has no line-break characters, the extractors
 * add them) and so are page numbers (— 3 —), which interrupt a paragraph at a page break.
 */

type Extract = (bytes: Uint8Array) => Promise<string[]>;
const EXTRACTORS: readonly (readonly [string, Extract])[] = [
  ['pdftotext', async (bytes) => pdfPages(bytes)],
  ['pdf.js', pdfjsPages],
];

const squash = (text: string): string => text.replace(/\s+/gu, '');

function documentText(pages: readonly string[]): string {
  return pages.map((page) => squash(page).replace(/—\d+—/g, '')).join('');
}

function blocksText(blocks: readonly Block[] | undefined): string[] {
  return (blocks ?? []).map((block) =>
    block.type === 'paragraph' ? `${block.lead ?? ''}${block.text}` : block.text,
  );
}

/** The narrative in document order: title, preamble, 一 with its blocks, then 五 and 六. */
function narrative(report: Report): { before: string[]; after: string[] } {
  const sections = report.sections ?? {};
  return {
    before: [
      reportTitle(report.meta),
      ...(report.preamble ?? []),
      PART_HEADINGS.overview,
      ...blocksText(sections.overview),
    ],
    after: [
      PART_HEADINGS.problems,
      ...blocksText(sections.problems),
      PART_HEADINGS.other,
      ...blocksText(sections.other),
    ],
  };
}

/** Asserts each piece appears whole and after the previous one; returns where the last one ended. */
function expectInOrder(text: string, pieces: readonly string[], from = 0): number {
  let cursor = from;
  for (const piece of pieces) {
    const at = text.indexOf(squash(piece), cursor);
    expect(at, `missing or out of order: ${piece.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
    cursor = at + squash(piece).length;
  }
  return cursor;
}

/** Number tokens of the extracted text between two offsets of the raw page text. */
function numbersBetween(pages: readonly string[], start: string, end: string): string[] {
  const all = pages.map((p) => p.replace(/— \d+ —/g, ' ')).join('\n');
  const from = all.indexOf(start);
  const to = all.indexOf(end, from);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return all
    .slice(from, to)
    .split(/\s+/)
    .filter((token) => /^\d+(\.\d+)?$/.test(token));
}

function expectedNumbers(report: Report): string[] {
  return STATUTORY_TABLES.flatMap((spec) =>
    statutoryLayout(spec.id)
      .dataCells.map((cell) => formatCellValue(readCell(report, cell.address ?? '')))
      .filter((text) => text !== ''),
  );
}

describe.each(EXTRACTORS)('text round-trip (%s)', (_name, extract) => {
  it('the seed: every narrative character, in order, and every table value', async () => {
    const pages = await extract(await renderReportPdf(seedReport));
    const text = documentText(pages);
    const { before, after } = narrative(seedReport);
    const cursor = expectInOrder(text, before);
    expectInOrder(text, after, cursor);
    expect(numbersBetween(pages, '二、主动公开', '五、存在的主要问题')).toEqual(expectedNumbers(seedReport));
  }, 60_000);

  it('the busy fixture: every narrative character and every table value, in order', async () => {
    const pages = await extract(await renderReportPdf(busyReport));
    const text = documentText(pages);
    const { before, after } = narrative(busyReport);
    expectInOrder(text, after, expectInOrder(text, before));
    expect(numbersBetween(pages, '二、主动公开', '五、存在的主要问题')).toEqual(expectedNumbers(busyReport));
  }, 60_000);

  it('draft: the last page lists every finding of checkReport; without draft there is no such page', async () => {
    const fixture = failingFixtures[0];
    if (!fixture) throw new Error('no failing fixture');
    const findings = checkReport(fixture.report, fixture.previous ? { previous: fixture.previous } : {});
    expect(findings.length).toBeGreaterThan(0);
    // No findings passed: renderReportPdf runs checkReport itself.
    const draft = documentText(await extract(await renderReportPdf(fixture.report, { draft: true })));
    const at = draft.indexOf(squash(FINDINGS_TITLE));
    expect(at).toBeGreaterThan(0);
    expectInOrder(
      draft,
      findings.map((f) => f.message.zh),
      at,
    );
    const final = documentText(await extract(await renderReportPdf(fixture.report)));
    expect(final).not.toContain(squash(FINDINGS_TITLE));
  }, 60_000);

  it('distinct values: every number in its cell reading order, blank cells printed blank', async () => {
    const { report, blanks } = distinctValuesReport();
    const pages = await extract(await renderReportPdf(report));
    const numbers = numbersBetween(pages, '二、主动公开', '五、存在的主要问题');
    const expected = expectedNumbers(report);
    expect(expected).toHaveLength(200 - blanks.length);
    expect(numbers).toEqual(expected);
  }, 60_000);

  it('a character only the fallback font has comes through (𰻝)', async () => {
    const report = structuredClone(seedReport) as Report;
    report.sections = { ...report.sections, other: [{ type: 'paragraph', text: '陕西𰻝𰻝面馆' }] };
    const pages = await extract(await renderReportPdf(report, { onWarning: () => {} }));
    expect(documentText(pages)).toContain('陕西𰻝𰻝面馆');
  }, 60_000);
});

describe('a long report (narrative ×20, every cell filled)', () => {
  const report = longReport(20);
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderReportPdf(report);
  }, 120_000);

  it('keeps every character of the narrative and every number, in order', () => {
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(40);
    const text = documentText(pages);
    const { before, after } = narrative(report);
    expectInOrder(text, after, expectInOrder(text, before));
    expect(numbersBetween(pages, '二、主动公开', '五、存在的主要问题')).toEqual(expectedNumbers(report));
  });

  it('repeats 表三 header rows on every page the table continues onto, and only there', () => {
    const pages = pdfPages(bytes);
    const t3Values = new Set(
      statutoryLayout('t3').dataCells.map((cell) => formatCellValue(readCell(report, cell.address ?? ''))),
    );
    const withT3Rows = pages
      .map((page, i) => ({ i, tokens: page.split(/\s+/) }))
      .filter(({ tokens }) => tokens.some((t) => t !== '' && t3Values.has(t)))
      .map(({ i }) => i);
    const withT3Head = pages
      .map((page, i) => ({ i, page }))
      .filter(({ page }) => page.includes('申请人情况'))
      .map(({ i }) => i);
    expect(withT3Rows.length).toBeGreaterThan(1);
    expect(withT3Head).toEqual(withT3Rows);
  });

  it('never splits a table row: every value of a grid row is on one page', () => {
    const pages = pdfPages(bytes).map((page) => new Set(page.replace(/— \d+ —/g, ' ').split(/\s+/)));
    for (const id of ['t2', 't3', 't4'] as const) {
      const rows = new Map<number, string[]>();
      for (const cell of statutoryLayout(id).dataCells) {
        const value = formatCellValue(readCell(report, cell.address ?? ''));
        if (value !== '') rows.set(cell.row, [...(rows.get(cell.row) ?? []), value]);
      }
      for (const [row, values] of rows) {
        const where = new Set(values.map((v) => pages.findIndex((page) => page.has(v))));
        expect([...where], `${id} row ${row}`).toHaveLength(1);
        expect([...where][0], `${id} row ${row}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('overlaps nothing and cuts nothing: every word inside the text block, no two words on top of each other', () => {
    const { pages, words } = pdfWords(bytes);
    const top = GB9704_MARGINS.top * MM;
    const left = GB9704_MARGINS.left * MM;
    for (const [index, page] of pages.entries()) {
      const bottom = page.height - GB9704_MARGINS.bottom * MM;
      const right = page.width - GB9704_MARGINS.right * MM;
      const onPage = words.filter((w) => w.page === index + 1);
      const body = onPage.filter((w) => w.yMin < bottom);
      expect(
        onPage.length - body.length,
        `page ${index + 1}: only the page number sits below the text block`,
      ).toBeLessThanOrEqual(3);
      for (const w of body) {
        expect(w.xMin, `page ${index + 1} ${w.text}`).toBeGreaterThanOrEqual(left - 1);
        expect(w.xMax, `page ${index + 1} ${w.text}`).toBeLessThanOrEqual(right + 1);
        expect(w.yMin, `page ${index + 1} ${w.text}`).toBeGreaterThanOrEqual(top - 1);
        expect(w.yMax, `page ${index + 1} ${w.text}`).toBeLessThanOrEqual(bottom + 1);
      }
      for (let a = 0; a < body.length; a++) {
        for (let b = a + 1; b < body.length; b++) {
          const p = body[a];
          const q = body[b];
          if (!p || !q) continue;
          const dx = Math.min(p.xMax, q.xMax) - Math.max(p.xMin, q.xMin);
          const dy = Math.min(p.yMax, q.yMax) - Math.max(p.yMin, q.yMin);
          // Poppler's word boxes span the font's full ascent and descent (≈ 1.45 em for Noto CJK), more than a
          // tight table line (1.3 em): boxes of adjacent lines touch. Printed glyphs overlap only beyond that.
          const minH = Math.min(p.yMax - p.yMin, q.yMax - q.yMin);
          const minW = Math.min(p.xMax - p.xMin, q.xMax - q.xMin);
          expect(
            dx > 0.4 * minW && dy > 0.4 * minH,
            `page ${index + 1}: "${p.text}" overlaps "${q.text}"`,
          ).toBe(false);
        }
      }
    }
  });
});
