import type { Report, TableId } from '@nianbao/model';
import { formatCellValue, readCell, statutoryLayout } from '@nianbao/model';
import { busyReport, seedReport } from '@nianbao/model/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './render.js';
import { STYLE } from './styles.js';
import { columnTwips, gridOwners } from './table.js';
import { all, docxPart, expandTable, kid, kids, type XmlNode } from './test-support/ooxml.js';
import { distinctValuesReport } from './test-support/reports.js';

const TABLES: TableId[] = ['t2', 't3', 't4'];

async function tables(report: Report): Promise<XmlNode[]> {
  const doc = await docxPart(await renderReportDocx(report, { onWarning: () => {} }), 'word/document.xml');
  return all(doc, 'w:tbl');
}

/** Every grid position of a written table equals the layout's: same origin cell, same spans, same text. */
function expectSameGrid(tbl: XmlNode, id: TableId, report: Report): void {
  const layout = statutoryLayout(id);
  const owners = gridOwners(layout);
  const { grid } = expandTable(tbl);
  expect(grid.length).toBe(layout.rowCount);
  for (let r = 0; r < layout.rowCount; r++) {
    expect(grid[r]?.length, `row ${r} of ${id}`).toBe(layout.columnCount);
    for (let c = 0; c < layout.columnCount; c++) {
      const want = owners[r]?.[c];
      const got = grid[r]?.[c];
      if (!want || !got) throw new Error(`${id} (${r}, ${c}) unfilled`);
      const where = `${id} (${r}, ${c}) ${want.id}`;
      expect({ row: got.row, col: got.col, rowSpan: got.rowSpan, colSpan: got.colSpan }, where).toEqual({
        row: want.row,
        col: want.col,
        rowSpan: want.rowSpan,
        colSpan: want.colSpan,
      });
      const text =
        want.kind === 'data' ? formatCellValue(readCell(report, want.address ?? '')) : (want.label ?? '');
      expect(got.text, where).toBe(text);
      if (want.kind === 'data') expect(got.style, where).toBe(STYLE.tableNumber);
    }
  }
}

describe('the statutory tables as Word tables', () => {
  it('writes 表二、表三、表四 in order, each grid equal to layoutTable cell by cell (seed, busy, distinct values)', async () => {
    for (const report of [seedReport, busyReport, distinctValuesReport().report]) {
      const tbls = await tables(report);
      expect(tbls).toHaveLength(3);
      TABLES.forEach((id, i) => {
        expectSameGrid(tbls[i] as XmlNode, id, report);
      });
    }
  });

  it('keeps every value in its own cell for random reports, blanks empty, never 0', async () => {
    const { statutoryCells, writeCell } = await import('@nianbao/model');
    const cells = statutoryCells();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null }), {
          minLength: cells.length,
          maxLength: cells.length,
        }),
        async (values) => {
          let report = structuredClone(seedReport) as Report;
          cells.forEach((info, i) => {
            report = writeCell(report, info.address, values[i] ?? null);
          });
          const tbls = await tables(report);
          TABLES.forEach((id, i) => {
            expectSameGrid(tbls[i] as XmlNode, id, report);
          });
        },
      ),
      { numRuns: 8 },
    );
  });

  it('writes the merges as gridSpan and vMerge (表三: the 22-row 三、本年度办理结果, the 3×3 corner note)', async () => {
    const [, t3] = await tables(seedReport);
    const { cells } = expandTable(t3 as XmlNode);
    const results = cells.find((c) => c.text === '三、本年度办理结果');
    expect(results).toMatchObject({ col: 0, rowSpan: 22, colSpan: 1 });
    const note = cells.find((c) => c.text.startsWith('（本列数据的勾稽关系为'));
    expect(note).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3, style: STYLE.tableNote });
    // A restart starts every vertical merge; continuations carry no text.
    const vMerges = all(t3 as XmlNode, 'w:vMerge');
    expect(vMerges.filter((v) => v.attrs['w:val'] === 'restart').length).toBe(
      cells.filter((c) => c.rowSpan > 1).length,
    );
  });

  it('marks the head rows to repeat (tblHeader), every row unsplittable (cantSplit), widths from the layout', async () => {
    const tbls = await tables(seedReport);
    TABLES.forEach((id, i) => {
      const layout = statutoryLayout(id);
      const tbl = tbls[i] as XmlNode;
      const head = new Set(
        layout.sections.filter((s) => s.kind === 'head').flatMap((s) => s.rows.map((r) => r.index)),
      );
      kids(tbl, 'w:tr').forEach((tr, r) => {
        const pr = kid(tr, 'w:trPr');
        expect(kid(pr, 'w:cantSplit'), `${id} row ${r}`).toBeDefined();
        expect(kid(pr, 'w:tblHeader') !== undefined, `${id} row ${r} header`).toBe(head.has(r));
      });
      const widths = kids(kid(tbl, 'w:tblGrid') as XmlNode, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
      expect(widths).toEqual(columnTwips(layout.columnWidths, 8845));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(kid(kid(tbl, 'w:tblPr'), 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
    });
    expect(statutoryLayout('t3').sections.some((s) => s.kind === 'head')).toBe(true);
  });

  it('splits the rounding of column widths so they add up exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }), (raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        const widths = columnTwips(
          raw.map((x) => x / sum),
          8845,
        );
        expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
        widths.forEach((w, i) => {
          expect(Math.abs(w - ((raw[i] as number) / sum) * 8845)).toBeLessThan(1.0001);
        });
      }),
    );
  });
});
