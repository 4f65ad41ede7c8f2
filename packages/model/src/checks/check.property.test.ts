import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankReport } from '../fixtures/index.js';
import { describeCell, statutoryCells } from '../tables/cells.js';
import type { Block, CellAddress, Report } from '../types.js';
import { T3_APPLICANT_KEYS, T4_COLUMN_KEYS, T4_GROUP_KEYS } from '../types.js';
import { checkReport, evaluateReport } from './check.js';
import { completeTotals } from './complete-totals.js';
import { RULES, type RuleId } from './rules.js';

const ADDRESSES = statutoryCells().map((cell) => cell.address);
const ARITHMETIC: readonly RuleId[] = ['t3-balance', 't3-results-total', 't3-row-total', 't4-group-total'];
const SEVERITY = new Map(RULES.map((rule) => [rule.id, rule.severity]));

/** Sets a cell in place on a fresh report (tests build their own objects, so mutation is safe). */
function setIn(report: Report, address: CellAddress, value: unknown): void {
  const keys = address.split('.');
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
}

function getIn(report: Report, address: CellAddress): unknown {
  return address.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report);
}

const anyValue = fc.oneof(
  fc.nat({ max: 500 }),
  fc.constant(null),
  fc.integer({ min: -50, max: -1 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5, '12', undefined),
);

/** Text built from the phrases the scanner looks for, so random text actually exercises it. */
const FRAGMENTS = [
  '收到',
  '受理',
  '新收',
  '未收到',
  '没有',
  '无',
  '申请',
  '政府信息公开',
  '上年结转',
  '结转下年度',
  '结转',
  '件',
  '条',
  '起',
  '12',
  ' 3 ',
  '三',
  '十二',
  '予以公开',
  '不予公开',
  '其他处理',
  '无法提供',
  '行政复议',
  '行政诉讼',
  '、',
  '，',
  '。',
  '\n',
  '2024年1月1日',
  '统计',
  '处理费',
  '留言',
  '其中',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
);
const blocks: fc.Arbitrary<Block[]> = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('paragraph' as const), text }),
    fc.record({ type: fc.constant('paragraph' as const), text, lead: text }),
    fc.record({
      type: fc.constant('heading' as const),
      level: fc.constantFrom(2 as const, 3 as const),
      text,
    }),
  ),
  { maxLength: 5 },
);

const randomReport: fc.Arbitrary<Report> = fc
  .record({
    values: fc.array(anyValue, { minLength: ADDRESSES.length, maxLength: ADDRESSES.length }),
    year: fc.integer({ min: 2015, max: 2030 }),
    kind: fc.constantFrom('government' as const, 'department' as const, 'other' as const, undefined),
    publishedAt: fc.option(fc.oneof(fc.constant('2025-01-31'), fc.string({ maxLength: 12 })), {
      nil: undefined,
    }),
    title: fc.option(text, { nil: undefined }),
    preamble: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    sections: fc.option(
      fc.record({ overview: blocks, problems: blocks, other: blocks }, { requiredKeys: [] }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ values, year, kind, publishedAt, title, preamble, sections }) => {
    const report: Report = blankReport({ agency: '随机机关', year, kind, publishedAt, title });
    ADDRESSES.forEach((address, i) => {
      setIn(report, address, values[i]);
    });
    if (preamble) report.preamble = preamble;
    if (sections) report.sections = sections;
    return report;
  });

/** A report whose leaves are random counts and whose totals are derived, so every sum holds. */
const consistentReport: fc.Arbitrary<Report> = fc
  .record({
    leaves: fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 6, maxLength: 6 }), {
      minLength: 21,
      maxLength: 21,
    }),
    carriedOver: fc.array(fc.nat({ max: 20 }), { minLength: 6, maxLength: 6 }),
    carriedForward: fc.array(fc.nat({ max: 20 }), { minLength: 6, maxLength: 6 }),
    outcomes: fc.array(fc.array(fc.nat({ max: 9 }), { minLength: 4, maxLength: 4 }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ leaves, carriedOver, carriedForward, outcomes }) => {
    const report = blankReport({ agency: '随机机关', year: 2024 });
    const resultRows = ADDRESSES.filter((a) => a.startsWith('t3.results.') && a.endsWith('.naturalPerson'))
      .map((a) => a.slice(0, a.lastIndexOf('.')))
      .filter((row) => row !== 't3.results.total');
    T3_APPLICANT_KEYS.forEach((key, c) => {
      let results = 0;
      resultRows.forEach((row, r) => {
        const v = leaves[r]?.[c] ?? 0;
        setIn(report, `${row}.${key}`, v);
        results += v;
      });
      // 一 + 二 = （七） + 四 with 一 ≥ 0: 二 is capped so that 一 = （七） + 四 − 二 stays non-negative.
      const forward = carriedForward[c] ?? 0;
      const over = Math.min(carriedOver[c] ?? 0, results + forward);
      setIn(report, `t3.carriedOver.${key}`, over);
      setIn(report, `t3.carriedForward.${key}`, forward);
      setIn(report, `t3.received.${key}`, results + forward - over);
    });
    T4_GROUP_KEYS.forEach((group, g) => {
      T4_COLUMN_KEYS.slice(0, 4).forEach((key, k) => {
        setIn(report, `t4.${group}.${key}`, outcomes[g]?.[k] ?? 0);
      });
    });
    for (const address of ADDRESSES) if (describeCell(address)?.total) setIn(report, address, null);
    return completeTotals(report).report;
  });

/** The cells of 表三 and 表四 that are not totals: every one is a part of some checked sum. */
const PARTS = ADDRESSES.filter((a) => !a.startsWith('t2.') && !describeCell(a)?.total);

describe('checkReport, property-based', () => {
  it('never throws and always returns well-formed findings, whatever the cells and the text', () => {
    fc.assert(
      fc.property(randomReport, fc.option(randomReport, { nil: undefined }), (report, previous) => {
        const findings = checkReport(report, previous ? { previous } : {});
        for (const finding of findings) {
          expect(['fail', 'uncertain']).toContain(finding.status);
          expect(finding.severity).toBe(SEVERITY.get(finding.rule));
          expect(typeof finding.message.zh).toBe('string');
          expect(typeof finding.message.en).toBe('string');
          if (finding.status === 'uncertain') expect(finding).not.toHaveProperty('expected');
        }
        expect(evaluateReport(report).length).toBeGreaterThan(40);
      }),
      { numRuns: 100 },
    );
  });

  it('finds no arithmetic problem in a report whose totals were derived by completeTotals', () => {
    fc.assert(
      fc.property(consistentReport, (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('catches any non-total cell changed by a non-zero amount, naming that cell', () => {
    fc.assert(
      fc.property(
        consistentReport,
        fc.constantFrom(...PARTS),
        fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
        (report, address, delta) => {
          setIn(report, address, (getIn(report, address) as number) + delta);
          const caught = checkReport(report).filter(
            (f) => ARITHMETIC.includes(f.rule) && f.status === 'fail' && f.cells.includes(address),
          );
          expect(caught.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
