import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedReport } from '../fixtures/seed.js';
import { findJsonSyntaxError, lineColumn } from './json-text.js';
import { parseReportJson } from './parse.js';

const LIMIT = 20 * 1024 * 1024;
const seedText = JSON.stringify(seedReport, null, 2);

function onlyError(text: string): { path: string; code: string; message: { zh: string; en: string } } {
  const result = parseReportJson(text);
  if (result.ok) throw new Error('expected a failure');
  expect(result.errors).toHaveLength(1);
  return result.errors[0] as { path: string; code: string; message: { zh: string; en: string } };
}

describe('parseReportJson', () => {
  it('parses report JSON text', () => {
    expect(parseReportJson(seedText)).toEqual({ ok: true, report: seedReport });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseReportJson(`\uFEFF${seedText}`)).toEqual({ ok: true, report: seedReport });
  });

  it('reports schema problems of valid JSON like parseReport', () => {
    const result = parseReportJson('[]');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message.en).toBe('root must be a JSON object, got an array');
  });

  it.each([
    ['{"a": }', 1, 7, 'a value is missing'],
    ['{\n  "a": 1,\n}', 3, 1, 'trailing comma'],
    ['[1, 2,]', 1, 7, 'trailing comma'],
    ["{'a': 1}", 1, 2, 'double quotes'],
    ['{a: 1}', 1, 2, 'unquoted key a'],
    ['{"a": “x”}', 1, 7, 'curly quotes'],
    ['{"a"：1}', 1, 5, 'full-width punctuation'],
    ['{"a": 1，"b": 2}', 1, 8, 'full-width punctuation'],
    ['{"a": 1 "b": 2}', 1, 9, 'a missing comma?'],
    ['{"a": NaN}', 1, 7, 'NaN is not a JSON value'],
    ['{"a": True}', 1, 7, 'lower case: true'],
    ['{"a": 01}', 1, 8, 'leading zeros'],
    ['{"a": 1.}', 1, 9, 'a digit must follow the decimal point'],
    ['{"a": -x}', 1, 8, 'a digit must follow the minus sign'],
    ['{"a": nul}', 1, 10, 'expected null'],
    ['{"a": "abc', 1, 11, 'not closed'],
    ['{"a": "x\ny"}', 1, 9, 'raw control character U+000A'],
    ['{"a": "\\q"}', 1, 9, 'bad escape \\q'],
    ['{"a": "\\u12x4"}', 1, 12, 'four hex digits'],
    ['{"a": 1 // note\n}', 1, 9, 'comments'],
    ['{"a": [1, 2}', 1, 12, 'expected , or ]'],
    ['{"a": 1}}', 1, 9, 'after the end of the JSON value'],
    ['{\r\n"a":\r\n', 3, 1, 'missing }'],
    ['', 1, 1, 'empty'],
    ['{"表": "中文"\n  "b"', 2, 3, 'a missing comma?'],
    // Columns count code points: the emoji is one character, two UTF-16 units.
    ['{"😀": x}', 1, 7, 'unquoted text x'],
  ])('%j: line %i, column %i, %s', (text, line, column, hint) => {
    const error = onlyError(text);
    expect(error.code).toBe('json-syntax');
    expect(error.path).toBe('');
    expect(error.message.en).toContain(`line ${line}, column ${column}`);
    expect(error.message.en).toContain(hint);
    expect(error.message.zh).toContain(`第 ${line} 行第 ${column} 列`);
  });

  it('refuses text over 20 MB without parsing it, saying the size and the limit', () => {
    // Not JSON at all: a parse attempt would report json-syntax instead.
    const error = onlyError('x'.repeat(LIMIT + 1));
    expect(error.code).toBe('too-large');
    expect(error.message.en).toContain('20,971,521 bytes');
    expect(error.message.en).toContain('20 MB limit');
    expect(error.message.zh).toContain('20 MB');
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    const error = onlyError('中'.repeat(7_000_000)); // 7 M characters, 21 MB
    expect(error.code).toBe('too-large');
    expect(error.message.en).toContain('21,000,000 bytes');
  });

  it('parses text of exactly 20 MB', () => {
    const padded = seedText + ' '.repeat(LIMIT - new TextEncoder().encode(seedText).length);
    expect(parseReportJson(padded).ok).toBe(true);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseReportJson(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('never throws when called with a non-string from untyped code', () => {
    const call = parseReportJson as (value: unknown) => ReturnType<typeof parseReportJson>;
    expect(call(undefined).ok).toBe(false);
    expect(call(42).ok).toBe(false);
  });
});

/** A JSON text with one random edit: a character deleted, inserted or replaced. */
const editedJson = fc
  .tuple(
    fc.jsonValue().map((value) => JSON.stringify(value, null, 1)),
    fc.nat(),
    fc.constantFrom('delete', 'insert', 'replace'),
    fc.constantFrom(...',:{}[]"\'\\ \n0-.eEtfnu“，/'),
  )
  .map(([text, at, edit, ch]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'insert') return text.slice(0, i) + ch + text.slice(i);
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(editedJson, fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        const problem = findJsonSyntaxError(text);
        expect(problem === undefined).toBe(parses(text));
        if (problem) {
          expect(problem.offset).toBeGreaterThanOrEqual(0);
          expect(problem.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with V8 on the offset whenever V8 gives one', () => {
    fc.assert(
      fc.property(editedJson, (text) => {
        let position: number | undefined;
        try {
          JSON.parse(text);
        } catch (error) {
          const match = /at position (\d+)/.exec((error as Error).message);
          position = match ? Number(match[1]) : undefined;
        }
        fc.pre(position !== undefined);
        expect(findJsonSyntaxError(text)?.offset).toBe(position);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles deep nesting without recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(findJsonSyntaxError(deep)?.reason.en).toContain('missing ]');
  });
});

describe('lineColumn', () => {
  it('counts lines after \\n, \\r\\n and \\r, and columns in code points', () => {
    expect(lineColumn('ab', 1)).toEqual({ line: 1, column: 2 });
    expect(lineColumn('a\nb', 2)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('a\rb\rc', 4)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('😀x', 2)).toEqual({ line: 1, column: 2 });
  });
});
