import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/check.js';
import type { Finding } from '../checks/rules.js';
import { busyReport, failingFixtures } from '../fixtures/index.js';
import { writeCell } from '../tables/cells.js';
import { rectificationNotice } from './rectification.js';

// Every finding the failing fixtures produce (one planted problem each), and those of a report with a blank cell in
// its sums (which the checks cannot decide).
const POOL: readonly Finding[] = [
  ...failingFixtures.flatMap((fixture) =>
    checkReport(fixture.report, fixture.previous ? { previous: fixture.previous } : {}),
  ),
  ...checkReport(writeCell(busyReport, 't3.received.naturalPerson', null)),
];
const RANK = { error: 0, warning: 1, info: 2 } as const;

describe('rectificationNotice over any set of findings', () => {
  it('draws from findings of every severity, failing and undecided', () => {
    expect(new Set(POOL.map((finding) => finding.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(new Set(POOL.map((finding) => finding.status))).toEqual(new Set(['fail', 'uncertain']));
  });

  it('has one item per failing rule, most serious first, each with its findings’ cells once and in order', () => {
    fc.assert(
      fc.property(fc.subarray([...POOL]), fc.boolean(), (findings, shuffle) => {
        const given = shuffle ? [...findings].reverse() : findings;
        const notice = rectificationNotice(given, { agency: 'A', file: 'a' });
        const failing = given.filter((finding) => finding.status === 'fail');
        expect(new Set(notice.items.map((item) => item.rule))).toEqual(new Set(failing.map((f) => f.rule)));
        expect(notice.items).toHaveLength(new Set(failing.map((f) => f.rule)).size);
        const ranks = notice.items.map((item) => RANK[item.severity]);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const item of notice.items) {
          const own = failing.filter((finding) => finding.rule === item.rule);
          expect(item.cells).toEqual([...new Set(own.flatMap((finding) => finding.cells))]);
          expect(item.details.map((d) => d.zh)).toEqual([
            ...new Set(own.map((finding) => finding.message.zh)),
          ]);
          expect(item.instruction.zh.startsWith(item.action.zh)).toBe(true);
          expect(item.instruction.en.startsWith(item.action.en)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
