import { parseReport, type Report, readCell, statutoryCells } from '@nianbao/model';
import { seedReport } from '@nianbao/model/fixtures';
import { renderReportHtml } from '@nianbao/react/server';
import fc from 'fast-check';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { capNotes, importReport, MAX_NOTES } from './import-report.js';

/** Every statutory cell of a report, by address. */
function cells(report: Report): Record<string, unknown> {
  return Object.fromEntries(statutoryCells().map((cell) => [cell.address, readCell(report, cell.address)]));
}

const seedHtml = renderReportHtml(seedReport, { fragment: true });
const TITLE = /<h1[^>]*>[\s\S]*?<\/h1>/;
/** The seed page with its title gone and every mention of its agency and year blanked out. */
const untitled = seedHtml
  .replace(TITLE, '')
  .replaceAll(seedReport.meta.agency, '本机关')
  .replace(/平罗县头闸镇|头闸镇/g, '本镇')
  .replace(/20\d{2}\s*年/g, '本年');

const FIRST_P = /<p[ >]/;
/** The page with a paragraph put before its first one (the preamble). */
function withParagraph(html: string, text: string): string {
  expect(FIRST_P.test(html)).toBe(true);
  return html.replace(FIRST_P, (p) => `<p>${text}</p>${p}`);
}

describe('meta the body states', () => {
  it('has a title to remove in the fixture page', () => {
    expect(TITLE.test(seedHtml)).toBe(true);
    expect(untitled).not.toMatch(/20\d{2}\s*年|头闸镇/);
  });

  it('reads the year from 截至N年12月31日 and from N年度 in the body', () => {
    for (const sentence of [
      '本报告统计数据截至2023年12月31日。',
      '现将2023年度政府信息公开工作情况报告如下。',
    ]) {
      const html = withParagraph(untitled, sentence);
      const result = importReport(html, { meta: { agency: '某县民政局' } });
      if (!result.ok) throw new Error(JSON.stringify(result.notes));
      expect(result.report.meta.year).toBe(2023);
    }
  });

  it('reads the agency from a body sentence', () => {
    const html = withParagraph(untitled, '本报告由某县民政局编制，统计期限截至2023年12月31日。');
    const result = importReport(html);
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    expect(result.report.meta).toMatchObject({ agency: '某县民政局', year: 2023 });
  });

  it('leaves an unknown year and agency unknown: a located zh/en note, no report, never 0 or a placeholder', () => {
    const result = importReport(untitled);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result.notes);
    expect(text).toContain('meta.year');
    expect(text).toContain('meta.agency');
    expect(text).not.toContain('未识别');
    for (const note of result.notes) expect(note.message.en).not.toBe('');
  });

  it('never returns a report that the model validator refuses (random titles, years, bodies)', () => {
    const year = fc.oneof(fc.integer({ min: 1990, max: 2110 }), fc.constant(2023));
    const piece = fc.oneof(
      year.map((y) => `<p>某县${y}年政府信息公开工作年度报告</p>`),
      year.map((y) => `<p>统计数据截至${y}年12月31日。</p>`),
      year.map((y) => `<p>${y}年度，我局依法公开。</p>`),
      fc.constant('<p>本报告由某县民政局编制。</p>'),
      fc.string({ maxLength: 20 }).map((s) => `<p>${s.replace(/[<&]/g, '')}</p>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const result = importReport(untitled.replace(FIRST_P, (p) => `${pieces.join('')}${p}`));
        if (result.ok) expect(parseReport(JSON.parse(JSON.stringify(result.report))).ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('headings and characters never seen before', () => {
  const t4Heading = '四、政府信息公开行政复议、行政诉讼情况';

  it('has the statute t4 heading in the fixture page', () => {
    expect(seedHtml).toContain(t4Heading);
  });

  for (const variant of [
    '四、因政府信息公开工作被申请行政复议提起行政诉讼情况',
    '四、政府信息公开行政法复议、行政诉讼情况',
    '## 四、政府信息公开行政复议,行政诉讼情况',
  ]) {
    it(`matches ${variant} to 表四 by similarity, losing no cell`, () => {
      const result = importReport(seedHtml.replace(t4Heading, variant));
      if (!result.ok) throw new Error(JSON.stringify(result.notes));
      expect(cells(result.report)).toEqual(cells(seedReport));
    });
  }

  it('reads a traditional-character page by folding for matching only: cells identical, narrative kept as given', () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const traditional = toTraditional(seedHtml);
    expect(traditional).not.toBe(seedHtml);
    const result = importReport(traditional);
    if (!result.ok) throw new Error(JSON.stringify(result.notes));
    expect(cells(result.report)).toEqual(cells(seedReport));
    const given = (seedReport.sections?.overview ?? []).map((block) => toTraditional(block.text));
    expect(result.report.sections?.overview?.map((block) => block.text)).toEqual(given);
  });
});

describe('notes', () => {
  it('keeps the first 100 notes and says how many more there were', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      code: 'cell-note' as const,
      severity: 'info' as const,
      cells: [],
      message: { zh: `说明 ${i}`, en: `note ${i}` },
    }));
    const capped = capNotes(many);
    expect(capped).toHaveLength(MAX_NOTES + 1);
    expect(capped[MAX_NOTES - 1]?.message.en).toBe('note 99');
    expect(capped[MAX_NOTES]?.code).toBe('notes-capped');
    expect(capped[MAX_NOTES]?.message.en).toContain('150 more');
    expect(capNotes(many.slice(0, 3))).toHaveLength(3);
  });
});
