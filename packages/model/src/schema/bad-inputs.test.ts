// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { copy, renamed, without, withValue } from '../../test/support/json-edit.js';
import { blankReport } from '../fixtures/blank.js';
import { seedReport } from '../fixtures/seed.js';
import { reportJsonSchema } from './json-schema.js';
import { parseReport } from './parse.js';

/*
 * One table of bad inputs, checked twice: parseReport must report exactly the listed problems (path,
 * code, wording), and the JSON Schema generated from the same zod schema must reject the same inputs.
 */

interface Expected {
  path: string;
  code: string;
  /** Fragments the English message must contain. */
  en: string[];
  /** Fragments the Chinese message must contain. */
  zh?: string[];
}

interface BadCase {
  name: string;
  input: unknown;
  errors: Expected[];
  /** false for inputs JSON cannot carry (NaN, Infinity): the JSON Schema is not asked about them. */
  json?: boolean;
}

const seed: unknown = seedReport;
const set = (path: string, value: unknown): unknown => withValue(seed, path, value);
const cell = 't3.received.naturalPerson';
const block = 'sections.overview[1]';

const cases: BadCase[] = [
  {
    name: 'a JSON array as root',
    input: [seedReport],
    errors: [
      {
        path: '',
        code: 'wrong-type',
        en: ['root must be a JSON object, got an array'],
        zh: ['根节点应为 JSON 对象，实为数组'],
      },
    ],
  },
  {
    name: 'a string as root',
    input: 'report',
    errors: [{ path: '', code: 'wrong-type', en: ['root must be a JSON object, got "report"'] }],
  },
  { name: 'null as root', input: null, errors: [{ path: '', code: 'wrong-type', en: ['got null'] }] },
  {
    name: 'formatVersion missing',
    input: without(seed, 'formatVersion'),
    errors: [
      {
        path: 'formatVersion',
        code: 'format-version',
        en: ['missing', '"formatVersion": "2021"'],
        zh: ['缺少'],
      },
    ],
  },
  {
    name: 'formatVersion "2019"',
    input: set('formatVersion', '2019'),
    errors: [
      {
        path: 'formatVersion',
        code: 'format-version',
        en: ['2019 report format', 'not supported for rendering or checking', 'importer'],
        zh: ['2019 年版', '不支持渲染或校验', '导入工具'],
      },
    ],
  },
  {
    name: 'formatVersion "2020"',
    input: set('formatVersion', '2020'),
    errors: [{ path: 'formatVersion', code: 'format-version', en: ['must be "2021"', 'got "2020"'] }],
  },
  {
    name: 'formatVersion as a number',
    input: set('formatVersion', 2021),
    errors: [{ path: 'formatVersion', code: 'format-version', en: ['got 2021', 'write "2021" in quotes'] }],
  },
  ...(['meta', 't2', 't3', 't4'] as const).map(
    (key): BadCase => ({
      name: `${key} missing`,
      input: without(seed, key),
      errors: [
        {
          path: key,
          code: 'missing',
          en: [`the key "${key}" is required at the top level`],
          zh: ['缺少必填项', '顶层'],
        },
      ],
    }),
  ),
  {
    name: 'a t3 row missing',
    input: without(seed, 't3.received'),
    errors: [
      {
        path: 't3.received',
        code: 'missing',
        en: ['the key "received" is required in t3'],
        zh: ['t3 中须有 "received"'],
      },
    ],
  },
  {
    name: 'a t3 cell missing',
    input: without(seed, 't3.results.withheld.stateSecret.total'),
    errors: [
      {
        path: 't3.results.withheld.stateSecret.total',
        code: 'missing',
        en: ['the key "total" is required in t3.results.withheld.stateSecret'],
      },
    ],
  },
  {
    name: 'a t4 group missing',
    input: without(seed, 't4.litigationDirect'),
    errors: [{ path: 't4.litigationDirect', code: 'missing', en: ['required in t4'] }],
  },
  {
    name: 'a unit typed into a cell: "12件"',
    input: set(cell, '12件'),
    errors: [
      {
        path: cell,
        code: 'not-a-count',
        en: ['t3.received.naturalPerson: must be a non-negative integer, got "12件"', 'write the number 12'],
        zh: ['t3.received.naturalPerson：应为非负整数，实为 "12件"', '12'],
      },
    ],
  },
  {
    name: 'full-width digits "１２"',
    input: set(cell, '１２'),
    errors: [
      {
        path: cell,
        code: 'not-a-count',
        en: ['got "１２"', 'full-width digits', 'write 12'],
        zh: ['全角', '12'],
      },
    ],
  },
  {
    name: 'a number in quotes "12"',
    input: set(cell, '12'),
    errors: [
      {
        path: cell,
        code: 'not-a-count',
        en: ['got "12"', 'number in quotes', 'write 12 without the quotes'],
        zh: ['引号'],
      },
    ],
  },
  {
    name: 'thousands separators "1,234"',
    input: set('t3.received.total', '1,234'),
    errors: [
      { path: 't3.received.total', code: 'not-a-count', en: ['write 1234 without thousands separators'] },
    ],
  },
  {
    name: 'a blank mark "/" instead of null',
    input: set('t4.review.upheld', '/'),
    errors: [{ path: 't4.review.upheld', code: 'not-a-count', en: ['got "/"', 'write null'], zh: ['null'] }],
  },
  {
    name: 'a negative count',
    input: set('t3.carriedOver.total', -3),
    errors: [
      {
        path: 't3.carriedOver.total',
        code: 'not-a-count',
        en: ['got -3', 'cannot be negative'],
        zh: ['不能为负'],
      },
    ],
  },
  {
    name: 'a fractional count',
    input: set('t2.licensing.decisions', 1.5),
    errors: [
      { path: 't2.licensing.decisions', code: 'not-a-count', en: ['got 1.5', 'whole number'], zh: ['整数'] },
    ],
  },
  {
    name: 'a count beyond exact integers',
    input: set('t2.rules.inForce', 2 ** 60),
    errors: [{ path: 't2.rules.inForce', code: 'not-a-count', en: ['too large'] }],
  },
  {
    name: 'a boolean in a cell',
    input: set('t4.litigationAfterReview.pending', true),
    errors: [{ path: 't4.litigationAfterReview.pending', code: 'not-a-count', en: ['got true'] }],
  },
  {
    name: 'NaN in a cell (not JSON, guarded anyway)',
    input: set(cell, Number.NaN),
    json: false,
    errors: [{ path: cell, code: 'not-a-count', en: ['got NaN', 'not a JSON number'] }],
  },
  {
    name: 'Infinity in a cell (not JSON, guarded anyway)',
    input: set('t3.results.total.total', Number.POSITIVE_INFINITY),
    json: false,
    errors: [{ path: 't3.results.total.total', code: 'not-a-count', en: ['got Infinity'] }],
  },
  {
    name: 'an amount with its unit "3.5万元"',
    input: set('t2.fees.amount', '3.5万元'),
    errors: [
      {
        path: 't2.fees.amount',
        code: 'not-an-amount',
        en: ['non-negative number of 万元', 'write the number 3.5'],
      },
    ],
  },
  {
    name: 'a negative amount',
    input: set('t2.fees.amount', -0.5),
    errors: [{ path: 't2.fees.amount', code: 'not-an-amount', en: ['got -0.5', 'cannot be negative'] }],
  },
  {
    name: 'a year before the 条例',
    input: set('meta.year', 2007),
    errors: [
      {
        path: 'meta.year',
        code: 'bad-year',
        en: ['from 2008 to 2100', 'got 2007', 'from 2008'],
        zh: ['2008'],
      },
    ],
  },
  {
    name: 'a year after 2100',
    input: set('meta.year', 2101),
    errors: [{ path: 'meta.year', code: 'bad-year', en: ['got 2101'] }],
  },
  {
    name: 'a two-digit year',
    input: set('meta.year', 22),
    errors: [{ path: 'meta.year', code: 'bad-year', en: ['write the full year, e.g. 2022'] }],
  },
  {
    name: 'a year in quotes',
    input: set('meta.year', '2022'),
    errors: [{ path: 'meta.year', code: 'bad-year', en: ['got "2022"', 'write 2022 without the quotes'] }],
  },
  {
    name: 'a year with 年',
    input: set('meta.year', '2022年'),
    errors: [{ path: 'meta.year', code: 'bad-year', en: ['write the number 2022'] }],
  },
  {
    name: 'a fractional year',
    input: set('meta.year', 2022.5),
    errors: [{ path: 'meta.year', code: 'bad-year', en: ['got 2022.5'] }],
  },
  {
    name: 'publishedAt not a real date',
    input: set('meta.publishedAt', '2023-02-29'),
    errors: [
      {
        path: 'meta.publishedAt',
        code: 'bad-date',
        en: ['real calendar date', 'no such date'],
        zh: ['不存在'],
      },
    ],
  },
  {
    name: 'publishedAt in another format',
    input: set('meta.publishedAt', '2023年1月5日'),
    errors: [{ path: 'meta.publishedAt', code: 'bad-date', en: ['YYYY-MM-DD', 'write "2023-01-05"'] }],
  },
  {
    name: 'publishedAt with a time',
    input: set('meta.publishedAt', '2023-01-05T10:00:00Z'),
    errors: [{ path: 'meta.publishedAt', code: 'bad-date', en: ['YYYY-MM-DD'] }],
  },
  {
    name: 'kind in Chinese',
    input: set('meta.kind', '人民政府'),
    errors: [
      {
        path: 'meta.kind',
        code: 'bad-value',
        en: ['one of "government", "department" or "other"', 'did you mean "government"?'],
      },
    ],
  },
  {
    name: 'kind misspelt',
    input: set('meta.kind', 'departmnet'),
    errors: [{ path: 'meta.kind', code: 'bad-value', en: ['did you mean "department"?'] }],
  },
  {
    name: 'an empty agency',
    input: set('meta.agency', ''),
    errors: [{ path: 'meta.agency', code: 'empty', en: ['must not be empty'] }],
  },
  {
    name: 'agency missing',
    input: without(seed, 'meta.agency'),
    errors: [{ path: 'meta.agency', code: 'missing', en: ['required in meta'] }],
  },
  {
    name: 'a phone number as a number',
    input: set('meta.contact.phone', 9516891008),
    errors: [{ path: 'meta.contact.phone', code: 'wrong-type', en: ['must be a string'] }],
  },
  {
    name: 'a misspelt row key',
    input: renamed(seed, 't3.received', 'recieved'),
    errors: [
      { path: 't3.received', code: 'missing', en: ['required in t3', 'found "recieved" — a typo?'] },
      {
        path: 't3.recieved',
        code: 'unknown-key',
        en: ['unknown key "recieved" in t3', 'did you mean "received"?'],
        zh: ['是否应为 "received"'],
      },
    ],
  },
  {
    name: 'a snake_case column key',
    input: renamed(seed, 't3.received.naturalPerson', 'natural_person'),
    errors: [
      { path: 't3.received.naturalPerson', code: 'missing', en: ['required in t3.received'] },
      { path: 't3.received.natural_person', code: 'unknown-key', en: ['did you mean "naturalPerson"?'] },
    ],
  },
  {
    name: 'an extra top-level key',
    input: set('comment', 'draft'),
    errors: [
      {
        path: 'comment',
        code: 'unknown-key',
        en: ['unknown key "comment" at the top level', 'allowed keys: formatVersion, meta'],
      },
    ],
  },
  {
    name: 'an extra key in meta.contact',
    input: set('meta.contact.fax', '0951-1'),
    errors: [
      {
        path: 'meta.contact.fax',
        code: 'unknown-key',
        en: ['allowed keys: phone, address, postcode, email'],
      },
    ],
  },
  {
    name: 'a key that needs quoting in the path',
    input: set('t4.review["a.b"]', 1),
    errors: [{ path: 't4.review["a.b"]', code: 'unknown-key', en: ['unknown key "a.b" in t4.review'] }],
  },
  {
    name: 'a "__proto__" key from JSON text',
    input: JSON.parse(JSON.stringify(seedReport).replace('{', '{"__proto__": {"formatVersion": "2021"},')),
    errors: [{ path: '__proto__', code: 'unknown-key', en: ['unknown key "__proto__" at the top level'] }],
  },
  {
    name: 'a misspelt section',
    input: renamed(seed, 'sections.overview', 'overveiw'),
    errors: [{ path: 'sections.overveiw', code: 'unknown-key', en: ['did you mean "overview"?'] }],
  },
  {
    name: 'a t3 row written as an array',
    input: set('t3.carriedOver', [0, 0, 0, 0, 0, 0, 0]),
    errors: [
      {
        path: 't3.carriedOver',
        code: 'wrong-type',
        en: ['must be an object with keys naturalPerson', 'not an array'],
      },
    ],
  },
  {
    name: 't2 as a number',
    input: set('t2', 0),
    errors: [
      { path: 't2', code: 'wrong-type', en: ['must be an object with keys rules, normativeDocs', 'got 0'] },
    ],
  },
  {
    name: 'preamble as a string',
    input: set('preamble', '根据……'),
    errors: [{ path: 'preamble', code: 'wrong-type', en: ['must be an array', 'put the items in [ ]'] }],
  },
  {
    name: 'a number in the preamble',
    input: set('preamble[0]', 1),
    errors: [{ path: 'preamble[0]', code: 'wrong-type', en: ['must be a string, got 1'] }],
  },
  {
    name: 'heading level 5',
    input: set(`${block}.level`, 5),
    errors: [{ path: `${block}.level`, code: 'bad-value', en: ['must be 2, 3 or 4', 'got 5'] }],
  },
  {
    name: 'heading level 1',
    input: set(`${block}.level`, 1),
    errors: [
      { path: `${block}.level`, code: 'bad-value', en: ['level 1 (一、…) is implied by the section'] },
    ],
  },
  {
    name: 'heading level in quotes',
    input: set(`${block}.level`, '2'),
    errors: [{ path: `${block}.level`, code: 'bad-value', en: ['write 2 without the quotes'] }],
  },
  {
    name: 'a heading without text',
    input: without(seed, `${block}.text`),
    errors: [{ path: `${block}.text`, code: 'missing', en: ['required in sections.overview[1]'] }],
  },
  {
    name: 'a heading with a lead',
    input: set(`${block}.lead`, '加粗'),
    errors: [{ path: `${block}.lead`, code: 'unknown-key', en: ['allowed keys: type, level, text'] }],
  },
  {
    name: 'a paragraph text that is not a string',
    input: set('sections.overview[0].text', 42),
    errors: [{ path: 'sections.overview[0].text', code: 'wrong-type', en: ['must be a string, got 42'] }],
  },
  {
    name: 'a paragraph lead that is not a string',
    input: set('sections.overview[13].lead', true),
    errors: [{ path: 'sections.overview[13].lead', code: 'wrong-type', en: ['must be a string, got true'] }],
  },
  {
    name: 'a block type abbreviated',
    input: set('sections.problems[0].type', 'para'),
    errors: [
      {
        path: 'sections.problems[0].type',
        code: 'bad-value',
        en: ['must be "heading" or "paragraph"', 'did you mean "paragraph"?'],
      },
    ],
  },
  {
    name: 'a block without type',
    input: without(seed, 'sections.other[1].type'),
    errors: [{ path: 'sections.other[1].type', code: 'missing', en: ['every block needs a "type"'] }],
  },
  {
    name: 'a block written as a bare string',
    input: set('sections.other[0]', '(一)政务公开工作要点完成情况。'),
    errors: [
      {
        path: 'sections.other[0]',
        code: 'wrong-type',
        en: ['must be a block object', 'write a paragraph as {"type": "paragraph"'],
      },
    ],
  },
  {
    name: 'several problems at once',
    input: withValue(
      withValue(without(seed, 'meta.year'), 't3.received.total', '5件'),
      't4.review.other',
      -1,
    ),
    errors: [
      { path: 'meta.year', code: 'missing', en: ['required in meta'] },
      { path: 't3.received.total', code: 'not-a-count', en: ['got "5件"'] },
      { path: 't4.review.other', code: 'not-a-count', en: ['got -1'] },
    ],
  },
];

/** Documents both parseReport and the JSON Schema must accept. */
const validCases: { name: string; input: unknown }[] = [
  { name: 'the seed', input: seedReport },
  { name: 'a blank report', input: blankReport() },
  {
    name: 'a blank report for a department',
    input: blankReport({ agency: '某某市财政局', kind: 'department', year: 2008 }),
  },
  { name: 'null cells', input: withValue(withValue(seed, cell, null), 't2.fees.amount', null) },
  { name: 'a decimal amount', input: set('t2.fees.amount', 3.25) },
  { name: 'a publication date', input: set('meta.publishedAt', '2024-02-29') },
  { name: 'no narrative', input: without(without(seed, 'sections'), 'preamble') },
  { name: 'empty sections', input: set('sections', {}) },
  { name: 'a level-4 heading', input: set(`${block}.level`, 4) },
  { name: 'year 2100', input: set('meta.year', 2100) },
];

describe('parseReport on bad inputs', () => {
  it.each(cases)('$name', ({ input, errors: expected }) => {
    const result = parseReport(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.code])).toEqual(expected.map((e) => [e.path, e.code]));
    result.errors.forEach((error, i) => {
      const want = expected[i] as Expected;
      for (const fragment of want.en) expect(error.message.en).toContain(fragment);
      for (const fragment of want.zh ?? []) expect(error.message.zh).toContain(fragment);
      // Both languages name the path first.
      if (error.path !== '') {
        expect(error.message.en.startsWith(`${error.path}: `)).toBe(true);
        expect(error.message.zh.startsWith(`${error.path}：`)).toBe(true);
      }
    });
  });

  it('gives the exact wording of the contract example', () => {
    const result = parseReport(set(cell, '12件'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message.en).toMatch(
      /^t3\.received\.naturalPerson: must be a non-negative integer, got "12件"(;|$)/,
    );
    expect(result.errors[0]?.message.zh).toMatch(
      /^t3\.received\.naturalPerson：应为非负整数，实为 "12件"(，|$)/,
    );
  });
});

describe('parseReport on valid inputs', () => {
  it.each(validCases)('accepts $name and returns the same data', ({ input }) => {
    const result = parseReport(input);
    expect(result).toEqual({ ok: true, report: input });
  });

  it('keeps null cells null and zero cells zero (no coercion)', () => {
    const input = withValue(seed, cell, null);
    const result = parseReport(input);
    expect(result.ok && result.report.t3.received.naturalPerson).toBeNull();
    expect(result.ok && result.report.t3.received.total).toBe(0);
  });

  it('does not change its input', () => {
    const input = copy(seed);
    parseReport(input);
    expect(input).toEqual(seedReport);
  });
});

describe('reportJsonSchema agrees with parseReport', () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, validateFormats: false });
  const validate = ajv.compile(reportJsonSchema());

  it.each(validCases)('accepts $name', ({ input }) => {
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(cases.filter((c) => c.json !== false))('rejects $name', ({ input }) => {
    expect(validate(input)).toBe(false);
  });
});
