import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statutoryCells } from './cells.js';
import { CHINESE_NUMERALS, chineseNumeralValue, parseOrdinal } from './ordinals.js';

function chinese(n: number): string {
  const ones = CHINESE_NUMERALS[(n % 10) - 1] ?? '';
  if (n < 10) return ones;
  return `${n >= 20 ? CHINESE_NUMERALS[Math.floor(n / 10) - 1] : ''}十${ones}`;
}

describe('parseOrdinal', () => {
  it('reads the three forms the statute numbers with', () => {
    expect(parseOrdinal('三、本年度办理结果')).toEqual({
      kind: 'top',
      text: '三、',
      numeral: '三',
      value: 3,
    });
    expect(parseOrdinal('（七）总计')).toEqual({ kind: 'category', text: '（七）', numeral: '七', value: 7 });
    expect(parseOrdinal('1.属于国家秘密')).toEqual({ kind: 'item', text: '1.', numeral: '1', value: 1 });
    expect(parseOrdinal('规章')).toBeUndefined();
    expect(parseOrdinal('（十十）')).toBeUndefined();
  });

  it('reads every Chinese numeral from 1 to 99 and refuses malformed ones (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        expect(chineseNumeralValue(chinese(n))).toBe(n);
        expect(parseOrdinal(`（${chinese(n)}）其他`)?.value).toBe(n);
      }),
    );
    for (const bad of ['十十', '一一', '二二十', '十一二', ''])
      expect(chineseNumeralValue(bad)).toBeUndefined();
  });

  it('finds an ordinal on every numbered statutory row label', () => {
    const numbered = statutoryCells()
      .flatMap((cell) => cell.rowLabels)
      .filter((label) => /^[一二三四五六七八九十（\d]/.test(label));
    expect(numbered.length).toBeGreaterThan(10);
    for (const label of numbered) expect(parseOrdinal(label), label).toBeDefined();
  });
});
