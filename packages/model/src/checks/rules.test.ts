import { describe, expect, it } from 'vitest';
import { busyReport, failingFixtures } from '../fixtures/index.js';
import { statutoryCells } from '../tables/cells.js';
import { tableStructure } from './arithmetic.js';
import {
  cellTable,
  KIND_BAD,
  KIND_INVALID,
  KIND_NULL,
  KIND_OK,
  newCellValues,
  readCellValues,
} from './cell-values.js';
import { checkReport, evaluateReport, isReportOk } from './check.js';
import { RULE_DEFINITIONS } from './rule-definitions.js';
import { type Finding, RULE_METADATA, RULE_ORDER, RULES, type RuleId } from './rules.js';

const ALL_IDS: readonly RuleId[] = [
  't3-balance',
  't3-results-total',
  't3-row-total',
  't4-group-total',
  'cell-type',
  'narrative-none-claim',
  'cell-blank',
  'narrative-received',
  'narrative-carried-over',
  'narrative-carried-forward',
  'narrative-outcomes',
  'narrative-review-litigation',
  'narrative-documents',
  'narrative-problems-empty',
  'narrative-fee',
  'narrative-year',
  'deadline',
  'text-characters',
  'carryover-continuity',
  'narrative-copied',
  't2-stock-flow',
  't2-rules-level',
];

describe('RULES', () => {
  it('lists every rule id once, in the documented order', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(ALL_IDS);
  });

  it('gives the severities of the issue', () => {
    const severity = Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity]));
    for (const id of [
      't3-balance',
      't3-results-total',
      't3-row-total',
      't4-group-total',
      'cell-type',
    ] as const) {
      expect(severity[id]).toBe('error');
    }
    expect(severity['narrative-none-claim']).toBe('error');
    expect(severity['t2-stock-flow']).toBe('info');
    expect(severity['t2-rules-level']).toBe('info');
    const warnings = ALL_IDS.filter((id) => severity[id] === 'warning');
    expect(warnings).toEqual([
      'cell-blank',
      'narrative-received',
      'narrative-carried-over',
      'narrative-carried-forward',
      'narrative-outcomes',
      'narrative-review-litigation',
      'narrative-documents',
      'narrative-problems-empty',
      'narrative-fee',
      'narrative-year',
      'deadline',
      'text-characters',
      'carryover-continuity',
      'narrative-copied',
    ]);
  });

  it('marks exactly the cross-year rules as needing last year’s report', () => {
    expect(RULES.filter((rule) => rule.needsPrevious).map((rule) => rule.id)).toEqual([
      'carryover-continuity',
      'narrative-copied',
      't2-stock-flow',
    ]);
  });

  it('titles every rule in Chinese and English', () => {
    for (const rule of RULES) {
      expect(rule.title.zh.length, rule.id).toBeGreaterThan(4);
      expect(rule.title.en.length, rule.id).toBeGreaterThan(4);
    }
  });
});

describe('derived rule instances', () => {
  it('has one instance per column, row and group, derived from the key lists', () => {
    const { sums, resultLeaves, t3Rows } = tableStructure();
    const count = (rule: RuleId) => sums.filter((sum) => sum.rule === rule).length;
    expect(count('t3-balance')).toBe(7);
    expect(count('t3-results-total')).toBe(7);
    expect(count('t3-row-total')).toBe(25);
    expect(count('t4-group-total')).toBe(3);
    expect(resultLeaves).toHaveLength(21);
    expect(t3Rows).toHaveLength(25);
  });

  it('names cells by statutory address only', () => {
    const addresses = new Set(statutoryCells().map((cell) => cell.address));
    for (const sum of tableStructure().sums) {
      for (const cell of sum.cells) expect(addresses.has(cell), cell).toBe(true);
    }
  });

  it('balances 一 + 二 against （七）总计 + 四 in each column', () => {
    const natural = tableStructure().sums.find((sum) => sum.rule === 't3-balance');
    expect(natural?.leftCells).toEqual(['t3.received.naturalPerson', 't3.carriedOver.naturalPerson']);
    expect(natural?.rightCells).toEqual([
      't3.results.total.naturalPerson',
      't3.carriedForward.naturalPerson',
    ]);
    expect(natural?.column).toBe('naturalPerson');
  });

  it('sums （七）总计 over the 21 result rows and nothing else', () => {
    const total = tableStructure().sums.find(
      (sum) => sum.rule === 't3-results-total' && sum.column === 'total',
    );
    expect(total?.rightCells).toEqual(['t3.results.total.total']);
    expect(total?.leftCells).toHaveLength(21);
    expect(total?.leftCells[0]).toBe('t3.results.disclosed.total');
    expect(total?.leftCells).toContain('t3.results.withheld.queryMatters.total');
    expect(total?.leftCells.at(-1)).toBe('t3.results.other.other.total');
  });
});

describe('reading cells', () => {
  it('puts every cell at its index in statutoryCells order', () => {
    // A report whose every cell holds its own index proves the reader (named property access) agrees with the catalogue.
    const report = structuredClone(busyReport);
    statutoryCells().forEach((cell, index) => {
      const keys = cell.address.split('.');
      let node = report as unknown as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[keys.at(-1) as string] = index;
    });
    const values = newCellValues();
    readCellValues(report, values);
    expect(Array.from(values.value)).toEqual(statutoryCells().map((_, index) => index));
    expect(Array.from(values.kind).every((kind) => kind === KIND_OK)).toBe(true);
  });

  it('classifies nulls, wrong numbers and non-numbers, and survives a malformed report', () => {
    const values = newCellValues();
    const { indexOf } = cellTable();
    const report = structuredClone(busyReport) as unknown as {
      t2: { fees: { amount: unknown } };
      t3: { received: Record<string, unknown>; results: Record<string, unknown> };
    };
    report.t3.received.naturalPerson = null;
    report.t3.received.commercial = -1;
    report.t3.received.research = 1.5;
    report.t3.received.publicInterest = Number.NaN;
    report.t3.received.legalService = '12';
    report.t2.fees.amount = 1.5;
    report.t3.results.withheld = undefined;
    readCellValues(report, values);
    const kind = (address: string) => values.kind[indexOf.get(address) as number];
    expect(kind('t3.received.naturalPerson')).toBe(KIND_NULL);
    expect(kind('t3.received.commercial')).toBe(KIND_BAD);
    expect(kind('t3.received.research')).toBe(KIND_BAD);
    expect(kind('t3.received.publicInterest')).toBe(KIND_INVALID);
    expect(kind('t3.received.legalService')).toBe(KIND_INVALID);
    expect(kind('t2.fees.amount')).toBe(KIND_OK);
    expect(kind('t3.results.withheld.stateSecret.total')).toBe(KIND_INVALID);
    expect(() => readCellValues(null, values)).not.toThrow();
    expect(() => checkReport({} as never)).not.toThrow();
  });
});

describe('finding order and shape', () => {
  const key = (finding: Finding): [number, number] => {
    const { indexOf } = cellTable();
    const first = finding.cells[0];
    return [RULE_ORDER.get(finding.rule) ?? 99, first === undefined ? -1 : (indexOf.get(first) ?? -1)];
  };

  it('sorts findings by rule order, then cell order', () => {
    // Several rules failing at once, in several cells.
    const broken = structuredClone(
      failingFixtures.find((f) => f.rule === 't3-balance')?.report ?? busyReport,
    );
    broken.t3.results.withheld.stateSecret.total = 5;
    broken.t2.licensing.decisions = null;
    broken.t4.review.upheld = 9;
    broken.meta.publishedAt = '2025-03-01';
    const findings = checkReport(broken);
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(5);
    const keys = findings.map(key);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });

  it('reports exactly the Finding fields, and evaluateReport includes passes', () => {
    const fixture = failingFixtures.find((f) => f.rule === 't3-balance');
    const findings = checkReport(fixture?.report ?? busyReport);
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(
        ['actual', 'cells', 'expected', 'message', 'rule', 'severity', 'status'].sort(),
      );
    }
    const evaluations = evaluateReport(fixture?.report ?? busyReport);
    expect(evaluations.filter((e) => e.status !== 'pass')).toHaveLength(findings.length);
    expect(evaluations.filter((e) => e.status === 'pass').length).toBeGreaterThan(40);
    const balance = evaluations.find((e) => e.rule === 't3-balance' && e.column === 'naturalPerson');
    expect(balance?.sides?.left.value).toBe(385);
    expect(balance?.sides?.right.value).toBe(384);
  });

  it('isReportOk is false only for an error that failed', () => {
    const base = { rule: 'cell-type' as const, cells: [], message: { zh: '', en: '' } };
    expect(isReportOk([])).toBe(true);
    expect(isReportOk([{ ...base, severity: 'error', status: 'uncertain' }])).toBe(true);
    expect(isReportOk([{ ...base, severity: 'warning', status: 'fail' }])).toBe(true);
    expect(isReportOk([{ ...base, severity: 'error', status: 'fail' }])).toBe(false);
  });
});

describe('rule metadata beside the evaluators', () => {
  it('gives every rule a distinct rank, so the reporting order is the rank order', () => {
    const ranks = RULE_DEFINITIONS.map((rule) => rule.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(RULE_DEFINITIONS.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    // The registry is the definitions without their evaluators: same rules, same metadata, same order.
    expect(RULE_METADATA).toEqual(
      RULE_DEFINITIONS.map(({ evaluate: _evaluate, reads: _reads, ...meta }) => meta),
    );
  });

  it('names in every evaluation only cells its rule says it reads (every failing fixture and busy)', () => {
    const reads = new Map(RULE_DEFINITIONS.map((rule) => [rule.id, new Set(rule.reads())]));
    const cases = [
      ...failingFixtures.map((f) => ({ report: f.report, previous: f.previous })),
      { report: busyReport, previous: undefined },
    ];
    for (const { report, previous } of cases) {
      for (const evaluation of evaluateReport(report, previous ? { previous } : {})) {
        const allowed = reads.get(evaluation.rule);
        for (const cell of evaluation.cells)
          expect(allowed?.has(cell), `${evaluation.rule}: ${cell}`).toBe(true);
      }
    }
  });
});
