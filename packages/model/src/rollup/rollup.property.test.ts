import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReport } from '../checks/check.js';
import { completeTotals, totalCells } from '../checks/complete-totals.js';
import { blankReport } from '../fixtures/index.js';
import { readCell, statutoryCells, writeCell } from '../tables/cells.js';
import { type CellValue, type Report, T3_APPLICANT_KEYS } from '../types.js';
import { rollUpReports } from './rollup.js';

const ADDRESSES = statutoryCells().map((cell) => cell.address);
const TOTALS = new Set(totalCells());
const PARTS = ADDRESSES.filter((address) => !TOTALS.has(address));
const ARITHMETIC = ['t3-balance', 't3-results-total', 't3-row-total', 't4-group-total'] as const;

function withCells(values: readonly CellValue[], addresses: readonly string[], base: Report): Report {
  return addresses.reduce(
    (report, address, index) => writeCell(report, address, values[index] ?? null),
    base,
  );
}

/** Any report: every cell a small count, a fee with decimals, or blank. */
const anyReport: fc.Arbitrary<Report> = fc
  .array(fc.oneof(fc.nat({ max: 40 }), fc.constant(null)), {
    minLength: ADDRESSES.length,
    maxLength: ADDRESSES.length,
  })
  .chain((values) =>
    fc.double({ min: 0, max: 999, noNaN: true }).map((fee) => {
      const report = withCells(values, ADDRESSES, blankReport({ agency: 'A', year: 2024 }));
      return writeCell(report, 't2.fees.amount', values[0] === null ? null : Math.round(fee * 100) / 100);
    }),
  );

/**
 * A report whose sums all hold: the parts are random counts, the totals are derived from them, and 一 is set so
 * that 一 + 二 = （七）总计 + 四 in every column.
 */
const consistentReport: fc.Arbitrary<Report> = fc
  .array(fc.nat({ max: 30 }), { minLength: PARTS.length, maxLength: PARTS.length })
  .map((values) => {
    const parts = withCells(values, PARTS, blankReport({ agency: 'B', year: 2024 }));
    const blanked = [...TOTALS].reduce((report, address) => writeCell(report, address, null), parts);
    let report = completeTotals(blanked).report;
    for (const column of T3_APPLICANT_KEYS) {
      const total = readCell(report, `t3.results.total.${column}`) as number;
      const forward = readCell(report, `t3.carriedForward.${column}`) as number;
      const over = Math.min(readCell(report, `t3.carriedOver.${column}`) as number, total + forward);
      report = writeCell(report, `t3.carriedOver.${column}`, over);
      report = writeCell(report, `t3.received.${column}`, total + forward - over);
    }
    for (const row of ['received', 'carriedOver']) report = writeCell(report, `t3.${row}.total`, null);
    return completeTotals(report).report;
  });

function failing(report: Report, rule: string): number {
  return evaluateReport(report).filter((e) => e.rule === rule && e.status === 'fail').length;
}

describe('rollUpReports (properties)', () => {
  it('the aggregate of one report has exactly that report’s cells', () => {
    fc.assert(
      fc.property(anyReport, (report) => {
        const { report: aggregate, nullCells } = rollUpReports([report]);
        for (const address of ADDRESSES) {
          expect(readCell(aggregate, address)).toBe(readCell(report, address));
          expect(nullCells[address]).toBe(readCell(report, address) === null ? 1 : undefined);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('sums are associative over partitions: rolling up roll-ups of the parts gives the same cells', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { minLength: 2, maxLength: 6 }), fc.nat(), (reports, cut) => {
        const at = 1 + (cut % (reports.length - 1));
        const whole = rollUpReports(reports).report;
        const parts = [rollUpReports(reports.slice(0, at)).report, rollUpReports(reports.slice(at)).report];
        const nested = rollUpReports(parts).report;
        for (const address of ADDRESSES) expect(readCell(nested, address)).toBe(readCell(whole, address));
      }),
      { numRuns: 25 },
    );
  });

  it('nulls never become 0: a cell blank in every member stays null, and blanks are counted apart', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { minLength: 1, maxLength: 5 }), (reports) => {
        const { report: aggregate, nullCells } = rollUpReports(reports);
        for (const address of ADDRESSES) {
          const values = reports.map((report) => readCell(report, address));
          const blanks = values.filter((value) => value === null).length;
          expect(nullCells[address] ?? 0).toBe(blanks);
          if (blanks === reports.length) expect(readCell(aggregate, address)).toBeNull();
          else {
            const sum = values.reduce<number>((acc, value) => acc + (value ?? 0), 0);
            expect(readCell(aggregate, address)).toBeCloseTo(sum, 6);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the model’s sums hold in the aggregate when they hold in every member', () => {
    fc.assert(
      fc.property(fc.array(consistentReport, { minLength: 1, maxLength: 5 }), (reports) => {
        for (const report of reports) for (const rule of ARITHMETIC) expect(failing(report, rule)).toBe(0);
        const { report: aggregate, findings } = rollUpReports(reports);
        for (const rule of ARITHMETIC) expect(failing(aggregate, rule)).toBe(0);
        expect(findings.filter((f) => f.severity === 'error' && f.status === 'fail')).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('a sum that fails in one member fails in the aggregate of that member with consistent ones', () => {
    fc.assert(
      fc.property(consistentReport, consistentReport, fc.integer({ min: 1, max: 9 }), (a, b, bump) => {
        const broken = writeCell(a, 't4.review.total', (readCell(a, 't4.review.total') as number) + bump);
        expect(failing(rollUpReports([broken, b]).report, 't4-group-total')).toBe(1);
      }),
      { numRuns: 15 },
    );
  });
});
