import {
  type Block,
  checkReport,
  type Report,
  STATUTORY_TABLES,
  statutoryCells,
  statutoryLayout,
  type TableId,
  type TableLayout,
  writeCell,
} from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { Document, Page, pdf, View } from '@react-pdf/renderer';
import fc from 'fast-check';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { registerFonts } from './fonts.js';
import { type RenderOptions, renderReportPdf } from './index.js';
import { ReportTable, type TableStyle } from './table.js';
import { type PdfPageGeometry, readPdfGeometry } from './test-support/pdf-positions.js';
import { checkTablePlacement, type DrawnTable, drawnTables, squashText } from './test-support/pdf-tables.js';
import { distinctValuesReport, longReport } from './test-support/reports.js';
import { A4, GB9704_MARGINS, LANDSCAPE_MARGINS, MM } from './typography.js';

/*
 * Proof by position: every number of 表二, 表三 and 表四 is read back from the PDF with its coordinates and must
 * stand inside its own cell, rebuilt from the ruling lines the PDF draws (not from the renderer's arithmetic):
 * the row band of its row label × the x-range of its column header, holding exactly the model's formatted value.
 * Reports: seed, busy, distinct values, long narratives, landscape, draft, and generated ones whose narrative
 * length and table type size move 表三's page break over every row boundary where the table may break.
 */

const LAYOUTS: readonly TableLayout[] = STATUTORY_TABLES.map((spec) => statutoryLayout(spec.id as TableId));
const T3 = statutoryLayout('t3');

function textBlock(pages: readonly PdfPageGeometry[]): (page: number) => { left: number; right: number } {
  return (n) => {
    const page = pages[n - 1] as PdfPageGeometry;
    const margins = page.width > page.height ? LANDSCAPE_MARGINS : GB9704_MARGINS;
    return { left: margins.left * MM, right: page.width - margins.right * MM };
  };
}

async function placement(report: Report, options: RenderOptions = {}) {
  const bytes = await renderReportPdf(report, { creationDate: new Date(Date.UTC(2023, 0, 15)), ...options });
  const pages = await readPdfGeometry(bytes);
  return { pages, ...checkTablePlacement(pages, LAYOUTS, report, { textBlock: textBlock(pages) }) };
}

const DATA_CELLS: Record<string, number> = Object.fromEntries(
  LAYOUTS.map((layout) => [layout.id, layout.dataCells.length]),
);

function expectPlaced(result: Awaited<ReturnType<typeof placement>>): void {
  expect(result.problems).toEqual([]);
  expect(result.checked).toEqual(DATA_CELLS);
}

/** The grid row of 表三 that starts each drawn part after the first (where its page breaks fell). */
function t3Breaks(tables: readonly DrawnTable[]): number[] {
  const rowLabels = [...T3.cellsById.values()].filter(
    (c) => c.kind === 'row-header' && c.rowSpan === 1 && (c.label ?? '') !== '',
  );
  return tables.slice(1).map((table) => {
    const texts = new Set(table.cells.map((c) => c.text));
    const rows = rowLabels.filter((c) => texts.has(squashText(c.label ?? ''))).map((c) => c.row);
    return Math.min(...rows);
  });
}

/** Grid rows of 表三 that start a top-level row (二, 三, 四): a page may always break before them. */
const T3_TOP_LEVEL: readonly number[] = T3.sections
  .filter((s) => s.kind === 'body')
  .slice(1)
  .map((s) => s.rows[0]?.index ?? 0);

/** The seed narrative with `lines` one-line paragraphs before 二, to move the tables down the page. */
function shifted(base: Report, lines: number): Report {
  const filler: Block[] = Array.from({ length: lines }, (_, i) => ({
    type: 'paragraph',
    text: `第${i + 1}行：本机关依法主动公开政府信息。`,
  }));
  return {
    ...base,
    sections: { ...base.sections, overview: [...(base.sections?.overview ?? []), ...filler] },
  };
}

describe('every table value stands in its own drawn cell', () => {
  it('the seed report', async () => {
    expectPlaced(await placement(seedReport));
  });

  it('the busy report', async () => {
    expectPlaced(await placement(busyReport));
  });

  it('distinct values in every cell (blanks blank)', async () => {
    expectPlaced(await placement(distinctValuesReport().report));
  });

  it('a long report: 表三 falls across pages, its head and its row group repeat there', async () => {
    const result = await placement(longReport(3));
    expectPlaced(result);
    expect(result.tables.t3?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('landscape tables', async () => {
    for (const report of [seedReport, distinctValuesReport().report]) {
      const result = await placement(report, { landscapeTables: true });
      expectPlaced(result);
      for (const table of Object.values(result.tables).flat()) {
        const page = result.pages[table.page - 1] as PdfPageGeometry;
        expect(page.width, `table on p${table.page} is on a landscape page`).toBeGreaterThan(page.height);
      }
    }
  });

  it('draft mode: the watermark and the marks of failing cells change no value and no cell', async () => {
    const fixture = failingFixtures.find((f) => f.rule === 't3-balance');
    if (!fixture) throw new Error('no t3-balance fixture');
    expect(checkReport(fixture.report).some((f) => f.status === 'fail')).toBe(true);
    expectPlaced(await placement(fixture.report, { draft: true }));
    expectPlaced(await placement(distinctValuesReport().report, { draft: true }));
  });
});

describe('表三 broken at every row where it may break', () => {
  const style = (fonts: ReturnType<typeof registerFonts>): TableStyle => ({
    width: A4.width - (GB9704_MARGINS.left + GB9704_MARGINS.right) * MM,
    fontFamily: [fonts.table, fonts.fallback] as unknown as string,
    fontSize: 10.5,
    lineHeight: 1.3,
    borderWidth: 0.75,
  });
  const PAD = 20;

  /**
   * One document of 表三 alone, one `<Page>` per `{ height, above }`: a content height and the blank space above
   * the table on its first page (each `<Page>` wraps onto pages of its own size).
   */
  async function tableDocument(
    report: Report,
    setups: readonly { height: number; above: number }[],
    next: boolean,
  ): Promise<Uint8Array> {
    const fonts = registerFonts();
    const pages = setups.map(({ height, above }, i) =>
      h(
        Page,
        {
          key: `p${i}`,
          size: [A4.width, height + 2 * PAD],
          experimentalPagination: next,
          style: { paddingTop: PAD, paddingBottom: PAD, paddingLeft: GB9704_MARGINS.left * MM },
        },
        h(View, { style: { height: above } }),
        h(ReportTable, { layout: T3, report, style: style(fonts) }),
      ),
    );
    const element = h(Document, { creationDate: new Date(Date.UTC(2023, 0, 15)) }, ...pages);
    const blob = await pdf(element as unknown as Parameters<typeof pdf>[0]).toBlob();
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** Output pages grouped by the `<Page>` they came from (told apart by their heights, all distinct). */
  function byPage(pages: readonly PdfPageGeometry[]): PdfPageGeometry[][] {
    const groups: PdfPageGeometry[][] = [];
    for (const page of pages) {
      const last = groups[groups.length - 1];
      if (last && Math.abs((last[0] as PdfPageGeometry).height - page.height) < 0.05) last.push(page);
      else groups.push([page]);
    }
    return groups;
  }

  const rowLabels = [...T3.cellsById.values()].filter(
    (c) => c.kind === 'row-header' && c.rowSpan === 1 && (c.label ?? '') !== '',
  );

  it('a page bottom in every body row: every value in its cell, the head and the row group on every part', {
    timeout: 600_000,
  }, async () => {
    const report = distinctValuesReport().report;
    // Where each row ends, measured on one page tall enough for the whole table.
    const tall = await readPdfGeometry(await tableDocument(report, [{ height: 3000, above: 0 }], true));
    const drawn = drawnTables(tall[0] as PdfPageGeometry)[0] as DrawnTable;
    const bottoms = new Map<number, number>();
    for (const cell of rowLabels) {
      const box = drawn.cells.find((c) => c.text === squashText(cell.label ?? ''))?.box;
      if (!box) throw new Error(`row label ${cell.label} not drawn`);
      bottoms.set(cell.row, box.bottom - PAD);
    }
    // The first page's bottom halfway down each body row after the first: a GB/T 9704 text block (225 mm) with
    // blank space above the table, or for rows deeper than that a taller page. Heights differ by 0.1 pt so
    // the output pages can be told apart.
    // Inside a sub-group (kept together) only its first and last rows are distinct cases.
    const groups = [...T3.cellsById.values()].filter(
      (c) => c.kind === 'row-header' && c.rowSpan > 1 && c.col > 0,
    );
    const inner = (row: number): boolean => groups.some((g) => g.row < row && row < g.row + g.rowSpan - 1);
    const all = [...bottoms.keys()].sort((p, q) => p - q);
    const rows = all.slice(1).filter((row) => !inner(row));
    const block = 225 * MM;
    const heights = rows.map((row, i) => {
      const previous = all[all.indexOf(row) - 1] as number;
      const middle = ((bottoms.get(previous) as number) + (bottoms.get(row) as number)) / 2;
      const height = Math.max(block, middle + 10) + i * 0.1;
      return { height, above: height - middle };
    });
    for (const next of [true, false]) {
      const groups = byPage(await readPdfGeometry(await tableDocument(report, heights, next)));
      expect(groups.length).toBe(heights.length);
      const breaks = new Set<number>();
      groups.forEach((pages, i) => {
        const renumbered = pages.map((page, j) => ({
          ...page,
          page: j + 1,
          words: page.words.map((w) => ({ ...w, page: j + 1 })),
          segments: page.segments.map((s) => ({ ...s, page: j + 1 })),
        }));
        const result = checkTablePlacement(renumbered, [T3], report);
        const where = `${next ? 'new' : 'classic'} paginator, page bottom in row ${rows[i]}`;
        expect(result.problems, where).toEqual([]);
        expect(result.checked, where).toEqual({ t3: T3.dataCells.length });
        const tables = result.tables.t3 ?? [];
        expect(tables.length, where).toBeGreaterThanOrEqual(2);
        for (const row of t3Breaks(tables)) breaks.add(row);
      });
      // Breaks fall before each top-level row, and between the parts of 三 (split between its sub-groups).
      for (const row of T3_TOP_LEVEL) expect([...breaks], `${next ? 'new' : 'classic'}`).toContain(row);
      expect([...breaks].filter((row) => row > 5 && row < 27).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('generated reports (narrative length, values incl. large numbers and blanks): every value in its cell', {
    timeout: 600_000,
  }, async () => {
    const cells = statutoryCells();
    const value = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 99 }) },
      { weight: 2, arbitrary: fc.integer({ min: 100, max: 9999 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.array(value, { minLength: cells.length, maxLength: cells.length }),
        fc.double({ min: 0, max: 99_999_999, noNaN: true }),
        async (lines, values, fee) => {
          let report = shifted(seedReport, lines);
          cells.forEach((info, i) => {
            const v = info.value === 'amount' ? Math.round(fee * 1e4) / 1e4 : (values[i] ?? null);
            report = writeCell(report, info.address, v);
          });
          const result = await placement(report);
          expect(result.problems).toEqual([]);
          expect(result.checked).toEqual(DATA_CELLS);
        },
      ),
      { numRuns: 3, seed: 11, endOnFailure: true },
    );
  });
});
