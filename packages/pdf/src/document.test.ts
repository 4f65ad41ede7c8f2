import { checkReport, reportTitle } from '@nianbao/model';
import { busyReport, failingFixtures, seedReport } from '@nianbao/model/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_TITLE, titleLines } from './document.js';
import { renderReportPdf } from './index.js';
import { pdfPages, pdfWords, type WordBox } from './test-support/poppler.js';
import { A4, GB9704_MARGINS, MM, TYPE } from './typography.js';

/*
 * The page furniture and flow of the document, read back from the PDF with positions (pdftotext -bbox): page
 * numbers on the outer side, the title broken after the agency or before the year, tables flowing after the text,
 * the 落款, and the draft's findings page in words staff use.
 */

const SLOW = 120_000;
const squash = (text: string): string => text.replace(/\s+/gu, '');
const bottom = A4.height - GB9704_MARGINS.bottom * MM;

/** The words of one page, top to bottom, left to right. */
function onPage(words: readonly WordBox[], page: number): WordBox[] {
  return words.filter((w) => w.page === page).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

/** The page (1-based) whose text, whitespace removed, contains `text`. */
function pageOf(pages: readonly string[], text: string): number {
  return pages.findIndex((page) => squash(page).includes(squash(text))) + 1;
}

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('某县政府2024年政府信息公开工作年度报告', '某县政府', 2024)).toEqual([
      '某县政府2024年政府信息公开工作年度报告',
    ]);
  });

  it('breaks after the agency, so the year and 工作年度报告 stay whole', () => {
    const title = reportTitle(busyReport.meta);
    expect(titleLines(title, busyReport.meta.agency, busyReport.meta.year)).toEqual([
      busyReport.meta.agency,
      `${busyReport.meta.year}年政府信息公开工作年度报告`,
    ]);
  });

  it('breaks a custom title that does not start with the agency before the year', () => {
    const title = reportTitle(seedReport.meta);
    expect(title.startsWith(seedReport.meta.agency)).toBe(false);
    expect(titleLines(title, seedReport.meta.agency, seedReport.meta.year)).toEqual([
      '平罗县头闸镇',
      '2022 年政府信息公开工作年度报告',
    ]);
  });
});

describe('the busy report', () => {
  let pages: string[];
  let words: WordBox[];
  let unsigned: string[];
  beforeAll(async () => {
    const bytes = await renderReportPdf(busyReport);
    pages = pdfPages(bytes);
    ({ words } = pdfWords(bytes));
    unsigned = pdfPages(await renderReportPdf(busyReport, { signOff: false }));
  }, SLOW);

  it('numbers odd pages at the right and even pages at the left, one character in, — n — in 四号', () => {
    const right = A4.width - GB9704_MARGINS.right * MM - TYPE.pageNumber;
    const left = GB9704_MARGINS.left * MM + TYPE.pageNumber;
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages.length; page++) {
      const foot = onPage(words, page).filter((w) => w.yMin > bottom);
      expect(
        foot.map((w) => w.text),
        `page ${page}`,
      ).toEqual(['—', String(page), '—']);
      const [first, , last] = foot as [WordBox, WordBox, WordBox];
      if (page % 2 === 1) expect(Math.abs(last.xMax - right), `page ${page}`).toBeLessThan(1.5);
      else expect(Math.abs(first.xMin - left), `page ${page}`).toBeLessThan(1.5);
      // 四号 = 14 pt: the dash is about one em wide.
      expect(first.xMax - first.xMin, `page ${page}`).toBeCloseTo(TYPE.pageNumber * 0.89, 0);
    }
  });

  it('sets the title on two centred lines: the agency, then the year and 政府信息公开工作年度报告', () => {
    const lines =
      pages[0]
        ?.split('\n')
        .map(squash)
        .filter((line) => line !== '' && !/^—\d+—$/.test(line)) ?? [];
    expect(lines.slice(0, 2)).toEqual([busyReport.meta.agency, '2024年政府信息公开工作年度报告']);
  });

  it('flows 二 and 表二 after the text of 一 on the same page, and 表四 after 表三, without forced breaks', () => {
    const overview = busyReport.sections?.overview ?? [];
    const lastBlock = overview[overview.length - 1];
    const endOfOne = squash(lastBlock?.text ?? '').slice(-12);
    expect(endOfOne).not.toBe('');
    const heading = words.find((w) => w.text.startsWith('二、主动公开政府信息情况'));
    expect(heading).toBeDefined();
    const headingPage = heading?.page ?? 0;
    expect(pageOf(pages, endOfOne)).toBe(headingPage);
    // Not at the top of its page: the end of 一 is above it.
    expect(heading?.yMin ?? 0).toBeGreaterThan(GB9704_MARGINS.top * MM + 4 * TYPE.pitch);
    expect(pageOf(pages, '行政事业性收费')).toBe(headingPage);
    // 表四 (four rows) fits below the end of 表三 and goes with its heading.
    expect(pageOf(pages, '四、政府信息公开行政复议、行政诉讼情况')).toBe(
      pageOf(pages, '四、结转下年度继续办理'),
    );
  });

  it('ends with the 落款 from meta.publishedAt (agency, then the date), unless signOff is false', () => {
    const last = onPage(words, pages.length).filter((w) => w.yMin < bottom);
    const [agency, date] = last.slice(-2);
    expect(agency?.text).toBe(busyReport.meta.agency);
    expect(date?.text).toBe('2025年1月20日');
    // Right-set (右空二字), the date's first character two characters right of the agency's.
    const blockRight = A4.width - GB9704_MARGINS.right * MM;
    expect(Math.abs(blockRight - (agency?.xMax ?? 0) - 2 * TYPE.body)).toBeLessThan(1.5);
    expect(Math.abs((date?.xMin ?? 0) - (agency?.xMin ?? 0) - 2 * TYPE.body)).toBeLessThan(1.5);
    expect(squash(unsigned.join(''))).not.toContain('2025年1月20日');
  });
});

it(
  'prints no 落款 for a report without publishedAt',
  async () => {
    expect(seedReport.meta.publishedAt).toBeUndefined();
    const pages = pdfPages(await renderReportPdf(seedReport));
    const tail = squash(pages[pages.length - 1] ?? '').replace(/—\d+—$/, '');
    expect(tail.endsWith('(二)本机关2022年未收取信息处理费。')).toBe(true);
  },
  SLOW,
);

it(
  'draft: the findings page leads with the Chinese message and names cells in words; ids and paths follow; the watermark is translucent',
  async () => {
    const fixture = failingFixtures.find((f) => f.rule === 't3-balance');
    if (!fixture) throw new Error('fixture t3-balance missing');
    const bytes = await renderReportPdf(fixture.report, { draft: true });
    const pages = pdfPages(bytes);
    const page = squash(pages[pages.length - 1] ?? '');
    expect(page).toContain(squash(FINDINGS_TITLE));
    const finding = checkReport(fixture.report).find((f) => f.rule === 't3-balance');
    if (!finding) throw new Error('no t3-balance finding');
    const message = page.indexOf(squash(finding.message.zh));
    const cell = page.indexOf('「三、（七）总计·自然人」');
    const rule = page.indexOf('t3-balance');
    const path = page.indexOf('t3.results.total.naturalPerson');
    expect(message).toBeGreaterThan(0);
    expect(cell).toBeGreaterThan(message);
    expect(rule).toBeGreaterThan(cell);
    expect(path).toBeGreaterThan(rule);
    // The 草稿 watermark is drawn at 30 % opacity, so the rules and figures under it stay visible.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/ca 0\.3\b/);
  },
  SLOW,
);
