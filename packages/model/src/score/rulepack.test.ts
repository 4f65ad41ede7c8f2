import { readFileSync } from 'node:fs';
// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS } from './indicators.js';
import { nationalRulepack, resolveRulepack } from './resolve.js';
import { parseRulepack, parseRulepackJson, type RulepackResult, rulepackJsonSchema } from './rulepack.js';

const exampleText = readFileSync(new URL('./examples/suqian.json', import.meta.url), 'utf8');
const schemaText = readFileSync(new URL('./rulepack.schema.json', import.meta.url), 'utf8');

function errorsOf(result: RulepackResult): { path: string; code: string; zh: string; en: string }[] {
  if (result.ok) throw new Error('expected the rulepack to be refused');
  return result.errors.map((error) => ({ path: error.path, code: error.code, ...error.message }));
}

function pack(extra: Record<string, unknown>): Record<string, unknown> {
  return { rulepack: 1, name: 'test', ...extra };
}

const ajv = new Ajv2020.default({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(rulepackJsonSchema());

describe('the national defaults', () => {
  it('sum to 100, every indicator on and automatic', () => {
    const national = nationalRulepack();
    const weights = INDICATOR_IDS.map((id) => national.indicators[id].weight);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
    expect(INDICATOR_IDS.every((id) => national.indicators[id].enabled)).toBe(true);
    expect(INDICATOR_IDS.every((id) => national.indicators[id].mode === 'automatic')).toBe(true);
    expect(national.deadlines).toEqual({ government: '03-31', department: '01-31', other: '01-31' });
  });

  it('give every indicator a zh/en description, what it reads and a source', () => {
    for (const spec of INDICATORS) {
      expect(spec.description.zh).not.toBe('');
      expect(spec.description.en).not.toBe('');
      expect(spec.reads.length).toBeGreaterThan(0);
      expect(spec.source.basis.zh).not.toBe('');
    }
    expect(new Set(INDICATOR_IDS).size).toBe(INDICATOR_IDS.length);
  });
});

describe('the README', () => {
  it('prints the default table as INDICATORS has it: every id with its weight, in order', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Scorecard'), readme.indexOf('### Rulepacks'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual(INDICATORS.map((spec) => [spec.id, spec.weight]));
  });
});

describe('the example rulepack (宿迁-style)', () => {
  it('parses, and lays its deductions over the national weights', () => {
    const parsed = parseRulepackJson(exampleText);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const resolved = resolveRulepack(parsed.rulepack);
    expect(resolved.deductions.map((d) => [d.when, d.points])).toEqual([
      ['no-report', 2],
      ['published-after', 1],
      ['copied-over', 0.5],
    ]);
    expect(resolved.indicators.arithmetic).toEqual(nationalRulepack().indicators.arithmetic);
    expect(resolved.indicators['year-on-year'].mode).toBe('manual');
  });

  it('is valid under the JSON Schema', () => {
    expect(validate(JSON.parse(exampleText))).toBe(true);
  });
});

describe('the JSON Schema', () => {
  it('is committed as rulepack.schema.json, as generated from the zod schema', () => {
    expect(JSON.parse(schemaText)).toEqual(rulepackJsonSchema());
  });

  it('rejects what parseRulepack rejects for its shape', () => {
    const bad = [
      pack({ indicators: { arithmatic: { weight: 1 } } }),
      pack({ deductions: [{ id: 'x', when: 'late', points: 1 }] }),
      pack({ deadlines: { government: '3-31' } }),
      { name: 'no format' },
    ];
    for (const value of bad) {
      expect(parseRulepack(value).ok).toBe(false);
      expect(validate(value)).toBe(false);
    }
  });
});

describe('bad rulepacks: located zh/en errors', () => {
  it('suggests the indicator meant by a misspelt key', () => {
    const [error] = errorsOf(parseRulepack(pack({ indicators: { arithmatic: { weight: 1 } } })));
    expect(error?.path).toBe('indicators.arithmatic');
    expect(error?.code).toBe('unknown-key');
    expect(error?.en).toContain('did you mean "arithmetic"');
    expect(error?.zh).toContain('是否应为 "arithmetic"');
  });

  it('names the path of a weight of the wrong type, and of a negative one', () => {
    const errors = errorsOf(
      parseRulepack(pack({ indicators: { 'on-time': { weight: '10' }, arithmetic: { weight: -1 } } })),
    );
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ['indicators.on-time.weight', 'wrong-type'],
      ['indicators.arithmetic.weight', 'bad-value'],
    ]);
    expect(errors[0]?.zh).toContain('应为数字');
    expect(errors[1]?.en).toContain('must be at least 0');
  });

  it('explains a date that is not MM-DD, and one that does not exist', () => {
    const [format] = errorsOf(parseRulepack(pack({ deadlines: { government: '3-31' } })));
    expect(format?.path).toBe('deadlines.government');
    expect(format?.en).toContain('MM-DD');
    const [day] = errorsOf(parseRulepack(pack({ deadlines: { government: '02-30' } })));
    expect(day?.code).toBe('bad-date');
  });

  it('lists the kinds of deduction when `when` is unknown or missing', () => {
    const [unknown] = errorsOf(parseRulepack(pack({ deductions: [{ id: 'x', when: 'late', points: 1 }] })));
    expect(unknown?.path).toBe('deductions[0].when');
    expect(unknown?.en).toContain('published-after');
    const [missing] = errorsOf(parseRulepack(pack({ deductions: [{ id: 'x', points: 1 }] })));
    expect(missing?.code).toBe('missing');
  });

  it('locates a field missing from a deduction, and a duplicate id', () => {
    const errors = errorsOf(
      parseRulepack(
        pack({
          deductions: [
            { id: 'late', when: 'published-after', points: 1 },
            { id: 'copied', when: 'copied-over', ratio: 0.5, points: 1 },
          ],
        }),
      ),
    );
    expect(errors.map((error) => [error.path, error.code])).toEqual([['deductions[0].date', 'missing']]);
    const duplicate = errorsOf(
      parseRulepack(
        pack({
          deductions: [
            { id: 'late', when: 'no-report', points: 1 },
            { id: 'late', when: 'no-report', points: 2 },
          ],
          manual: [{ id: 'arithmetic', weight: 1, description: { zh: '算', en: 'sums' } }],
        }),
      ),
    );
    expect(duplicate.map((error) => error.path)).toEqual(['deductions[1].id', 'manual[0].id']);
    expect(duplicate[1]?.en).toContain('indicators.arithmetic');
  });

  it('requires the format number and a name', () => {
    const errors = errorsOf(parseRulepack({ rulepack: 2 }));
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ['rulepack', 'bad-value'],
      ['name', 'missing'],
    ]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const [error] = errorsOf(parseRulepackJson('{\n  "rulepack": 1,\n  "name": "x",\n}'));
    expect(error?.code).toBe('json-syntax');
    expect(error?.en).toContain('line 4, column 1');
    expect(error?.zh).toContain('第 4 行');
  });

  it('refuses a value that is not an object', () => {
    expect(errorsOf(parseRulepack([]))[0]?.code).toBe('wrong-type');
    expect(errorsOf(parseRulepackJson('"x"'))[0]?.code).toBe('wrong-type');
  });

  it('never throws, and every error has a path and both languages', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ rulepack: fc.constantFrom(1, 2, '1'), name: fc.string(), indicators: fc.jsonValue() }),
          fc.record({
            rulepack: fc.constant(1),
            name: fc.constant('x'),
            deductions: fc.array(fc.jsonValue()),
          }),
        ),
        (value) => {
          const result = parseRulepack(value);
          if (result.ok) return;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(typeof error.path).toBe('string');
            expect(error.message.zh).not.toBe('');
            expect(error.message.en).not.toBe('');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
