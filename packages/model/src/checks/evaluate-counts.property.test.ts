import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyPreviousReport, busyReport, failingFixtures, seedReport } from '../fixtures/index.js';
import { scoreReport } from '../score/score.js';
import { statutoryCells, writeCell } from '../tables/cells.js';
import type { Report } from '../types.js';
import { evaluateReport, evaluateWithCounts } from './check.js';
import { RULES, type RuleId } from './rules.js';

/*
 * `evaluateWithCounts` is the full evaluation with each pass counted instead of built: the instances that did not
 * pass exactly as `evaluateReport(report, { passes: false })` gives them, and per rule the number of passes the
 * full run lists. The scorecard scored from it is the scorecard scored from the full run.
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

function passCounts(
  report: Report,
  options: Parameters<typeof evaluateReport>[1],
): Partial<Record<RuleId, number>> {
  const counts: Partial<Record<RuleId, number>> = {};
  for (const evaluation of evaluateReport(report, options))
    if (evaluation.status === 'pass') counts[evaluation.rule] = (counts[evaluation.rule] ?? 0) + 1;
  return counts;
}

describe('evaluateWithCounts', () => {
  it('gives the failures of the full run and counts its passes, per rule', () => {
    fc.assert(
      fc.property(
        reports,
        fc.option(fc.subarray(IDS), { nil: undefined }),
        fc.boolean(),
        (report, rules, withPrevious) => {
          const options = {
            ...(withPrevious ? { previous: busyPreviousReport } : {}),
            ...(rules ? { rules } : {}),
          };
          const counted = evaluateWithCounts(report, options);
          expect(counted.evaluations).toEqual(evaluateReport(report, { ...options, passes: false }));
          expect(counted.passed).toEqual(passCounts(report, options));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('scores as the full evaluation does when the scorecard is handed the counts', () => {
    fc.assert(
      fc.property(reports, (report) => {
        const { evaluations, passed } = evaluateWithCounts(report);
        const full = scoreReport(report, { evaluations: evaluateReport(report) });
        expect(scoreReport(report, { evaluations, passed })).toEqual(full);
        expect(scoreReport(report)).toEqual(full);
      }),
      { numRuns: 80 },
    );
  });
});
