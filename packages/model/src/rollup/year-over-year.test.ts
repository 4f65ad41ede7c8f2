import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyPreviousReport, busyReport } from '../fixtures/index.js';
import { readCell, writeCell } from '../tables/cells.js';
import type { Report } from '../types.js';
import { compareYears, normaliseAgencyName, outcomeTotals } from './year-over-year.js';

function renamed(report: Report, agency: string): Report {
  return { ...report, meta: { ...report.meta, agency } };
}

describe('normaliseAgencyName', () => {
  it('ignores whitespace, full/half width and the 人民政府 / 政府 suffix', () => {
    const key = normaliseAgencyName('平潭县人民政府');
    expect(key).toBe('平潭县');
    for (const variant of ['平潭县 人民政府', '平潭县政府', ' 平潭县\u3000人民政府 ', '平潭县人民政府\n'])
      expect(normaliseAgencyName(variant)).toBe(key);
    expect(normaliseAgencyName('ＡＢＣ市（试点）局')).toBe('ABC市(试点)局');
  });

  it('keeps bodies apart that only share a prefix', () => {
    expect(normaliseAgencyName('平潭县人民政府办公室')).not.toBe(normaliseAgencyName('平潭县人民政府'));
    expect(normaliseAgencyName('人民政府')).toBe('人民政府');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('平', '潭', ' ', '人民政府', '政府', 'Ａ', 'a', '\u3000') }),
        (name) => {
          const once = normaliseAgencyName(name);
          expect(normaliseAgencyName(once)).toBe(once);
        },
      ),
    );
  });
});

describe('compareYears', () => {
  it('matches the busy body across years and finds its carry-over continuous', () => {
    const result = compareYears(
      [{ report: busyReport, file: '2024.json' }],
      [{ report: renamed(busyPreviousReport, ' 某市自然资源和规划局 '), file: '2023.json' }],
    );
    expect(result.unmatchedCurrent).toEqual([]);
    expect(result.unmatchedPrevious).toEqual([]);
    const [pair] = result.agencies;
    expect(pair?.file).toBe('2024.json');
    expect(pair?.previousFile).toBe('2023.json');
    expect(pair?.carryover.status).toBe('pass');
    expect(pair?.carryover.columns).toHaveLength(7);
    const before = readCell(busyPreviousReport, 't3.received.total') as number;
    const after = readCell(busyReport, 't3.received.total') as number;
    expect(pair?.received).toEqual({ before, after, change: after - before });
    expect(pair?.outcomes.map((o) => o.label.slice(0, 7))).toEqual([
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
      '（七）总计',
    ]);
    const total = pair?.outcomes.at(-1);
    expect(total?.after).toBe(readCell(busyReport, 't3.results.total.total'));
    expect(pair?.copied.map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(result.region.carryover.status).toBe('pass');
    expect(result.region.received).toEqual(pair?.received);
  });

  it('reports a broken carry-over with expected vs actual, and a copied narrative', () => {
    const broken = writeCell(busyReport, 't3.carriedOver.naturalPerson', 999);
    const copied: Report = { ...broken, sections: busyPreviousReport.sections ?? {} };
    const [pair] = compareYears([copied], [busyPreviousReport]).agencies;
    expect(pair?.carryover.status).toBe('fail');
    const column = pair?.carryover.columns.find((c) => c.status === 'fail');
    expect(column).toMatchObject({
      cell: 't3.carriedOver.naturalPerson',
      actual: 999,
      expected: readCell(busyPreviousReport, 't3.carriedForward.naturalPerson'),
    });
    expect(pair?.copied.some((c) => c.status === 'fail')).toBe(true);
  });

  it('lists unmatched reports on both sides; a repeated name matches first to first', () => {
    const result = compareYears(
      [busyReport, renamed(busyReport, '某县人民政府'), busyReport],
      [busyPreviousReport, renamed(busyPreviousReport, '某镇人民政府')],
    );
    expect(result.agencies).toHaveLength(1);
    expect(result.unmatchedCurrent.map((u) => u.agency)).toEqual(['某县人民政府', '某市自然资源和规划局']);
    expect(result.unmatchedPrevious).toEqual([{ agency: '某镇人民政府', year: 2023 }]);
  });

  it('a blank figure gives no change rather than a change from 0', () => {
    const blank = writeCell(busyReport, 't3.received.total', null);
    const [pair] = compareYears([blank], [busyPreviousReport]).agencies;
    expect(pair?.received.after).toBeNull();
    expect(pair?.received.change).toBeNull();
  });
});

describe('outcomeTotals', () => {
  it('sums each outcome category over its rows, and the categories add up to （七）总计', () => {
    const totals = outcomeTotals(busyReport);
    expect(totals.map((t) => t.key)).toEqual([
      'disclosed',
      'partlyDisclosed',
      'withheld',
      'unavailable',
      'notProcessed',
      'other',
      'total',
    ]);
    const parts = totals.slice(0, -1).reduce((sum, t) => sum + (t.value ?? 0), 0);
    expect(parts).toBe(totals.at(-1)?.value);
    expect(totals[2]?.value).toBe(
      Object.values(busyReport.t3.results.withheld).reduce((sum, row) => sum + (row.total ?? 0), 0),
    );
  });
});
