import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnitList, type UnitListResult } from './units.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function units(result: UnitListResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message.en).join('; '));
  return result.units;
}

function errors(result: UnitListResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => [e.line, e.column, e.message.en]);
}

/** GBK bytes of a few characters, by their code points in GB2312 (the decoder is the platform's, not ours). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0xb0; hi <= 0xf7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? []));
  }
  return new Uint8Array(out);
}

describe('parseUnitList', () => {
  it('reads a Chinese header with BOM, quotes, kinds, levels, 本级 and unknown columns', () => {
    const csv =
      '\uFEFF单位名称,统一社会信用代码,层级,类型,本级,备注\r\n' +
      '平潭县人民政府,11350100MB0000001X,县级,人民政府,是,\r\n' +
      '"平潭县自然资源局, 规划",113501,县级,部门,否,新设\r\n\r\n' +
      '平潭县教育局,,县级,,,\r\n';
    const result = parseUnitList(utf8(csv));
    expect(result.ok && result.encoding).toBe('UTF-8');
    expect(units(result)).toEqual([
      {
        name: '平潭县人民政府',
        key: '平潭县',
        code: '11350100MB0000001X',
        level: '县级',
        kind: 'government',
        own: true,
        line: 2,
      },
      {
        name: '平潭县自然资源局, 规划',
        key: '平潭县自然资源局,规划',
        code: '113501',
        level: '县级',
        kind: 'department',
        extra: { 备注: '新设' },
        line: 3,
      },
      { name: '平潭县教育局', key: '平潭县教育局', level: '县级', line: 5 },
    ]);
  });

  it('reads GBK (what Excel saves on a Chinese Windows) and an English header, and tab-separated lists', () => {
    const result = parseUnitList(gbk('name,kind\n平潭县教育局,department\n'));
    expect(result.ok && result.encoding).toBe('GB18030');
    expect(units(result).map((u) => [u.name, u.kind])).toEqual([['平潭县教育局', 'department']]);
    expect(units(parseUnitList(utf8('名称\t代码\n教育局\t1\n'))).map((u) => u.code)).toEqual(['1']);
  });

  it('reads aliases (别名), separated by 、 or ;, and refuses one that names another unit', () => {
    const read = units(
      parseUnitList(utf8('名称,别名\n上海市科学技术委员会,上海市科委、 市科委\n上海市教委,\n')),
    );
    expect(read[0]?.aliases).toEqual(['上海市科委', '市科委']);
    expect(read[1]?.aliases).toBeUndefined();
    expect(errors(parseUnitList(utf8('名称,别名\n上海市科学技术委员会,上海市教委\n上海市教委,\n')))).toEqual([
      [3, 1, 'line 3, column 1: “上海市教委” repeats line 2'],
    ]);
    expect(errors(parseUnitList(utf8('名称,别名\n甲局,\n乙局,甲局\n')))).toEqual([
      [3, 4, 'line 3, column 4: the alias “甲局” repeats line 2'],
    ]);
  });

  it('locates every problem by line and column', () => {
    expect(errors(parseUnitList(utf8('代码,类型\n1,部门\n')))).toEqual([
      [1, 1, 'line 1: the header has no name column (one of 名称, 单位名称, 机关名称 or name)'],
    ]);
    expect(
      errors(
        parseUnitList(utf8('名称,类型,本级\n教育局,局,是\n,部门,否\n教育局 ,部门,x\n县政府,人民政府,是\n')),
      ),
    ).toEqual([
      [2, 5, 'line 2, column 5: the kind “局” must be 人民政府/government, 部门/department or 其他/other'],
      [3, 1, 'line 3, column 1: the name is empty'],
      [4, 1, 'line 4, column 1: “教育局” repeats line 2'],
      [4, 9, 'line 4, column 9: the 本级 (own) column must be 是/yes or 否/no, got “x”'],
      [5, 10, 'line 5, column 10: line 2 is already marked 本级 (own); only one can be'],
    ]);
    expect(errors(parseUnitList(utf8('名称\n"教育局\n')))[0]?.slice(0, 2)).toEqual([2, 1]);
    expect(errors(parseUnitList(new Uint8Array([0xff, 0xfe, 0x41, 0])))[0]?.[2]).toContain('UTF-16');
    expect(errors(parseUnitList(new Uint8Array([0xff, 0x41])))[0]?.[2]).toContain('neither UTF-8 nor GBK');
    expect(errors(parseUnitList(utf8('名称\n')))[0]?.[2]).toBe('the unit list has a header but no units');
    expect(errors(parseUnitList(utf8('')))[0]?.[2]).toBe('the unit list is empty');
  });

  it('reads back any list of distinct names it is given as CSV, quoted or not', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() !== '' && ![...s].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, {
          minLength: 1,
          maxLength: 8,
          selector: (s) => s.normalize('NFKC').replace(/\s+/gu, ''),
        }),
        fc.boolean(),
        (names, bom) => {
          const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
          const csv = `${bom ? '\uFEFF' : ''}name\r\n${names.map(quote).join('\r\n')}\r\n`;
          const read = parseUnitList(utf8(csv));
          // The (NFKC-)same name twice is refused; otherwise every name comes back, trimmed.
          if (!read.ok)
            return (
              new Set(names.map((n) => n.trim().normalize('NFKC').replace(/\s+/gu, ''))).size < names.length
            );
          return JSON.stringify(read.units.map((u) => u.name)) === JSON.stringify(names.map((n) => n.trim()));
        },
      ),
    );
  });
});
