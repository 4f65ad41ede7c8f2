import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyPreviousReport, busyReport, failingFixtures, seedReport } from '../fixtures/index.js';
import { statutoryCells, writeCell } from '../tables/cells.js';
import type { Report } from '../types.js';
import { checkReport, evaluateReport, findingsFrom } from './check.js';
import { RULES, type RuleId } from './rules.js';

/*
 * `evaluateReport(report, { rules, passes })` is the full evaluation, filtered: a reader that runs a few rules
 * (the scorecard) or only the failures (the dashboard's cell marks) sees exactly what the full run would show.
 */

const ADDRESSES = statutoryCells().map((cell) => cell.address);
const IDS = RULES.map((rule) => rule.id);

const reports: fc.Arbitrary<Report> = fc
  .record({
    base: fc.constantFrom(busyReport, seedReport, ...failingFixtures.map((fixture) => fixture.report)),
    cells: fc.array(
      fc.tuple(fc.constantFrom(...ADDRESSES), fc.oneof(fc.constant(null), fc.nat({ max: 900 }))),
      { maxLength: 8 },
    ),
  })
  .map(({ base, cells }) =>
    cells.reduce((report, [address, value]) => writeCell(report, address, value), base),
  );

describe('evaluateReport options', () => {
  it('rules: the instances of those rules only, the same as in a full evaluation', () => {
    fc.assert(
      fc.property(reports, fc.subarray(IDS), fc.boolean(), (report, rules, withPrevious) => {
        const previous = withPrevious ? { previous: busyPreviousReport } : {};
        const wanted = new Set<RuleId>(rules);
        const full = evaluateReport(report, previous).filter((evaluation) => wanted.has(evaluation.rule));
        expect(evaluateReport(report, { ...previous, rules })).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('passes: a list of rules: every rule’s failures and those rules’ passes, as in a full evaluation', () => {
    fc.assert(
      fc.property(reports, fc.subarray(IDS), fc.boolean(), (report, rules, withPrevious) => {
        const previous = withPrevious ? { previous: busyPreviousReport } : {};
        const wanted = new Set<RuleId>(rules);
        const full = evaluateReport(report, previous).filter(
          (evaluation) => evaluation.status !== 'pass' || wanted.has(evaluation.rule),
        );
        expect(evaluateReport(report, { ...previous, passes: rules })).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('passes: false: the instances that did not pass, uncapped, as checkReport finds them', () => {
    fc.assert(
      fc.property(reports, (report) => {
        const failures = evaluateReport(report, { passes: false });
        expect(failures).toEqual(evaluateReport(report).filter((evaluation) => evaluation.status !== 'pass'));
        const findings = checkReport(report);
        expect(findingsFrom(evaluateReport(report))).toEqual(findings);
        expect(failures.map((evaluation) => [evaluation.rule, evaluation.cells])).toEqual(
          findings.map((finding) => [finding.rule, finding.cells]),
        );
      }),
      { numRuns: 150 },
    );
  });
});
