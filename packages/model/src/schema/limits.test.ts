import { describe, expect, it } from 'vitest';
import { seedReport } from '../fixtures/seed.js';
import { growth, MAX_GROWTH } from '../test-support/scaling.js';
import { numberTexts } from './json-text.js';
import { MAX_PARSE_ISSUES, parseReport, parseReportJson } from './parse.js';

/** The seed report with `n` keys the contract does not have in `meta`. */
function withUnknownKeys(n: number): string {
  const report = structuredClone(seedReport) as unknown as { meta: Record<string, unknown> };
  for (let i = 0; i < n; i++) report.meta[`extraKey${i}`] = i;
  return JSON.stringify(report);
}

function errorsOf(text: string): { path: string; code: string; message: { zh: string; en: string } }[] {
  const result = parseReportJson(text);
  if (result.ok) throw new Error('expected a failure');
  return result.errors;
}

describe('the number of reported issues is capped', () => {
  it('10,000 unknown keys: the first 100, located, then one count of the rest', () => {
    const errors = errorsOf(withUnknownKeys(10_000));
    expect(errors).toHaveLength(MAX_PARSE_ISSUES + 1);
    for (const [i, error] of errors.slice(0, MAX_PARSE_ISSUES).entries()) {
      expect(error).toMatchObject({ path: `meta.extraKey${i}`, code: 'unknown-key' });
    }
    expect(errors[MAX_PARSE_ISSUES]).toEqual({
      path: '',
      code: 'too-many-issues',
      message: {
        zh: '另有 9,900 处问题未列出（只列出前 100 处）',
        en: '9,900 more problems not listed (only the first 100 are)',
      },
    });
  });

  it('exactly 100 issues need no count', () => {
    const errors = errorsOf(withUnknownKeys(100));
    expect(errors).toHaveLength(100);
    expect(errors.every((error) => error.code === 'unknown-key')).toBe(true);
  });

  it('counts issues of every kind past the cap, once per path', () => {
    const report = structuredClone(seedReport) as unknown as {
      sections: { overview: unknown[] };
    };
    report.sections.overview = Array.from({ length: 250 }, () => ({ type: 'paragraph', text: 7 }));
    const result = parseReport(report);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(MAX_PARSE_ISSUES + 1);
    expect(errors[0]?.path).toBe('sections.overview[0].text');
    expect(errors.at(-1)?.message.en).toBe('150 more problems not listed (only the first 100 are)');
  });

  it('a typo next to many unknown keys is still suggested', () => {
    const report = structuredClone(seedReport) as unknown as { meta: Record<string, unknown> };
    const { agency, ...rest } = report.meta;
    report.meta = { ...rest, agnecy: agency };
    for (let i = 0; i < 5000; i++) report.meta[`x${i}`] = i;
    const errors = errorsOf(JSON.stringify(report));
    expect(errors.find((error) => error.path === 'meta.agnecy')?.message.en).toContain(
      'did you mean "agency"?',
    );
  });
});

describe('numbers are quoted as written', () => {
  it('2**53 + 1 in a cell is shown as typed, not as the rounded double', () => {
    const text = JSON.stringify(seedReport).replace(
      '"received":{"naturalPerson":',
      '"received":{"naturalPerson":9007199254740993,"_":',
    );
    const errors = errorsOf(text);
    const cell = errors.find((error) => error.path === 't3.received.naturalPerson');
    expect(cell?.message.en).toBe(
      't3.received.naturalPerson: must be a non-negative integer, got 9007199254740993; too large to be an exact integer',
    );
    expect(cell?.message.zh).toContain('实为 9007199254740993');
  });

  it('a number written with an exponent or trailing zeros is quoted that way', () => {
    const text = JSON.stringify(seedReport).replace('"year":2022', '"year":2.0220e3');
    expect(parseReportJson(text).ok).toBe(true);
    const bad = JSON.stringify(seedReport).replace('"year":2022', '"year":1.50e1');
    expect(errorsOf(bad).find((error) => error.path === 'meta.year')?.message.en).toContain('got 1.50e1');
  });

  it('numberTexts finds each such number by path (the last of duplicate keys wins)', () => {
    const texts = numberTexts('{"a":[1, 1.50, {"b\\"c": 1e3}], "d": 7, "d": 9007199254740993, "e": -0}');
    expect([...texts]).toEqual([
      ['a[1]', '1.50'],
      ['a[2]["b\\"c"]', '1e3'],
      ['d', '9007199254740993'],
      ['e', '-0'],
    ]);
  });
});

describe('parsing is linear in the input (time for 8n ≤ 10 × time for n)', () => {
  it('JSON parse + schema issues (unknown keys)', () => {
    const ratio = growth(parseReportJson, withUnknownKeys(1000), withUnknownKeys(8000));
    expect(
      ratio,
      `JSON parse + schema issues: 8 × the keys took ${ratio.toFixed(1)} × the time`,
    ).toBeLessThan(MAX_GROWTH);
  });

  it('JSON syntax errors (long texts, located at the end)', () => {
    const nested = (n: number): string => `[${'[1,{"a":"b"}],\n'.repeat(n)}`;
    expect(errorsOf(nested(2))[0]?.message.en).toBe(
      'JSON syntax error at line 3, column 1: unexpected end of text; missing ]',
    );
    // Unclosed 100 deep: the first 20 closers and a count, not a message as long as the text.
    expect(errorsOf('['.repeat(100))[0]?.message.en).toBe(
      `JSON syntax error at line 1, column 101: unexpected end of text; missing ${'] '.repeat(20)}… (+80)`,
    );
    const ratio = growth(parseReportJson, nested(5_000), nested(40_000));
    expect(ratio, `JSON syntax scanner: 8 × the text took ${ratio.toFixed(1)} × the time`).toBeLessThan(
      MAX_GROWTH,
    );
  });

  it('nesting deeper than 256 is refused before JSON.parse, located (V8 is super-linear there)', () => {
    expect(errorsOf(`{"a":${'['.repeat(300)}`)).toEqual([
      {
        path: '',
        code: 'too-deep',
        message: {
          zh: '第 1 行第 261 列：数组或对象嵌套超过 256 层（报告只需不到 10 层），未作解析',
          en: 'line 1, column 261: arrays or objects nested more than 256 deep (a report needs fewer than 10); it was not parsed',
        },
      },
    ]);
    // Brackets inside strings do not count.
    expect(errorsOf(JSON.stringify({ ...seedReport, x: '[{\\"'.repeat(300) }))[0]?.code).toBe('unknown-key');
    expect(errorsOf(`${'['.repeat(256)}${']'.repeat(256)}`)[0]?.code).toBe('wrong-type');
  });
});
