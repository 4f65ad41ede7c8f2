import { describe, expect, it } from 'vitest';
import { checkReport } from './checks/check.js';
import { busyReport } from './fixtures/busy.js';
import { seedReport } from './fixtures/seed.js';
import { parseReportJson } from './schema/parse.js';
import { growth, MAX_GROWTH } from './test-support/scaling.js';
import type { Block, Report } from './types.js';

/*
 * The whole of `nianbao validate` (parseReportJson, then checkReport on what it accepts) is linear in its input for
 * the shapes a large or hostile report takes: a narrative of many paragraphs, one huge paragraph, long strings
 * with escapes, many numbers written as text, nesting up to the depth limit. For an input 8 times the size, the
 * time grows at most MAX_GROWTH times; a failing ratio names the reader and the shape.
 */

const PARAGRAPH =
  '本年度新收政府信息公开申请 596 件，上年结转 3 件，予以公开 40 件，结转下年度继续办理 2 件。未发生行政复议。（一）主动公开 12 条，收到留言 94 条。';

function withSections(report: Report, overview: Block[]): Report {
  return { ...report, sections: { ...report.sections, overview } } as Report;
}

/** validate as the CLI runs it: parse the text, check what it accepts. */
function validate(text: string): unknown {
  const parsed = parseReportJson(text);
  return parsed.ok ? checkReport(parsed.report) : parsed.errors;
}

const shapes: { reader: string; make: (n: number) => string; run: (input: string) => unknown; n: number }[] =
  [
    {
      reader: 'validate: a narrative of many paragraphs (parse + checker)',
      make: (n) =>
        JSON.stringify(
          withSections(
            busyReport,
            Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, text: `${i}${PARAGRAPH}` })),
          ),
        ),
      run: validate,
      n: 100,
    },
    {
      reader: 'validate: one huge paragraph (parse + checker)',
      make: (n) =>
        JSON.stringify(withSections(busyReport, [{ type: 'paragraph', text: PARAGRAPH.repeat(n) }])),
      run: validate,
      n: 100,
    },
    {
      reader: 'validate: headings and lead-ins alternating with paragraphs',
      make: (n) =>
        JSON.stringify(
          withSections(
            busyReport,
            Array.from(
              { length: n },
              (_, i): Block =>
                i % 2 === 0
                  ? { type: 'heading', level: 2, text: `（${i}）主动公开情况` }
                  : { type: 'paragraph', lead: '规范网站管理。', text: PARAGRAPH },
            ),
          ),
        ),
      run: validate,
      n: 100,
    },
    {
      reader: 'JSON parser: a long string of escapes (\\u, \\n, \\")',
      make: (n) =>
        JSON.stringify({ ...seedReport, meta: { ...seedReport.meta, title: '\u0001\n"\\政'.repeat(n) } }),
      run: parseReportJson,
      n: 2000,
    },
    {
      reader: 'JSON parser: a long string in an unknown key',
      make: (n) => JSON.stringify({ ...seedReport, extra: 'x'.repeat(1000 * n) }),
      run: parseReportJson,
      n: 20,
    },
    {
      reader: 'JSON parser: many numbers written with exponents (quoted as written)',
      make: (n) =>
        `{"formatVersion":"2021","meta":{"agency":"某县","year":2024},"t2":[${Array.from({ length: n }, (_, i) => `${i}.50e0`).join(',')}]}`,
      run: parseReportJson,
      n: 2000,
    },
    {
      reader: 'JSON parser: arrays nested 200 deep, repeated (under the 256 limit)',
      make: (n) =>
        JSON.stringify({
          ...seedReport,
          extra: Array.from({ length: n }, () => JSON.parse(`${'['.repeat(200)}1${']'.repeat(200)}`)),
        }),
      run: parseReportJson,
      n: 20,
    },
    {
      reader: 'JSON parser: syntax error after a long valid prefix',
      make: (n) => `${JSON.stringify({ ...seedReport, extra: 'x'.repeat(1000 * n) }).slice(0, -1)},}`,
      run: parseReportJson,
      n: 20,
    },
  ];

describe('validate is linear in its input (time for 8n ≤ 10 × time for n)', () => {
  it('the shapes are what they say: the huge narrative passes, the broken ones are refused', () => {
    const huge = parseReportJson(shapes[0]?.make(10) ?? '');
    expect(huge.ok).toBe(true);
    const numbers = parseReportJson(shapes[5]?.make(3) ?? '');
    expect(numbers.ok).toBe(false);
    const broken = parseReportJson(shapes[7]?.make(1) ?? '');
    expect(broken.ok || broken.errors[0]?.code).toBe('json-syntax');
  });

  for (const shape of shapes) {
    it(shape.reader, () => {
      const ratio = growth(shape.run, shape.make(shape.n), shape.make(8 * shape.n));
      console.log(`${shape.reader}: ×${ratio.toFixed(1)}`);
      expect(ratio, `${shape.reader}: 8 × the input took ${ratio.toFixed(1)} × the time`).toBeLessThanOrEqual(
        MAX_GROWTH,
      );
    });
  }
});
