import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateReport } from '../checks/index.js';
import { busyPreviousReport, busyReport, seedReport } from '../fixtures/index.js';
import { statutoryCells, writeCell } from '../tables/cells.js';
import type { AgencyKind, Block, Report } from '../types.js';
import { INDICATOR_IDS } from './indicators.js';
import type { Rulepack } from './resolve.js';
import { SCORED_RULES, scoreReport } from './score.js';
import { MEASURE_VERBS, PROBLEM_WORDS } from './text.js';

const ADDRESSES = statutoryCells().map((cell) => cell.address);

/** Phrases the heuristics look for, mixed with filler, so random text exercises them. */
const FRAGMENTS = [
  ...PROBLEM_WORDS,
  ...MEASURE_VERBS,
  '同比增长12%',
  '较上年',
  '上年度',
  '整改',
  '无',
  '信息处理费',
  '新收政府信息公开申请 599 件',
  '行政复议 10 件',
  '。',
  '政务公开工作',
];
const narrative: fc.Arbitrary<Block[]> = fc.array(
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 12 })
    .map((parts): Block => ({ type: 'paragraph', text: parts.join('') })),
  { maxLength: 3 },
);

const dates = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** A busy or seed report with some cells blanked or changed, its parts replaced and its date moved. */
const reports: fc.Arbitrary<Report> = fc
  .record({
    base: fc.constantFrom(busyReport, seedReport),
    cells: fc.array(
      fc.tuple(fc.constantFrom(...ADDRESSES), fc.oneof(fc.constant(null), fc.nat({ max: 900 }))),
      {
        maxLength: 12,
      },
    ),
    parts: fc.record({ overview: narrative, problems: narrative, other: narrative }, { requiredKeys: [] }),
    dropSections: fc.boolean(),
    publishedAt: fc.option(dates, { nil: undefined }),
    kind: fc.option(fc.constantFrom<AgencyKind>('government', 'department', 'other'), { nil: undefined }),
  })
  .map(({ base, cells, parts, dropSections, publishedAt, kind }) => {
    let report: Report = base;
    for (const [address, value] of cells) report = writeCell(report, address, value);
    const { publishedAt: _p, kind: _k, ...meta } = report.meta;
    const next: Report = {
      ...report,
      meta: {
        ...meta,
        ...(publishedAt !== undefined ? { publishedAt } : {}),
        ...(kind !== undefined ? { kind } : {}),
      },
      sections: { ...report.sections, ...parts },
    };
    if (dropSections) delete next.sections;
    return next;
  });

const weights = fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true });

/** Random rulepacks: indicators switched off, reweighed or made manual, thresholds and deductions. */
const rulepacks: fc.Arbitrary<Rulepack | undefined> = fc.option(
  fc.record({
    rulepack: fc.constant(1 as const),
    name: fc.constant('random'),
    indicators: fc.dictionary(
      fc.constantFrom(...INDICATOR_IDS),
      fc.record(
        {
          enabled: fc.boolean(),
          weight: weights,
          mode: fc.constantFrom('automatic' as const, 'manual' as const),
        },
        { requiredKeys: [] },
      ),
    ),
    thresholds: fc.record(
      {
        copyRatio: fc.double({ min: 0, max: 1, noNaN: true }),
        problemsMinChars: fc.nat({ max: 400 }),
        problemsMinMeasures: fc.nat({ max: 8 }),
      },
      { requiredKeys: [] },
    ),
    deductions: fc.array(
      fc.oneof(
        fc.record({ id: fc.constant('a'), when: fc.constant('no-report' as const), points: weights }),
        fc.record({
          id: fc.constant('b'),
          when: fc.constant('published-after' as const),
          date: fc.constantFrom('01-31', '03-31'),
          points: weights,
        }),
        fc.record({
          id: fc.constant('c'),
          when: fc.constant('copied-over' as const),
          ratio: fc.double({ min: 0, max: 1, noNaN: true }),
          points: weights,
        }),
        fc.record({
          id: fc.constant('d'),
          when: fc.constant('indicator-failed' as const),
          indicator: fc.constantFrom(...INDICATOR_IDS),
          points: weights,
        }),
      ),
      { maxLength: 4 },
    ),
  }),
  { nil: undefined },
);

const previous = fc.option(fc.constantFrom(busyPreviousReport, busyReport), { nil: undefined });

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('scoreReport properties', () => {
  it('total within 0 … maximum; maximum is the applicable automatic weights; every indicator has a reason', () => {
    fc.assert(
      fc.property(reports, rulepacks, previous, (report, rulepack, last) => {
        const card = scoreReport(report, {
          ...(rulepack ? { rulepack } : {}),
          ...(last ? { previous: last } : {}),
        });
        expect(card.total).toBeGreaterThanOrEqual(0);
        expect(card.total).toBeLessThanOrEqual(card.maximum);
        expect(card.earned).toBeLessThanOrEqual(card.maximum);
        const applicable = card.indicators.filter(
          (r) => r.mode === 'automatic' && r.status !== 'not-applicable',
        );
        expect(card.maximum).toBeCloseTo(sum(applicable.map((r) => r.weight)), 6);
        expect(card.earned).toBeCloseTo(sum(card.indicators.map((r) => r.score)), 6);
        for (const result of card.indicators) {
          expect(['pass', 'partial', 'fail', 'not-applicable']).toContain(result.status);
          expect(result.reason.zh.length).toBeGreaterThan(0);
          expect(result.reason.en.length).toBeGreaterThan(0);
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(result.weight);
          if (result.status === 'pass') expect(result.score).toBe(result.weight);
          if (result.status === 'fail' || result.status === 'not-applicable') expect(result.score).toBe(0);
          // A partial earns a share strictly between nothing and everything (weights under a point may round).
          if (result.status === 'partial' && result.weight >= 1) {
            expect(result.score).toBeGreaterThan(0);
            expect(result.score).toBeLessThan(result.weight);
          }
        }
        for (const deduction of card.deductions) {
          expect(deduction.reason.zh.length).toBeGreaterThan(0);
          expect(deduction.reason.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists every enabled indicator once, in table order', () => {
    fc.assert(
      fc.property(reports, rulepacks, (report, rulepack) => {
        const card = scoreReport(report, rulepack ? { rulepack } : {});
        const expected = INDICATOR_IDS.filter((id) => rulepack?.indicators?.[id]?.enabled !== false);
        expect(card.indicators.map((r) => r.id)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic and leaves its inputs alone', () => {
    fc.assert(
      fc.property(reports, rulepacks, previous, (report, rulepack, last) => {
        const options = { ...(rulepack ? { rulepack } : {}), ...(last ? { previous: last } : {}) };
        const before = structuredClone(report);
        const first = scoreReport(report, options);
        expect(scoreReport(structuredClone(report), options)).toEqual(first);
        expect(report).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('scores the same from its own evaluation of SCORED_RULES as from every rule evaluated by the caller', () => {
    fc.assert(
      fc.property(reports, rulepacks, previous, (report, rulepack, last) => {
        const options = { ...(rulepack ? { rulepack } : {}), ...(last ? { previous: last } : {}) };
        const evaluations = evaluateReport(report, last ? { previous: last } : {});
        const own = scoreReport(report, options);
        expect(scoreReport(report, { ...options, evaluations })).toEqual(own);
        const scored = evaluateReport(report, { rules: SCORED_RULES, ...(last ? { previous: last } : {}) });
        expect(scoreReport(report, { ...options, evaluations: scored })).toEqual(own);
        const checked = evaluateReport(report, { passes: SCORED_RULES, ...(last ? { previous: last } : {}) });
        expect(scoreReport(report, { ...options, evaluations: checked })).toEqual(own);
      }),
      { numRuns: 100 },
    );
  });

  it('national weights of the applicable indicators sum to the maximum, 100 with everything applicable', () => {
    const card = scoreReport(busyReport, { previous: busyPreviousReport });
    expect(sum(card.indicators.map((r) => r.weight))).toBe(100);
    expect(card.maximum).toBe(100);
  });
});
