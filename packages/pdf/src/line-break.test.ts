import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  breakUnits,
  cjkHyphenationCallback,
  NO_LINE_END,
  NO_LINE_START,
  PRINTED_SPACE,
  printable,
} from './line-break.js';

describe('breakUnits', () => {
  it('breaks between Chinese characters and keeps numbers and Latin words whole', () => {
    expect(breakUnits('共印发政府文件85件')).toEqual(['共', '印', '发', '政', '府', '文', '件', '85', '件']);
    expect(breakUnits('联系方式0951-6891008。')).toEqual(['联', '系', '方', '式', '0951-6891008。']);
    expect(breakUnits('www.gov.cn网站')).toEqual(['www.gov.cn', '网', '站']);
  });

  it('glues closing punctuation to the unit before it and opening brackets to the unit after it (避头尾)', () => {
    expect(breakUnits('公开。二是')).toEqual(['公', '开。', '二', '是']);
    expect(breakUnits('按照《条例》要求，')).toEqual(['按', '照', '《条', '例》', '要', '求，']);
    expect(breakUnits('（一）主动')).toEqual(['（一）', '主', '动']);
    expect(breakUnits('“12345”便民')).toEqual(['“12345”', '便', '民']);
    expect(breakUnits('等——以及……')).toEqual(['等——', '以', '及……']);
  });

  it('handles characters outside the BMP as one unit each', () => {
    expect(breakUnits('𠮷野家𰻝')).toEqual(['𠮷', '野', '家', '𰻝']);
  });

  const text = fc
    .array(
      fc.constantFrom(
        ...Array.from('政府信息公开年度报告。，、；：？！）」』》（「『《“”2022abcX-.𠮷\u00a0'),
      ),
      { maxLength: 60 },
    )
    .map((chars) => chars.join(''));

  it('joins back to its input, never yields an empty unit, and obeys 避头尾 at every break (property)', () => {
    fc.assert(
      fc.property(text, (word) => {
        const units = breakUnits(word);
        expect(units.join('')).toBe(word);
        for (const [i, unit] of units.entries()) {
          expect(unit).not.toBe('');
          const chars = Array.from(unit);
          // A unit may only start with a no-start mark if nothing precedes it (the text itself starts so).
          if (i > 0) expect(NO_LINE_START.has(chars[0] ?? '') || chars[0] === PRINTED_SPACE).toBe(false);
          if (i < units.length - 1) expect(NO_LINE_END.has(chars[chars.length - 1] ?? '')).toBe(false);
        }
      }),
    );
  });
});

describe('cjkHyphenationCallback', () => {
  it('separates units with empty strings, which react-pdf turns into hyphen-free break points', () => {
    expect(cjkHyphenationCallback('公开。二')).toEqual(['公', '', '开。', '', '二']);
    expect(cjkHyphenationCallback('2022')).toEqual(['2022']);
    expect(cjkHyphenationCallback('')).toEqual([]);
  });
});

describe('breakLines', () => {
  const width = (s: string): number => Array.from(s).length;
  it('fills lines greedily without splitting a number or starting a line with a stop', () => {
    const lines = breakLines('全年公开信息198条。其中', 5, width);
    expect(lines.join('')).toBe('全年公开信息198条。其中');
    for (const line of lines.slice(1)) expect(NO_LINE_START.has(Array.from(line)[0] ?? '')).toBe(false);
    expect(lines.some((line) => line.includes('198'))).toBe(true);
  });
});

describe('printable', () => {
  it('turns ASCII spaces into no-break spaces that end a unit, so a line may break after them only', () => {
    expect(printable('学习 2022 年')).toBe('学习\u00a02022\u00a0年');
    expect(breakUnits(printable('学习 2022 年以来'))).toEqual([
      '学',
      '习\u00a0',
      '2022\u00a0',
      '年',
      '以',
      '来',
    ]);
    expect(breakUnits(printable('see www.gov.cn now'))).toEqual(['see\u00a0', 'www.gov.cn\u00a0', 'now']);
  });
});
