import { describe, expect, it } from 'vitest';
import { busyReport } from '../fixtures/index.js';
import { readCell, statutoryCells, writeCell } from '../tables/cells.js';
import { ROLL_UP_AGENCY, rollUpReports } from './rollup.js';

describe('rollUpReports', () => {
  it('the roll-up of the busy fixture N times equals N × busy, cell by cell, and passes the same rules', () => {
    const n = 7;
    const rollUp = rollUpReports(Array.from({ length: n }, () => busyReport));
    for (const { address } of statutoryCells()) {
      const one = readCell(busyReport, address);
      expect(readCell(rollUp.report, address)).toBeCloseTo(n * (one as number), 6);
    }
    expect(rollUp.nullCells).toEqual({});
    expect(rollUp.findings.filter((f) => f.status === 'fail' && f.severity === 'error')).toEqual([]);
    expect(rollUp.members).toHaveLength(n);
    expect(rollUp.report.meta).toEqual({
      agency: ROLL_UP_AGENCY,
      year: busyReport.meta.year,
      kind: 'government',
    });
  });

  it('lists members with their files and the inputs it could not read', () => {
    const reason = { zh: '文件为空', en: 'the file is empty' };
    const rollUp = rollUpReports([{ report: busyReport, file: 'a.html' }], {
      agency: '某县',
      year: 2020,
      unreadable: [{ file: 'b.pdf', reasons: [reason] }],
    });
    expect(rollUp.members).toEqual([
      { agency: busyReport.meta.agency, year: busyReport.meta.year, file: 'a.html' },
    ]);
    expect(rollUp.unreadable).toEqual([{ file: 'b.pdf', reasons: [reason] }]);
    expect(rollUp.report.meta.agency).toBe('某县');
    expect(rollUp.report.meta.year).toBe(2020);
  });

  it('a cell one member leaves blank is the sum of the others, counted in nullCells; blank in all stays null', () => {
    const address = 't4.review.upheld';
    const blankOne = writeCell(busyReport, address, null);
    const rollUp = rollUpReports([busyReport, blankOne, blankOne]);
    expect(readCell(rollUp.report, address)).toBe(readCell(busyReport, address));
    expect(rollUp.nullCells[address]).toBe(2);
    expect(readCell(rollUpReports([blankOne]).report, address)).toBeNull();
  });

  it('an empty roll-up is all blank', () => {
    const rollUp = rollUpReports([]);
    expect(statutoryCells().every(({ address }) => readCell(rollUp.report, address) === null)).toBe(true);
    expect(rollUp.members).toEqual([]);
  });
});
