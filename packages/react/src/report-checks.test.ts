import { evaluateReport, writeCell } from '@nianbao/model';
import { blankReport, busyReport } from '@nianbao/model/fixtures';
import { describe, expect, it } from 'vitest';
import { lookupCell } from './cell-source.js';
import { derivedTotals, reportChecks } from './report-checks.js';

describe('derivedTotals', () => {
  it('computes a total from the cells it sums even when the user typed a different one', () => {
    let report = blankReport();
    report = writeCell(report, 't3.received.naturalPerson', 4);
    report = writeCell(report, 't3.received.commercial', 5);
    report = writeCell(report, 't3.received.total', 99);
    const derived = derivedTotals(report);
    expect(lookupCell(derived, 't3.received.total')).toBe(9);
    expect(lookupCell(report, 't3.received.total')).toBe(99);
  });

  it('agrees with the entered totals of a report that passes every rule', () => {
    const derived = derivedTotals(busyReport);
    for (const address of [
      't3.results.total.total',
      't3.received.total',
      't4.review.total',
      't4.litigationDirect.total',
    ]) {
      expect(lookupCell(derived, address), address).toBe(lookupCell(busyReport, address));
    }
  });

  it('has nothing to say about cells that are not totals', () => {
    expect(lookupCell(derivedTotals(busyReport), 't3.received.naturalPerson')).toBeNull();
  });
});

describe('reportChecks', () => {
  it('returns every evaluation and, as findings, those that did not pass', () => {
    const report = writeCell(busyReport, 't3.received.naturalPerson', 0);
    const checks = reportChecks(report);
    expect(checks.evaluations).toEqual(evaluateReport(report));
    expect(checks.findings.length).toBeGreaterThan(0);
    expect(checks.findings.every((f) => f.status !== ('pass' as string))).toBe(true);
  });
});
