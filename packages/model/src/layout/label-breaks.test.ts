import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statutoryLayout } from '../tables/cells.js';
import { labelBreakPoints, labelSegments } from './label-breaks.js';
import { computeColumnWidths, leastTableWidth, textWidth } from './widths.js';

const LABELS: string[] = (['t2', 't3', 't4'] as const).flatMap((id) =>
  [...statutoryLayout(id).cellsById.values()].map((c) => c.label ?? '').filter((l) => l !== ''),
);

describe('labelSegments', () => {
  it('breaks the statute’s labels between words only', () => {
    expect(labelSegments('自然人')).toEqual(['自然人']);
    expect(labelSegments('社会公益组织')).toEqual(['社会', '公益', '组织']);
    expect(labelSegments('三、本年度办理结果')).toEqual(['三、', '本年度', '办理', '结果']);
    expect(labelSegments('（三）不予公开')).toEqual(['（三）', '不予', '公开']);
    expect(labelSegments('1.属于国家秘密')).toEqual(['1.属于', '国家', '秘密']);
    expect(labelSegments('3.危及“三安全一稳定”')).toEqual(['3.危及', '“三安全', '一稳定”']);
    expect(labelSegments('本年收费金额（单位：万元）')).toEqual([
      '本年',
      '收费',
      '金额',
      '（单位：',
      '万元）',
    ]);
  });

  it('gives every statutory label back whole, never ends with one character alone, never starts a unit with closing punctuation', () => {
    for (const label of LABELS) {
      const units = labelSegments(label);
      expect(units.join('')).toBe(label);
      if (units.length > 1) expect(Array.from(units.at(-1) ?? '').length, label).toBeGreaterThan(1);
      for (const unit of units) expect('）、，：”'.includes(unit[0] ?? ''), `${label}: ${unit}`).toBe(false);
    }
  });

  it('keeps any text whole and its break points inside it (labels outside the statute too)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...Array.from('自然人社会公益组织（）、1.a本年度其他')) }),
        (text) => {
          expect(labelSegments(text).join('')).toBe(text);
          for (const at of labelBreakPoints(text)) {
            expect(at).toBeGreaterThan(0);
            expect(at).toBeLessThan(text.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('column widths from word units', () => {
  it('gives every column at least its widest word plus padding when the table has room (表二, 表三 portrait; 表四 landscape)', () => {
    for (const [id, measure] of [
      ['t2', 42],
      ['t3', 42],
      ['t4', 66],
    ] as const) {
      const layout = statutoryLayout(id);
      const cells = [...layout.cellsById.values()];
      expect(leastTableWidth(cells, layout.columnCount)).toBeLessThanOrEqual(measure);
      const widths = computeColumnWidths(cells, layout.columnCount, { measure }).map((f) => f * measure);
      for (const cell of cells) {
        if (cell.kind !== 'column-header' && cell.kind !== 'row-header') continue;
        let have = 0;
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) have += widths[c] ?? 0;
        const widest = Math.max(...labelSegments(cell.label ?? '').map(textWidth));
        expect(have + 1e-6, `${id} ${cell.label}`).toBeGreaterThanOrEqual(widest + 1.1 - 0.01);
      }
    }
  });

  it('表四 in portrait needs less padding than 1.1 em: its 15 columns do not fit 42 em otherwise', () => {
    const layout = statutoryLayout('t4');
    const cells = [...layout.cellsById.values()];
    expect(leastTableWidth(cells, layout.columnCount)).toBeGreaterThan(42);
    expect(leastTableWidth(cells, layout.columnCount, 0.55)).toBeLessThanOrEqual(42);
  });
});
