import { describe, expect, it } from 'vitest';
import { blankReport, busyReport, seedReport } from '../fixtures/index.js';
import { readCell, statutoryCells, writeCell } from '../tables/cells.js';
import type { CellAddress, Report } from '../types.js';
import { checkReport } from './check.js';
import { completeTotals } from './complete-totals.js';

/** busyReport with the given cells blanked. */
function blanked(addresses: readonly CellAddress[], from: Report = busyReport): Report {
  return addresses.reduce((report, address) => writeCell(report, address, null), from);
}

const totalCells = statutoryCells()
  .filter((cell) => cell.total)
  .map((cell) => cell.address);

describe('completeTotals', () => {
  it('derives every blank total of a consistent report back to its value, in cell order', () => {
    const input = blanked([...totalCells].reverse());
    const { report, derived } = completeTotals(input);
    expect(derived).toEqual(totalCells);
    expect(report).toEqual(busyReport);
    expect(checkReport(report)).toEqual([]);
  });

  it('fills a 表三 row total, a （七）总计 cell and a 表四 total from their parts', () => {
    const input = blanked(['t3.received.total', 't3.results.total.research', 't4.litigationDirect.total']);
    const { report, derived } = completeTotals(input);
    expect(derived).toEqual(['t3.received.total', 't3.results.total.research', 't4.litigationDirect.total']);
    expect(readCell(report, 't3.received.total')).toBe(599);
    expect(readCell(report, 't3.results.total.research')).toBe(23);
    expect(readCell(report, 't4.litigationDirect.total')).toBe(8);
  });

  it('fills （七）总计 · 总计 either way: from the leaves’ totals, or from its row once the row is filled', () => {
    // Leaves' 总计 blank, （七）总计 row given: the row sum fills （七）·总计.
    const leavesBlank = blanked(['t3.results.total.total', 't3.results.disclosed.total']);
    expect(readCell(completeTotals(leavesBlank).report, 't3.results.total.total')).toBe(598);
    // A leaf's 自然人 blank: the 总计 column still fills （七）·总计 from the leaves' totals.
    const leafBlank = blanked([
      't3.results.total.total',
      't3.results.total.naturalPerson',
      't3.results.disclosed.naturalPerson',
    ]);
    const viaColumn = completeTotals(leafBlank);
    expect(viaColumn.derived).toEqual(['t3.results.total.total']);
    expect(readCell(viaColumn.report, 't3.results.total.total')).toBe(598);
    // The whole （七）总计 row blank: each column from its leaves, then 总计 either way (same number).
    const rowBlank = blanked([
      't3.results.total.naturalPerson',
      't3.results.total.commercial',
      't3.results.total.total',
    ]);
    expect(completeTotals(rowBlank).report).toEqual(busyReport);
  });

  it('fills nothing when a part is blank or not a number, and never overwrites a number', () => {
    const partBlank = blanked(['t3.received.total', 't3.received.otherOrg']);
    expect(completeTotals(partBlank)).toEqual({ report: partBlank, derived: [] });
    const nan = writeCell(blanked(['t4.review.total']), 't4.review.other', Number.NaN);
    expect(completeTotals(nan).derived).toEqual([]);
    const wrongTotal = writeCell(busyReport, 't3.received.total', 1);
    expect(completeTotals(wrongTotal)).toEqual({ report: wrongTotal, derived: [] });
  });

  it('never changes its input (the fixtures are frozen)', () => {
    const input = blanked(['t3.carriedForward.total', 't4.review.total']);
    const before = JSON.stringify(input);
    const { report } = completeTotals(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(report).not.toBe(input);
    expect(report.t2).toBe(input.t2);
    expect(completeTotals(seedReport)).toEqual({ report: seedReport, derived: [] });
  });

  it('works on a blank report whose totals are all null', () => {
    let input = blankReport({ agency: '测试机关', year: 2024 });
    for (const address of totalCells) input = writeCell(input, address, null);
    const { report, derived } = completeTotals(input);
    expect(derived).toHaveLength(totalCells.length);
    expect(report).toEqual(blankReport({ agency: '测试机关', year: 2024 }));
  });
});
