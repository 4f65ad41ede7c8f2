import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankReport } from '../fixtures/index.js';
import { readCell, statutoryCells, writeCell } from '../tables/cells.js';
import type { CellAddress, CellValue, Report, TableId } from '../types.js';
import { rollUpReports, statutoryValues } from './rollup.js';

/*
 * rollUpReports sums member by member along a tree of the cell paths (one walk per report). These properties
 * hold it to the definition it replaced, cell by cell with readCell and writeCell: the same aggregate, key order
 * included (compared as JSON text), and the same blank counts, on members with blanks, text where a number
 * belongs and rows missing altogether.
 */

const ADDRESSES = statutoryCells().map((cell) => cell.address);

/** A cell as a member may hold it after parsing leniently: a count, a fee with decimals, blank, or not a number. */
const cellValue = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 40 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 99, noNaN: true }).map((v) => Math.round(v * 100) / 100) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('12') },
);

const member: fc.Arbitrary<Report> = fc
  .tuple(
    fc.array(cellValue, { minLength: ADDRESSES.length, maxLength: ADDRESSES.length }),
    fc.subarray(['t2.regulations', 't3.results.withheld', 't4.review'] as const, { maxLength: 2 }),
  )
  .map(([values, dropped]) => {
    let report: Report = blankReport({ agency: 'A', year: 2024 });
    ADDRESSES.forEach((address, index) => {
      report = writeCell(report, address, values[index] as CellValue);
    });
    // A row (or group) missing: every cell under it reads as blank.
    for (const path of dropped) {
      const keys = path.split('.');
      let node = report as unknown as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
      delete node[keys.at(-1) as string];
    }
    return report;
  });

/** The roll-up's cells by their definition: each cell summed over the members in input order, blanks counted. */
function reference(reports: readonly Report[]): {
  tables: Pick<Report, TableId>;
  nullCells: Record<CellAddress, number>;
} {
  let tables = { t2: {}, t3: {}, t4: {} } as Pick<Report, TableId>;
  const nullCells: Record<CellAddress, number> = {};
  for (const address of ADDRESSES) {
    let sum: number | null = null;
    let blanks = 0;
    for (const report of reports) {
      const value = readCell(report, address);
      if (typeof value === 'number') sum = sum === null ? value : Math.round((sum + value) * 1e6) / 1e6;
      else blanks += 1;
    }
    if (blanks > 0) nullCells[address] = blanks;
    tables = writeCell(tables, address, sum);
  }
  return { tables, nullCells };
}

describe('rollUpReports against its cell-by-cell definition', () => {
  it('gives the same aggregate, key order included, and the same blank counts', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 6 }), (reports) => {
        const { report, nullCells } = rollUpReports(reports);
        const expected = reference(reports);
        expect(JSON.stringify({ t2: report.t2, t3: report.t3, t4: report.t4 })).toBe(
          JSON.stringify(expected.tables),
        );
        expect(JSON.stringify(nullCells)).toBe(JSON.stringify(expected.nullCells));
      }),
      { numRuns: 60 },
    );
  });

  it('statutoryValues reads every cell as readCell does, anything but a number blank', () => {
    fc.assert(
      fc.property(member, (report) => {
        const values = statutoryValues(report);
        expect(values).toHaveLength(ADDRESSES.length);
        ADDRESSES.forEach((address, index) => {
          const value = readCell(report, address);
          expect(values[index]).toBe(typeof value === 'number' ? value : null);
        });
      }),
      { numRuns: 60 },
    );
  });
});
