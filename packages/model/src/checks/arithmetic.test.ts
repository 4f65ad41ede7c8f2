import { describe, expect, it } from 'vitest';
import { blankReport } from '../fixtures/index.js';
import { cellLabel, describeCell, writeCell } from '../tables/cells.js';
import type { CellAddress, CellValue, Report } from '../types.js';
import { tableStructure, tableSums } from './arithmetic.js';
import { checkReport, evaluateReport } from './check.js';
import type { Finding, RuleId } from './rules.js';

/** A tables-only report (no narrative rules run), every cell 0, with some cells set. */
function report(cells: readonly [CellAddress, CellValue][] = []): Report {
  let next = blankReport({ agency: '测试机关', year: 2024 });
  for (const [address, value] of cells) next = writeCell(next, address, value);
  return next;
}

const of = (findings: Finding[], rule: RuleId) => findings.filter((finding) => finding.rule === rule);

describe('t3-balance (一 + 二 = （七）总计 + 四, per column)', () => {
  it('passes a consistent table', () => {
    const consistent = report([
      ['t3.received.naturalPerson', 5],
      ['t3.received.total', 5],
      ['t3.carriedOver.naturalPerson', 1],
      ['t3.carriedOver.total', 1],
      ['t3.results.disclosed.naturalPerson', 4],
      ['t3.results.disclosed.total', 4],
      ['t3.results.total.naturalPerson', 4],
      ['t3.results.total.total', 4],
      ['t3.carriedForward.naturalPerson', 2],
      ['t3.carriedForward.total', 2],
    ]);
    expect(checkReport(consistent)).toEqual([]);
    const passes = evaluateReport(consistent).filter((e) => e.rule === 't3-balance');
    expect(passes).toHaveLength(7);
    expect(passes.every((e) => e.status === 'pass')).toBe(true);
  });

  it('fails per column with expected/actual and the statute’s short names', () => {
    const broken = report([
      ['t3.received.naturalPerson', 81],
      ['t3.received.total', 81],
      ['t3.results.disclosed.naturalPerson', 80],
      ['t3.results.disclosed.total', 80],
      ['t3.results.total.naturalPerson', 80],
      ['t3.results.total.total', 80],
    ]);
    const findings = checkReport(broken);
    expect(findings.map((f) => f.rule)).toEqual(['t3-balance', 't3-balance']);
    const [natural, total] = findings;
    expect(natural).toEqual({
      rule: 't3-balance',
      severity: 'error',
      status: 'fail',
      cells: [
        't3.received.naturalPerson',
        't3.carriedOver.naturalPerson',
        't3.results.total.naturalPerson',
        't3.carriedForward.naturalPerson',
      ],
      expected: 81,
      actual: 80,
      message: {
        zh: '一+二 = 81，（七）总计+四 = 80（自然人）',
        en: '一+二 = 81, （七）总计+四 = 80 (自然人)',
      },
    });
    expect(total?.cells[0]).toBe('t3.received.total');
    expect(total?.message.zh).toBe('一+二 = 81，（七）总计+四 = 80（总计）');
  });

  it('is uncertain, without expected/actual, when a cell it reads is blank', () => {
    const findings = checkReport(report([['t3.carriedOver.research', null]]));
    const balance = of(findings, 't3-balance');
    expect(balance).toHaveLength(1);
    expect(balance[0]?.status).toBe('uncertain');
    expect(balance[0]?.severity).toBe('error');
    expect(balance[0]).not.toHaveProperty('expected');
    expect(balance[0]?.message.zh).toContain(cellLabel('t3.carriedOver.research'));
    // The same blank cell makes the row total uncertain too, and is itself reported as blank.
    expect(of(findings, 't3-row-total').map((f) => f.status)).toEqual(['uncertain']);
    expect(of(findings, 'cell-blank').map((f) => f.cells)).toEqual([['t3.carriedOver.research']]);
    expect(findings.some((f) => f.status === 'fail' && f.rule !== 'cell-blank')).toBe(false);
  });
});

describe('t3-results-total (（七）总计 = the 21 result rows, per column)', () => {
  it('fails when a result row is left out of （七）总计', () => {
    const broken = report([
      ['t3.results.notProcessed.duplicate.commercial', 2],
      ['t3.results.notProcessed.duplicate.total', 2],
      ['t3.received.commercial', 2],
      ['t3.received.total', 2],
    ]);
    const findings = checkReport(broken);
    // （七）总计 says 0 in 商业企业 and 总计, and so does the balance's right side.
    expect(of(findings, 't3-results-total').map((f) => [f.cells.at(-1), f.expected, f.actual])).toEqual([
      ['t3.results.total.commercial', 2, 0],
      ['t3.results.total.total', 2, 0],
    ]);
    expect(of(findings, 't3-results-total')[0]?.cells).toHaveLength(22);
    expect(of(findings, 't3-results-total')[0]?.message.zh).toBe(
      '三、本年度办理结果各项之和 = 2，（七）总计 = 0（商业企业）',
    );
  });

  it('is uncertain when a leaf is blank', () => {
    const findings = checkReport(report([['t3.results.other.unpaidFee.otherOrg', null]]));
    expect(of(findings, 't3-results-total').map((f) => f.status)).toEqual(['uncertain']);
  });
});

describe('t3-row-total (总计 = the six applicant columns, per row)', () => {
  it('fails in the row whose total is wrong, naming the row', () => {
    const findings = checkReport(
      report([
        ['t3.results.withheld.processInfo.legalService', 3],
        ['t3.results.withheld.processInfo.total', 2],
      ]),
    );
    const row = of(findings, 't3-row-total');
    expect(row).toHaveLength(1);
    expect(row[0]?.cells).toEqual([
      't3.results.withheld.processInfo.naturalPerson',
      't3.results.withheld.processInfo.commercial',
      't3.results.withheld.processInfo.research',
      't3.results.withheld.processInfo.publicInterest',
      't3.results.withheld.processInfo.legalService',
      't3.results.withheld.processInfo.otherOrg',
      't3.results.withheld.processInfo.total',
    ]);
    expect([row[0]?.expected, row[0]?.actual]).toEqual([3, 2]);
    expect(row[0]?.message.zh).toBe(
      '三、本年度办理结果 › （三）不予公开 › 6.属于四类过程性信息：自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 = 3，总计 = 2',
    );
  });
});

describe('t4-group-total (总计 = 维持 + 纠正 + 其他 + 尚未审结, per group)', () => {
  it('passes, fails and is uncertain per group', () => {
    const findings = checkReport(
      report([
        ['t4.review.upheld', 2],
        ['t4.review.total', 2],
        ['t4.litigationDirect.pending', 1],
        ['t4.litigationAfterReview.corrected', null],
      ]),
    );
    expect(of(findings, 't4-group-total').map((f) => [f.cells.at(-1), f.status])).toEqual([
      ['t4.litigationDirect.total', 'fail'],
      ['t4.litigationAfterReview.total', 'uncertain'],
    ]);
    const direct = of(findings, 't4-group-total')[0];
    expect(direct?.message.zh).toBe(
      '行政诉讼 › 未经复议直接起诉：结果维持+结果纠正+其他结果+尚未审结 = 1，总计 = 0',
    );
    expect([direct?.expected, direct?.actual]).toEqual([1, 0]);
  });
});

describe('cell-type', () => {
  it('fails negative and fractional counts, a negative fee, and non-numbers, one finding per table', () => {
    const broken = report([
      ['t3.received.naturalPerson', -1],
      ['t3.received.total', -1],
      ['t4.review.pending', 0.5],
      ['t4.review.total', 0.5],
      ['t2.fees.amount', -3],
    ]);
    const findings = of(checkReport(broken), 'cell-type');
    expect(findings.map((f) => f.cells)).toEqual([
      ['t2.fees.amount'],
      ['t3.received.naturalPerson', 't3.received.total'],
      ['t4.review.pending', 't4.review.total'],
    ]);
    expect(findings.every((f) => f.status === 'fail' && f.severity === 'error')).toBe(true);
    expect(findings[1]?.message.zh).toContain('应为非负整数，实为 -1');
    expect(findings[0]?.message.en).toContain('must be a non-negative number, got -3');
  });

  it('accepts a fractional fee, and still does the arithmetic on a wrong-typed number', () => {
    expect(checkReport(report([['t2.fees.amount', 12.345]]))).toEqual([]);
    const findings = checkReport(report([['t3.received.commercial', -2]]));
    // -2 is used as a number: the row total and the column balance fail, they are not uncertain.
    expect(of(findings, 't3-row-total')[0]?.status).toBe('fail');
    expect(of(findings, 't3-balance')[0]?.status).toBe('fail');
  });

  it('makes arithmetic uncertain for NaN, Infinity and strings (a report built in code)', () => {
    const broken = report([
      ['t3.received.naturalPerson', Number.NaN],
      ['t3.carriedOver.commercial', Number.POSITIVE_INFINITY],
    ]);
    (broken.t3.carriedForward as Record<string, unknown>).research = '3';
    const findings = checkReport(broken);
    expect(of(findings, 'cell-type')[0]?.cells).toEqual([
      't3.received.naturalPerson',
      't3.carriedOver.commercial',
      't3.carriedForward.research',
    ]);
    expect(of(findings, 'cell-type')[0]?.message.zh).toContain('实为 "3"');
    expect(of(findings, 't3-balance').every((f) => f.status === 'uncertain')).toBe(true);
    expect(of(findings, 'cell-blank')).toEqual([]);
  });
});

describe('cell-blank', () => {
  it('reports one finding per table listing its blank cells in cell order', () => {
    const findings = of(
      checkReport(
        report([
          ['t3.results.total.total', null],
          ['t3.received.research', null],
          ['t4.litigationDirect.other', null],
        ]),
      ),
      'cell-blank',
    );
    expect(findings.map((f) => [f.status, f.severity, f.cells])).toEqual([
      ['fail', 'warning', ['t3.received.research', 't3.results.total.total']],
      ['fail', 'warning', ['t4.litigationDirect.other']],
    ]);
    expect(findings[0]?.message.zh).toContain('2 个空白单元格');
    expect(findings[0]?.message.zh).toContain(cellLabel('t3.received.research'));
  });

  it('keeps a long list readable', () => {
    let blanks = report();
    for (const key of ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const) {
      for (const row of ['received', 'carriedOver', 'carriedForward'] as const) {
        blanks = writeCell(blanks, `t3.${row}.${key}`, null);
      }
    }
    const finding = of(checkReport(blanks), 'cell-blank')[0];
    expect(finding?.cells).toHaveLength(15);
    expect(finding?.message.zh).toContain('等 9 处');
  });
});

describe('tableSums', () => {
  it('gives every arithmetic rule instance as statutory cells: 7 + 7 column sums, one per 表三 row, one per 表四 group', () => {
    const sums = tableSums();
    const count = (rule: string): number => sums.filter((sum) => sum.rule === rule).length;
    expect(count('t3-balance')).toBe(7);
    expect(count('t3-results-total')).toBe(7);
    expect(count('t3-row-total')).toBe(tableStructure().t3Rows.length);
    expect(count('t4-group-total')).toBe(3);
    for (const sum of sums) {
      for (const cell of [...sum.left, ...sum.right]) expect(describeCell(cell), cell).toBeDefined();
      expect(sum.right.length).toBeGreaterThan(0);
    }
  });
});
