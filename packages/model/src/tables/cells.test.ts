import { describe, expect, it } from 'vitest';
import type { Report } from '../types.js';
import { T3_COLUMN_KEYS, T4_COLUMN_KEYS, T4_GROUP_KEYS } from '../types.js';
import {
  cellLabel,
  cellName,
  describeCell,
  readCell,
  statutoryCells,
  statutoryLayout,
  writeCell,
} from './cells.js';

const tables = (): Pick<Report, 't2' | 't3' | 't4'> => {
  const row = () => Object.fromEntries(T3_COLUMN_KEYS.map((k) => [k, 0]));
  const group = () => Object.fromEntries(T4_COLUMN_KEYS.map((k) => [k, 0]));
  return JSON.parse(
    JSON.stringify({
      t2: {
        rules: { issued: 1, repealed: 2, inForce: 3 },
        normativeDocs: { issued: 0, repealed: 0, inForce: 0 },
        licensing: { decisions: 0 },
        penalties: { decisions: 0 },
        coercion: { decisions: 0 },
        fees: { amount: 1.5 },
      },
      t3: {
        received: row(),
        carriedOver: row(),
        results: {
          disclosed: row(),
          partlyDisclosed: row(),
          withheld: { stateSecret: { ...row(), naturalPerson: null } },
          total: row(),
        },
        carriedForward: row(),
      },
      t4: Object.fromEntries(T4_GROUP_KEYS.map((g) => [g, group()])),
    }),
  );
};

describe('statutory cell catalog', () => {
  it('has 200 cells: 表二 10, 表三 25 rows × 7, 表四 3 × 5, with unique addresses', () => {
    const cells = statutoryCells();
    expect(cells).toHaveLength(200);
    expect(cells.filter((c) => c.table === 't2')).toHaveLength(10);
    expect(cells.filter((c) => c.table === 't3')).toHaveLength(175);
    expect(cells.filter((c) => c.table === 't4')).toHaveLength(15);
    expect(new Set(cells.map((c) => c.address)).size).toBe(200);
  });

  it('describes a cell by its verbatim row and column labels', () => {
    expect(describeCell('t3.results.withheld.threeSecurities.research')).toEqual({
      address: 't3.results.withheld.threeSecurities.research',
      table: 't3',
      rowLabels: ['三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”'],
      columnLabels: ['申请人情况', '法人或其他组织', '科研机构'],
      value: 'count',
    });
    expect(describeCell('t3.results.bogus.total')).toBeUndefined();
    expect(cellLabel('t3.received.total')).toBe('一、本年新收政府信息公开申请数量 · 申请人情况 › 总计');
    expect(cellLabel('t4.review.total')).toBe('行政复议 › 总计');
    expect(cellLabel('t2.fees.amount')).toBe(
      '第二十条第（八）项 › 行政事业性收费 · 本年收费金额（单位：万元）',
    );
    expect(cellLabel('nope')).toBe('nope');
  });

  it('names a cell as staff say it: ordinals of the outer rows, the inner row, the unique end of the column', () => {
    expect(cellName('t3.results.total.naturalPerson')).toBe('三、（七）总计 · 自然人');
    expect(cellName('t3.results.withheld.stateSecret.commercial')).toBe(
      '三、（三）1.属于国家秘密 · 商业企业',
    );
    expect(cellName('t3.received.total')).toBe('一、本年新收政府信息公开申请数量 · 总计');
    expect(cellName('t2.rules.issued')).toBe('第二十条第（一）项 规章 · 本年制发件数');
    expect(cellName('t4.litigationDirect.upheld')).toBe('未经复议直接起诉 › 结果维持');
    expect(cellName('t4.review.total')).toBe('行政复议 › 总计');
    expect(cellName('meta.year')).toBe('meta.year');
    // Short, yet never ambiguous: no two cells of a table share a name.
    for (const table of ['t2', 't3', 't4'] as const) {
      const names = statutoryCells()
        .filter((cell) => cell.table === table)
        .map((cell) => cellName(cell.address));
      expect(new Set(names).size, table).toBe(names.length);
    }
  });

  it('reads numbers and nulls, and tells a missing path from a blank cell', () => {
    const report = tables();
    expect(readCell(report, 't2.fees.amount')).toBe(1.5);
    expect(readCell(report, 't3.results.withheld.stateSecret.naturalPerson')).toBeNull();
    expect(readCell(report, 't3.results.withheld.processInfo.naturalPerson')).toBeUndefined();
    expect(readCell(report, 't2.rules')).toBeUndefined();
  });

  it('writes a copy, sharing untouched branches and leaving the input unchanged', () => {
    const report = tables();
    const before = JSON.stringify(report);
    const next = writeCell(report, 't3.results.withheld.processInfo.commercial', 4);
    expect(JSON.stringify(report)).toBe(before);
    expect(readCell(next, 't3.results.withheld.processInfo.commercial')).toBe(4);
    expect(next.t2).toBe(report.t2);
    expect(next.t3.received).toBe(report.t3.received);
    expect(() => writeCell(report, 't3.results.nothing.total', 1)).toThrow(/not a statutory cell/);
  });

  it('computes each statutory layout once per process', () => {
    expect(statutoryLayout('t3')).toBe(statutoryLayout('t3'));
  });
});
