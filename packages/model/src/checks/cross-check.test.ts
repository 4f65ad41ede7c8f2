import { describe, expect, it } from 'vitest';
import { busyReport, failingFixtures } from '../fixtures/index.js';
import { statutoryLayout } from '../tables/cells.js';
import { evaluateReport } from './check.js';
import { crossCheckRows } from './cross-check.js';
import { RULES } from './rules.js';

const balance = failingFixtures.find((f) => f.rule === 't3-balance');
if (!balance) throw new Error('no failing fixture for t3-balance');

describe('crossCheckRows', () => {
  it('puts one row per arithmetic rule of the table, each check under its columns', () => {
    const rows = crossCheckRows(statutoryLayout('t3'), evaluateReport(busyReport));
    expect(rows.map((r) => [r.rule.id, r.mode])).toEqual([
      ['t3-balance', 'columns'],
      ['t3-results-total', 'columns'],
      ['t3-row-total', 'summary'],
    ]);
    expect(rows[0]?.cells.map((c) => [c.col, c.colSpan])).toEqual([3, 4, 5, 6, 7, 8, 9].map((c) => [c, 1]));
    expect(rows.every((r) => r.passed === r.total)).toBe(true);
    const t4 = crossCheckRows(statutoryLayout('t4'), evaluateReport(busyReport));
    expect(t4[0]?.cells.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 5],
      [5, 5],
      [10, 5],
    ]);
  });

  it('shows the two sides in the statute’s words', () => {
    const rows = crossCheckRows(statutoryLayout('t3'), evaluateReport(balance.report));
    const text = rows[0]?.cells[0]?.items[0]?.text ?? '';
    expect(text).toMatch(/^一\+二 = \d+ · （七）\+四 = \d+$/);
  });

  it('only uses rules the model lists for the table', () => {
    const ids = crossCheckRows(statutoryLayout('t3'), evaluateReport(busyReport)).map((r) => r.rule.id);
    for (const id of ids) expect(RULES.find((r) => r.id === id)?.scope).toBe('t3');
  });
});
